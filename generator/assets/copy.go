package assets

import (
	"fmt"
	"io"
	"os"
	"path"

	"github.com/spf13/afero"
)

// Collisions reports every file that would overwrite something the build already wrote into
// out (a page, a listing, a feed, a data file, the search index), naming both. A copied file
// never silently replaces generated output: one of the two would be lost, and which one would
// depend on the order of writing. replaceable names the outputs a site may replace on purpose
// (the theme's static files, which static/ overrides); it may be nil.
func Collisions(files []File, out afero.Fs, replaceable func(dest string) bool) []error {
	var errs []error
	for _, f := range files {
		info, err := out.Stat("/" + f.Dest)
		if err == nil && (info.IsDir() || replaceable == nil || !replaceable(f.Dest)) {
			errs = append(errs, fmt.Errorf("%s: 会覆盖构建生成的 /%s；将 %s 改名或移走", f.Src, f.Dest, f.Src))
			continue
		}
		if blocker := fileOnPath(out, f.Dest); blocker != "" {
			errs = append(errs, fmt.Errorf("%s: 无法发布为 /%s，因为构建会生成文件 /%s；将 %s 改名或移走", f.Src, f.Dest, blocker, f.Src))
		}
	}
	return errs
}

// fileOnPath finds a generated file where dest needs a folder (robots.txt/x needs robots.txt
// to be a folder).
func fileOnPath(out afero.Fs, dest string) string {
	for dir := path.Dir(dest); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if info, err := out.Stat("/" + dir); err == nil {
			if info.IsDir() {
				return ""
			}
			return dir
		}
	}
	return ""
}

// Copy writes files from src into out (the output root). Each file is written under a
// temporary name and renamed into place, so that a server reading out while `serve --watch`
// updates it never sends half a file.
func Copy(src afero.Fs, files []File, out afero.Fs) error {
	for _, f := range files {
		if err := copyFile(src, f, out); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src afero.Fs, f File, out afero.Fs) error {
	dest := "/" + f.Dest
	if err := out.MkdirAll(path.Dir(dest), 0o755); err != nil {
		return fmt.Errorf("%s: 无法为 /%s 创建文件夹：%v", f.Src, f.Dest, err)
	}
	in, err := src.Open(f.Src)
	if err != nil {
		return fmt.Errorf("%s: 无法读取：%v", f.Src, err)
	}
	defer in.Close()
	tmp := path.Join(path.Dir(dest), ".tmp-asset-"+path.Base(dest))
	w, err := out.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("%s: 无法写入 /%s：%v", f.Src, f.Dest, err)
	}
	_, err = io.Copy(w, in)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = out.Rename(tmp, dest)
	}
	if err != nil {
		_ = out.Remove(tmp)
		return fmt.Errorf("%s: 无法写入 /%s：%v", f.Src, f.Dest, err)
	}
	return nil
}
