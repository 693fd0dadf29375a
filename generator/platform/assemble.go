package platform

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/spf13/afero"
)

// Assemble puts together site outputs built elsewhere (the artifacts of a CI matrix, one job
// per site with `gongkai build --site NAME`) and writes the portal: each folder of from is a
// site's output (it holds build.SummaryFile), or holds such folders one level down. Each site
// found is published into Dest/<name>/ atomically; a site of platform.yaml with no artifact
// keeps the output already in Dest, and fails when there is none. opts.Site is ignored.
func Assemble(opts Options, from []string) (*Report, error) {
	start := time.Now()
	p, err := load(opts)
	if err != nil {
		return nil, err
	}
	if p.cfg.Departments != "" {
		if _, err := ParseDepartments(filepath.Join(p.opts.Root, filepath.FromSlash(p.cfg.Departments)), p.shared); err != nil {
			return nil, err
		}
	}
	found, err := p.findOutputs(from)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	var failed SitesFailed
	for _, s := range p.sites {
		res := SiteResult{Name: s.Name}
		dest := filepath.Join(p.opts.Dest, s.Name)
		if dir, ok := found[s.Name]; ok {
			res.Status, res.Why = Built, "artifact "+dir
			if err := p.copySite(dir, dest); err != nil {
				res.Status, res.Err = Failed, err
			}
		} else if prev, err := build.ReadSummary(p.opts.Fs, dest); err == nil && prev.Name == s.Name {
			res.Status, res.Why = Unchanged, "no artifact; previous output kept"
		} else {
			res.Status = Failed
			res.Err = fmt.Errorf("没有这个站点的构建输出（%s），%s 中也没有上一次的输出；检查它的构建任务是否失败，制品是否上传（含隐藏文件 %s）", build.SummaryFile, dest, build.SummaryFile)
		}
		if sum, err := build.ReadSummary(p.opts.Fs, dest); err == nil {
			res.Pages = sum.Pages
		}
		if res.Status == Failed {
			failed = append(failed, res)
		}
		rep.Sites = append(rep.Sites, res)
	}
	if rep.Portal, err = p.writePortal(); err != nil {
		return rep, err
	}
	rep.Duration = time.Since(start)
	if len(failed) > 0 {
		return rep, failed
	}
	return rep, nil
}

// findOutputs finds the site outputs in from, by site name.
func (p *platform) findOutputs(from []string) (map[string]string, error) {
	found := map[string]string{}
	add := func(dir string, sum *build.Summary) error {
		if _, ok := Find(p.sites, sum.Name); !ok {
			return fmt.Errorf("%s: 这是站点 %q 的输出，但 %s 中没有这个站点；检查制品，或把站点加到 sites 中", dir, sum.Name, FileName)
		}
		if other, dup := found[sum.Name]; dup {
			return fmt.Errorf("%s: 站点 %q 的输出出现了两次（另一份在 %s）；只保留一份", dir, sum.Name, other)
		}
		found[sum.Name] = dir
		return nil
	}
	for _, dir := range from {
		if sum, err := build.ReadSummary(p.opts.Fs, dir); err == nil {
			if err := add(dir, sum); err != nil {
				return nil, err
			}
			continue
		}
		entries, err := afero.ReadDir(p.opts.Fs, dir)
		if err != nil {
			return nil, fmt.Errorf("%s: 无法读取构建输出文件夹（%v）", dir, err)
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		n := 0
		for _, e := range entries {
			sub := filepath.Join(dir, e.Name())
			if !e.IsDir() {
				continue
			}
			sum, err := build.ReadSummary(p.opts.Fs, sub)
			if err != nil {
				continue
			}
			if err := add(sub, sum); err != nil {
				return nil, err
			}
			n++
		}
		if n == 0 {
			return nil, fmt.Errorf("%s: 既不是站点的构建输出，其下一层也没有（找不到 %s）；传入 `gongkai build --site NAME` 写出的文件夹，上传制品时包含隐藏文件", dir, build.SummaryFile)
		}
	}
	return found, nil
}

// copySite publishes a site's output from src into dest atomically: the copy is staged beside
// dest and swapped in only when complete. src already being dest is left as it is.
func (p *platform) copySite(src, dest string) error {
	if a, err := filepath.Abs(src); err == nil {
		if b, err := filepath.Abs(dest); err == nil && a == b {
			return nil
		}
	}
	stage, err := publish.Begin(p.opts.Fs, dest, publish.Options{Context: p.opts.Context, Wait: p.opts.LockWait})
	if err != nil {
		return err
	}
	out := stage.Fs()
	err = afero.Walk(p.opts.Fs, src, func(path string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if info.IsDir() {
			return out.MkdirAll(filepath.Join("/", rel), 0o755)
		}
		if !info.Mode().IsRegular() {
			return nil // a symlink in an artifact is not followed out of it
		}
		return copyFile(p.opts.Fs, path, out, filepath.Join("/", rel))
	})
	if err != nil {
		stage.Abort()
		return fmt.Errorf("%s: 无法复制构建输出到 %s（%v）", src, dest, err)
	}
	return stage.Commit()
}

func copyFile(srcFs afero.Fs, src string, dstFs afero.Fs, dst string) error {
	in, err := srcFs.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := dstFs.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
