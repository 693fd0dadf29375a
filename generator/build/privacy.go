package build

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// guardPrivacy refuses to publish an unmasked ID, mobile or bank card number anywhere in a
// published page's file or in the data files beside it.
func guardPrivacy(fsys afero.Fs, pages []*site.Page) []error {
	var errs []error
	dirs := map[string][]string{}
	for _, p := range pages {
		if p.SrcPath == "" {
			continue
		}
		allow := allowList(p)
		errs = append(errs, findingErrors(p.SrcPath, privacy.Scan(p.Source, allow))...)
		p.Source = nil // scanned: the rest of the build needs only the body
		dir := filepath.Dir(p.SrcPath)
		dirs[dir] = append(dirs[dir], allow...)
	}
	for dir, allow := range dirs {
		entries, err := afero.ReadDir(fsys, dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !isDataFile(e) {
				continue
			}
			path := filepath.Join(dir, e.Name())
			src, err := afero.ReadFile(fsys, path)
			if err != nil {
				continue
			}
			errs = append(errs, findingErrors(path, privacy.Scan(src, allow))...)
		}
	}
	return errs
}

func isDataFile(e fs.FileInfo) bool {
	switch strings.ToLower(filepath.Ext(e.Name())) {
	case ".csv", ".tsv", ".json", ".txt", ".yaml", ".yml":
		return true
	}
	return false
}

func allowList(p *site.Page) []string {
	var out []string
	switch v := p.Params["allow_numbers"].(type) {
	case []any:
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
	case string:
		out = append(out, v)
	}
	if p.Disclose != nil && p.Disclose.Hotline != "" {
		out = append(out, p.Disclose.Hotline)
	}
	return out
}

func findingErrors(path string, fs []privacy.Finding) []error {
	var errs []error
	for _, f := range fs {
		errs = append(errs, fmt.Errorf("%s:%d:%d: 未脱敏的%s %s 不得公开; mask it (run `gongkai mask %s`) or, for an official number, list it under allow_numbers in the front matter", path, f.Line, f.Col, f.Kind, f.Masked, path))
	}
	return errs
}
