// Package archetype writes new content files from the theme's archetypes, with the front matter
// a staff member has to fill in already laid out.
package archetype

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/afero"
)

// Data fills an archetype's placeholders.
type Data struct {
	Title string
	Date  string
}

// Create writes content/PATH from archetypes/KIND.md of the theme. It refuses to overwrite.
func Create(siteFs afero.Fs, themeFs afero.Fs, contentDir, kind, path string, now time.Time) (string, error) {
	src, err := afero.ReadFile(themeFs, "archetypes/"+kind+".md")
	if err != nil {
		kinds, _ := afero.Glob(themeFs, "archetypes/*.md")
		for i, k := range kinds {
			kinds[i] = strings.TrimSuffix(filepath.Base(k), ".md")
		}
		return "", fmt.Errorf("没有 %q 这种内容模板：可选 %s", kind, strings.Join(kinds, "、"))
	}
	path, err = contentPath(contentDir, path)
	if err != nil {
		return "", err
	}
	if !strings.HasSuffix(path, ".md") {
		path += ".md"
	}
	target := filepath.Join(contentDir, path)
	if ok, _ := afero.Exists(siteFs, target); ok {
		return "", fmt.Errorf("%s 已存在：换一个文件名，或直接编辑它", target)
	}
	tpl, err := template.New(kind).Parse(string(src))
	if err != nil {
		return "", fmt.Errorf("archetypes/%s.md: 模板有误：%v", kind, err)
	}
	title := strings.TrimSuffix(filepath.Base(path), ".md")
	var b bytes.Buffer
	if err := tpl.Execute(&b, Data{Title: title, Date: now.Format("2006-01-02")}); err != nil {
		return "", fmt.Errorf("archetypes/%s.md: 无法套用模板：%v", kind, err)
	}
	if err := siteFs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", err
	}
	return target, afero.WriteFile(siteFs, target, b.Bytes(), 0o644)
}

// contentPath is PATH relative to contentDir. Staff type it as seen from the site folder
// (content/policies/x.md, as `ls` and the build's messages show it), from inside content/
// (policies/x.md), or as an absolute path; all three name the same file, and none may land
// outside content/.
func contentPath(contentDir, path string) (string, error) {
	p := filepath.Clean(filepath.FromSlash(strings.TrimSpace(path)))
	if filepath.IsAbs(p) {
		dir, err := filepath.Abs(contentDir)
		if err != nil {
			return "", err
		}
		if p, err = filepath.Rel(dir, p); err != nil {
			p = ".."
		}
	} else if rest, ok := strings.CutPrefix(p, "content"+string(filepath.Separator)); ok {
		p = rest
	}
	if p == "." || p == ".." || strings.HasPrefix(p, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s 不在 content/ 之内：写成 content/ 下的路径，如 policies/2026-xiangzhen-tongzhi.md", path)
	}
	return p, nil
}
