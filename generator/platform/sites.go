package platform

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/spf13/afero"
)

// Site is one site of the platform.
type Site struct {
	Name string // its address on the platform and its folder under public/
	Dir  string // its folder, holding site.yaml
	Line int    // the line of platform.yaml that names it
}

// Resolve expands the sites of platform.yaml (file, in folder root) into folders holding a
// site.yaml, sorted by name. A folder named outright must hold a site; a pattern takes the
// folders it matches that do, and must match at least one.
func Resolve(fs afero.Fs, root, file string, c *Config) ([]Site, error) {
	var (
		sites []Site
		errs  []string
		byDir = map[string]bool{}
		names = map[string]int{}
	)
	add := func(e SiteEntry, rel string) {
		dir := filepath.Join(root, filepath.FromSlash(rel))
		if byDir[dir] {
			return // named twice, e.g. outright and by a pattern
		}
		name := e.Name
		if name == "" {
			name = path.Base(rel)
			if msg := nameProblem(name); msg != "" {
				errs = append(errs, fmt.Sprintf("%s:%d: 站点文件夹 %s 的名字 %s；或者给文件夹改名", file, e.Line, rel, msg))
				return
			}
		}
		if first, dup := names[name]; dup {
			errs = append(errs, fmt.Sprintf("%s:%d: 站点名 %q 重复（第 %d 行已有）；用 {name: 另一个名字, path: %s} 区分", file, e.Line, name, first, rel))
			return
		}
		names[name] = e.Line
		byDir[dir] = true
		sites = append(sites, Site{Name: name, Dir: dir, Line: e.Line})
	}
	for _, e := range c.Sites {
		if !strings.ContainsAny(e.Path, "*?[") {
			if ok, _ := afero.Exists(fs, filepath.Join(root, filepath.FromSlash(e.Path), config.FileName)); !ok {
				errs = append(errs, fmt.Sprintf("%s:%d: 站点文件夹 %s 中没有 %s；检查文件夹名，或在其中创建 site.yaml（写入如 `title: 某某镇人民政府`）", file, e.Line, e.Path, config.FileName))
				continue
			}
			add(e, e.Path)
			continue
		}
		matches, err := afero.Glob(fs, filepath.Join(root, filepath.FromSlash(e.Path)))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: 通配符 %q 写错了（%v）", file, e.Line, e.Path, err))
			continue
		}
		sort.Strings(matches)
		found := 0
		for _, m := range matches {
			if ok, _ := afero.Exists(fs, filepath.Join(m, config.FileName)); !ok {
				continue
			}
			rel, err := filepath.Rel(root, m)
			if err != nil {
				continue
			}
			found++
			add(e, filepath.ToSlash(rel))
		}
		if found == 0 {
			errs = append(errs, fmt.Sprintf("%s:%d: 通配符 %s 没有找到含 %s 的站点文件夹；检查路径", file, e.Line, e.Path, config.FileName))
		}
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Name < sites[j].Name })
	return sites, nil
}

// Find returns the site of that name.
func Find(sites []Site, name string) (Site, bool) {
	for _, s := range sites {
		if s.Name == name {
			return s, true
		}
	}
	return Site{}, false
}
