// Package render turns an assembled site into files: HTML pages from the theme's templates,
// listings with pagination, taxonomy and department pages, the 网站地图 (/sitemap/), RSS feeds,
// sitemap.xml and the open data files.
package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/themes"
	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"
)

// Theme is a parsed theme: one template set per layout, UI strings, static files.
type Theme struct {
	fs       afero.Fs
	layouts  map[string]*template.Template
	strings  map[string]string
	fallback map[string]string
	lang     string
}

// ThemeFs overlays a site's themes/NAME folder on the default theme embedded in the binary, so a
// site may override a single template or the CSS and keep everything else.
func ThemeFs(siteFs afero.Fs, siteThemeDir string) afero.Fs {
	base := afero.FromIOFS{FS: themes.Default()}
	if siteThemeDir == "" {
		return afero.NewReadOnlyFs(base)
	}
	if ok, _ := afero.DirExists(siteFs, siteThemeDir); !ok {
		return afero.NewReadOnlyFs(base)
	}
	overlay := afero.NewReadOnlyFs(afero.NewBasePathFs(siteFs, siteThemeDir))
	return afero.NewReadOnlyFs(afero.NewCopyOnWriteFs(base, overlay))
}

// LoadTheme parses every layout of the theme in fsys for the given UI language.
func LoadTheme(fsys afero.Fs, lang string, funcs template.FuncMap) (*Theme, error) {
	t := &Theme{fs: fsys, lang: lang, layouts: map[string]*template.Template{}}
	var err error
	if t.strings, err = loadStrings(fsys, lang); err != nil {
		return nil, err
	}
	if t.fallback, err = loadStrings(fsys, "zh-CN"); err != nil {
		return nil, err
	}
	funcs["T"] = t.T
	funcs["TOr"] = t.TOr
	funcs["word"] = t.Word
	funcs["clientStrings"] = t.clientStrings
	base, err := afero.ReadFile(fsys, "layouts/baseof.html")
	if err != nil {
		return nil, fmt.Errorf("theme: 缺少 layouts/baseof.html（%v）；主题必须有这个基础模板，可从默认主题复制", err)
	}
	partials, err := afero.Glob(fsys, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	sort.Strings(partials)
	layouts, err := afero.Glob(fsys, "layouts/*.html")
	if err != nil {
		return nil, err
	}
	for _, l := range layouts {
		name := strings.TrimSuffix(path.Base(l), ".html")
		if name == "baseof" {
			continue
		}
		tpl := template.New("baseof").Funcs(funcs)
		if _, err := tpl.Parse(string(base)); err != nil {
			return nil, fmt.Errorf("theme: layouts/baseof.html 模板有误：%v", err)
		}
		for _, p := range partials {
			src, err := afero.ReadFile(fsys, p)
			if err != nil {
				return nil, err
			}
			if _, err := tpl.New(path.Base(p)).Parse(string(src)); err != nil {
				return nil, fmt.Errorf("theme: %s 模板有误：%v", p, err)
			}
		}
		src, err := afero.ReadFile(fsys, l)
		if err != nil {
			return nil, err
		}
		if _, err := tpl.New(path.Base(l)).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("theme: %s 模板有误：%v", l, err)
		}
		t.layouts[name] = tpl
	}
	return t, nil
}

// Has reports whether the theme has a layout.
func (t *Theme) Has(layout string) bool { _, ok := t.layouts[layout]; return ok }

// T returns the UI string for key in the site's language, formatting args into it.
func (t *Theme) T(key string, args ...any) string {
	s, ok := t.strings[key]
	if !ok {
		s, ok = t.fallback[key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// TOr is T for a key the theme may lack (a facet or type added later):
// fallback when neither language has it.
func (t *Theme) TOr(key, fallback string) string {
	if _, ok := t.strings[key]; ok {
		return t.T(key)
	}
	if _, ok := t.fallback[key]; ok {
		return t.T(key)
	}
	return fallback
}

// Word translates a word of the generator's fixed vocabulary (statuses, phases, relations such as
// 被废止) into the UI language: key word_<word>, the word itself when the theme has none.
func (t *Theme) Word(w string) string { return t.TOr("word_"+w, w) }

// clientStrings are the UI strings the search page's script shows, as JSON
// for a data attribute: the script carries only zh-CN defaults.
func (t *Theme) clientStrings() string {
	out := map[string]string{"lang": t.lang}
	for _, key := range []string{"results", "no_results", "prev", "next", "search_status", "search_page", "search_selected", "search_sort",
		"search_filter", "sort_relevance", "sort_newest", "sort_oldest", "search_busy", "search_error", "search_relaxed", "search_suggest"} {
		out[key] = t.T(key)
	}
	for key := range t.fallback {
		if strings.HasPrefix(key, "facet_") || strings.HasPrefix(key, "type_") {
			out[key] = t.T(key)
		}
	}
	data, _ := json.Marshal(out) // a map of strings always encodes
	return string(data)
}

func loadStrings(fsys afero.Fs, lang string) (map[string]string, error) {
	src, err := afero.ReadFile(fsys, "i18n/"+lang+".yaml")
	if err != nil {
		return nil, fmt.Errorf("theme: 缺少 i18n/%s.yaml，主题没有语言 %s 的界面文字；从默认主题复制该文件", lang, lang)
	}
	m := map[string]string{}
	if err := yaml.Unmarshal(src, &m); err != nil {
		return nil, fmt.Errorf("theme: i18n/%s.yaml 无法读取：%v；每行写成 key: 文字", lang, err)
	}
	return m, nil
}

// StaticFiles lists the theme's static files (paths relative to static/).
func (t *Theme) StaticFiles() ([]string, error) { return StaticFiles(t.fs) }

// StaticFiles lists the static files (paths relative to static/) of the theme in themeFs, as
// ThemeFs returns it. The build needs the list before rendering: a site's static/ folder may
// replace these files, but no other file the build writes.
func StaticFiles(themeFs afero.Fs) ([]string, error) {
	var out []string
	err := afero.Walk(themeFs, "static", func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			out = append(out, strings.TrimPrefix(p, "static/"))
		}
		return nil
	})
	return out, err
}

// ReadFile reads a file of the theme.
func (t *Theme) ReadFile(name string) ([]byte, error) { return afero.ReadFile(t.fs, name) }
