package platform

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/minify"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/themes"
	"github.com/spf13/afero"
)

//go:embed templates/*.html
var templateFiles embed.FS

// platformScript is the unified search's client on a static host (docs/search.md).
//
//go:embed assets/platform.js
var platformScript []byte

// manifestFile lists the files the portal wrote, so that the next portal removes the ones it
// no longer writes (a department no site names any more) and nothing else in public/.
const manifestFile = ".gongkai-portal.json"

// PortalReport says what writing the portal did.
type PortalReport struct {
	Sites   int      // sites on the portal
	Files   int      // portal files
	Written []string // portal files whose bytes changed, slash-separated, sorted
	Removed []string // files of the previous portal it no longer has
	Missing []string // sites of platform.yaml with no published output yet, so not on the portal
	// Orphans are site outputs in Dest of sites platform.yaml no longer names: still online
	// at their address, though not on the portal. They are not removed: taking a site offline
	// is for a person to decide.
	Orphans []string
}

// writePortal reads every site's summary from Dest/<name>/ and writes the portal at Dest.
func (p *platform) writePortal() (*PortalReport, error) {
	rep := &PortalReport{}
	var sums []*build.Summary
	for _, s := range p.sites {
		sum, err := build.ReadSummary(p.opts.Fs, filepath.Join(p.opts.Dest, s.Name))
		if err != nil || sum.Name != s.Name {
			rep.Missing = append(rep.Missing, s.Name)
			continue
		}
		sums = append(sums, sum)
	}
	rep.Orphans = p.orphans()
	var shared []config.Department
	if p.cfg.Departments != "" {
		shared, _ = ParseDepartments(p.cfg.Departments, p.shared) // checked by Build and Assemble
	}
	pt := newPortal(p.cfg, p.opts.Now, sums, shared)
	files, err := renderPortal(pt)
	if err != nil {
		return rep, err
	}
	files[SearchManifestFile] = searchManifest(p.opts.Fs, p.opts.Dest, pt)
	rep.Sites, rep.Files = len(sums), len(files)
	return rep, p.publishPortal(files, rep)
}

// orphans are the folders of Dest holding a site's summary that is no site of the platform.
func (p *platform) orphans() []string {
	entries, _ := afero.ReadDir(p.opts.Fs, p.opts.Dest)
	var out []string
	for _, e := range entries {
		if _, ok := Find(p.sites, e.Name()); ok || !e.IsDir() {
			continue
		}
		if _, err := build.ReadSummary(p.opts.Fs, filepath.Join(p.opts.Dest, e.Name())); err == nil {
			out = append(out, e.Name())
		}
	}
	return out
}

// renderPortal is every file of the portal by its slash-separated path.
func renderPortal(pt *portal) (map[string][]byte, error) {
	files := map[string][]byte{}
	base, err := template.New("base.html").Funcs(funcs(0)).ParseFS(templateFiles, "templates/base.html")
	if err != nil {
		return nil, err
	}
	page := func(file, layout string, v view) error {
		t, err := base.Clone()
		if err == nil {
			v.P = pt
			t.Funcs(funcs(strings.Count(file, "/")))
			_, err = t.ParseFS(templateFiles, "templates/"+layout)
		}
		var b bytes.Buffer
		if err == nil {
			err = t.ExecuteTemplate(&b, "base.html", v)
		}
		if err != nil {
			return fmt.Errorf("平台门户 %s：%v", file, err)
		}
		files[file] = b.Bytes()
		return nil
	}
	pages := []struct{ file, layout, title, kind string }{
		{"index.html", "home.html", "", "home"},
		{"updates/index.html", "updates.html", "最近更新", "updates"},
		{"notices/index.html", "notices.html", "正在公示", "notices"},
		{"departments/index.html", "departments.html", "部门", "departments"},
		{"search/index.html", "search.html", "统一搜索", "search"},
	}
	for _, pg := range pages {
		if err := page(pg.file, pg.layout, view{Title: pg.title, Kind: pg.kind}); err != nil {
			return nil, err
		}
	}
	for _, d := range pt.Departments {
		if err := page("departments/"+d.Slug+"/index.html", "department.html", view{Title: d.Name, Kind: "departments", Dept: d}); err != nil {
			return nil, err
		}
	}
	css, err := fs.ReadFile(themes.Default(), "static/css/style.css")
	if err != nil {
		return nil, err
	}
	files["css/style.css"] = css
	js, err := fs.ReadFile(themes.Default(), "static/js/search.js")
	if err != nil {
		return nil, err
	}
	files["js/search.js"] = minify.Asset("js/search.js", js)
	files["js/platform.js"] = minify.Asset("js/platform.js", platformScript)
	files["sites.json"] = sitesJSON(pt)
	if pt.Config.BaseURL != "" {
		files["index.xml"] = rss(pt)
		files["atom.xml"] = atom(pt)
	}
	return files, nil
}

// view is what a portal template sees.
type view struct {
	P     *portal
	Title string
	Kind  string
	Dept  *dept
}

// funcs are the template functions of a page depth folders below the portal root: its links
// are relative, so that the portal works under any path and from a folder on disk.
func funcs(depth int) template.FuncMap {
	up := strings.Repeat("../", depth)
	return template.FuncMap{
		"rel": func(u string) string {
			if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
				return u
			}
			if u == "" && up == "" {
				return "./"
			}
			return up + u
		},
		"date": func(t time.Time) string { return t.Format("2006-01-02") },
		"first": func(n int, list any) any {
			v := reflect.ValueOf(list)
			if v.Kind() == reflect.Slice && v.Len() > n {
				return v.Slice(0, n).Interface()
			}
			return list
		},
	}
}

// sitesJSON is the list of sites as open data, for programs (and the unified search).
func sitesJSON(pt *portal) []byte {
	type item struct {
		Name    string    `json:"name"`
		Title   string    `json:"title"`
		URL     string    `json:"url"`
		Updated time.Time `json:"updated,omitzero"`
		Pages   int       `json:"pages"`
		Notices int       `json:"notices"`
	}
	list := []item{}
	for _, s := range pt.Sites {
		u := pt.abs(s.URL)
		if pt.Config.BaseURL == "" && !s.external {
			u = "/" + s.URL
		}
		list = append(list, item{Name: s.Name, Title: s.Title, URL: u, Updated: s.Updated, Pages: s.Pages, Notices: s.Notices})
	}
	b, _ := json.MarshalIndent(map[string]any{"title": pt.Config.Title, "sites": list}, "", " ")
	return append(b, '\n')
}

// publishPortal writes the files that changed, each to a temporary file renamed into place (a
// reader sees the old file or the new one), under the lock on Dest, then removes the previous
// portal's files that are gone. The sites' folders are not touched.
func (p *platform) publishPortal(files map[string][]byte, rep *PortalReport) error {
	afs, dest := p.opts.Fs, p.opts.Dest
	wait := p.opts.LockWait
	if wait <= 0 {
		wait = publish.DefaultWait
	}
	lock, err := publish.Acquire(p.opts.Context, afs, dest, wait)
	if err != nil {
		return err
	}
	defer lock.Release()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		file := filepath.Join(dest, filepath.FromSlash(name))
		if old, err := afero.ReadFile(afs, file); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		if err := writeAtomic(afs, file, files[name]); err != nil {
			return err
		}
		rep.Written = append(rep.Written, name)
	}
	var prev []string
	if b, err := afero.ReadFile(afs, filepath.Join(dest, manifestFile)); err == nil {
		_ = json.Unmarshal(b, &prev)
	}
	for _, name := range prev {
		if _, ok := files[name]; ok || !safePortalPath(name, p.sites) {
			continue
		}
		if afs.Remove(filepath.Join(dest, filepath.FromSlash(name))) == nil {
			rep.Removed = append(rep.Removed, name)
			dir := filepath.Join(dest, filepath.FromSlash(path.Dir(name)))
			if empty, _ := afero.IsEmpty(afs, dir); empty && path.Dir(name) != "." {
				_ = afs.Remove(dir)
			}
		}
	}
	b, _ := json.MarshalIndent(names, "", " ")
	return writeAtomic(afs, filepath.Join(dest, manifestFile), append(b, '\n'))
}

// safePortalPath keeps a tampered manifest from removing a site's files or anything outside
// the portal.
func safePortalPath(name string, sites []Site) bool {
	if name == "" || path.IsAbs(name) || path.Clean(name) != name || strings.HasPrefix(name, "../") || name == ".." {
		return false
	}
	first, _, _ := strings.Cut(name, "/")
	if _, ok := Find(sites, first); ok {
		return false
	}
	return !strings.HasPrefix(first, ".")
}

// writeAtomic writes a file through a temporary file beside it.
func writeAtomic(afs afero.Fs, file string, data []byte) error {
	if err := afs.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("%s: 无法创建文件夹：%v", filepath.Dir(file), err)
	}
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".gongkai-tmp")
	if err := afero.WriteFile(afs, tmp, data, 0o644); err != nil {
		return fmt.Errorf("%s: 无法写入：%v", file, err)
	}
	if err := afs.Rename(tmp, file); err != nil {
		_ = afs.Remove(tmp)
		return fmt.Errorf("%s: 无法写入：%v", file, err)
	}
	return nil
}
