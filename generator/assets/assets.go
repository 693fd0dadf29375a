// Package assets publishes the files of a site that are not pages: the attachments, images and
// data files staff put beside the Markdown in content/, and the site's static/ folder. It finds
// them, checks the ones it can read for personal numbers, and copies them to the output without
// ever overwriting a file the build generated.
package assets

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/sourcefs"
	"github.com/spf13/afero"
)

// Origin is the folder a file comes from. It decides the file's place in the output and whether
// a page's allow_numbers can apply to it.
type Origin int

const (
	// Content files keep their path below content/: content/policies/img/map.png is
	// policies/img/map.png in the output.
	Content Origin = iota
	// Static files are copied to the output root: static/files/a.pdf is files/a.pdf.
	Static
)

// File is one file to publish.
type File struct {
	Src    string // path in the source filesystem, as opened; used in every message
	Dest   string // slash-separated path in the output, without a leading slash
	Origin Origin
}

// Options says where to look.
type Options struct {
	ContentDir string
	StaticDir  string // the site's static/ folder; missing or "" means none
	// Keep reports whether a file found under ContentDir is published. The build leaves out the
	// files it reads as input (duties_file tables) and those of unpublished page bundles.
	// nil keeps every file.
	Keep func(src string) bool
}

// Find lists the files to publish, sorted by Dest. Under content/ that is every file that is not
// a page (.md), not hidden (a path element starting with "."), and not in a folder the content
// loader skips ("_"-prefixed); under static/ every file that is not hidden, except that
// .well-known/ is published (hosts serve security.txt and verification files from there).
// Two files that would land on the same output path, one from each folder, are an error naming
// both.
func Find(fsys afero.Fs, opts Options) ([]File, []error) {
	var files []File
	var errs []error
	if opts.ContentDir != "" {
		found, err := walk(fsys, opts.ContentDir, Content, opts.Keep)
		if err != nil {
			errs = append(errs, err)
		}
		files = append(files, found...)
	}
	if opts.StaticDir != "" {
		if ok, _ := afero.DirExists(fsys, opts.StaticDir); ok {
			found, err := walk(fsys, opts.StaticDir, Static, nil)
			if err != nil {
				errs = append(errs, err)
			}
			files = append(files, found...)
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].Dest < files[j].Dest })
	out := files[:0]
	for i, f := range files {
		if i > 0 && files[i-1].Dest == f.Dest {
			prev := files[i-1]
			errs = append(errs, fmt.Errorf("%s: 它和 %s 都会发布为 /%s；改名或删去其中一个", f.Src, prev.Src, f.Dest))
			continue
		}
		out = append(out, f)
	}
	return out, errs
}

// walk lists the publishable files below root.
func walk(fsys afero.Fs, root string, origin Origin, keep func(string) bool) ([]File, error) {
	var out []File
	var refused []error
	err := afero.Walk(fsys, root, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			if sourcefs.IsRefused(err) && p != root {
				// Pages (.md) are the content loader's to report; hidden files are not published.
				if name := filepath.Base(p); !strings.HasPrefix(name, ".") && !(origin == Content && strings.HasSuffix(name, ".md")) {
					refused = append(refused, err)
				}
				return nil
			}
			return err
		}
		if p == root {
			return nil
		}
		name := info.Name()
		if info.IsDir() {
			if skipDir(name, origin) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || (origin == Content && strings.HasSuffix(name, ".md")) {
			return nil
		}
		if !info.Mode().IsRegular() {
			// A symbolic link is published when it leads to a file; a link to a folder is not
			// followed, so a loop cannot hang the build.
			target, err := fsys.Stat(p)
			if err != nil || !target.Mode().IsRegular() {
				return nil
			}
		}
		if keep != nil && !keep(p) {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out = append(out, File{Src: p, Dest: filepath.ToSlash(rel), Origin: origin})
		return nil
	})
	if sourcefs.IsRefused(err) {
		refused = append(refused, err)
	} else if err != nil {
		return nil, fmt.Errorf("%s: 无法读取文件夹：%v", root, err)
	}
	return out, errors.Join(refused...)
}

// skipDir mirrors the content loader, which skips "_" folders, so that a folder whose pages are
// not built does not publish its files either.
func skipDir(name string, origin Origin) bool {
	if strings.HasPrefix(name, ".") {
		return !(origin == Static && name == ".well-known")
	}
	return origin == Content && strings.HasPrefix(name, "_")
}
