package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/frontmatter"
	"github.com/gongkai/gongkai/generator/sourcefs"
	"github.com/spf13/afero"
)

// SectionTypes maps well-known section folders to page types when nothing else says.
var SectionTypes = map[string]string{
	"policies":      "policy",
	"consultations": "consultation",
	"disclosures":   "disclosure",
}

// Load reads every Markdown file under root. Errors are collected per file so that a user sees
// all of them at once; pages that failed are left out. A file beyond lim is an error.
func Load(fsys afero.Fs, root string, taxonomyKeys []string, lim config.Limits) ([]*Page, []error) {
	var files []string
	var refused []error
	err := afero.Walk(fsys, root, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			if sourcefs.IsRefused(err) && p != root {
				// Other files are the assets walk's to report.
				if name := filepath.Base(p); strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") {
					refused = append(refused, err)
				}
				return nil
			}
			return err
		}
		name := info.Name()
		if info.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") {
			files = append(files, p)
		} else if looksLikePage(name) {
			refused = append(refused, fmt.Errorf("%s:1: 页面文件须以小写 .md 结尾，否则它会原样（连同 front matter 和草稿）作为附件发布；改名为 %s", p, strings.TrimSuffix(name, filepath.Ext(name))+".md"))
		}
		return nil
	})
	if sourcefs.IsRefused(err) {
		return nil, []error{err}
	}
	if err != nil {
		return nil, []error{fmt.Errorf("%s: 无法读取内容文件夹：%v；检查该文件夹是否存在、是否有读权限", root, err)}
	}
	sort.Strings(files)

	var pages []*Page
	errs := refused
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		p, err := loadPage(fsys, f, rel, taxonomyKeys, lim)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages = append(pages, p)
	}
	applySectionTypes(pages)
	// A page with a misspelt key stays in: the build fails on the key all the same, and the
	// clerk hears of every other problem of the page (dead links, unmasked numbers) in the
	// same run instead of one fix at a time.
	for _, p := range pages {
		errs = append(errs, checkKeys(p, taxonomyKeys)...)
	}
	return pages, errs
}

// LoadFile reads one Markdown file below root, for rebuilding after an edit. Its type comes from
// the section types that others (the pages of the same site) declare, as Load would give it.
func LoadFile(fsys afero.Fs, root, srcPath string, taxonomyKeys []string, others []*Page, lim config.Limits) (*Page, error) {
	rel, err := filepath.Rel(root, srcPath)
	if err != nil {
		return nil, err
	}
	p, err := loadPage(fsys, srcPath, filepath.ToSlash(rel), taxonomyKeys, lim)
	if err != nil {
		return nil, err
	}
	applySectionTypes(append(append([]*Page(nil), others...), p))
	if es := checkKeys(p, taxonomyKeys); len(es) > 0 {
		return nil, errors.Join(es...)
	}
	return p, nil
}

func loadPage(fsys afero.Fs, srcPath, rel string, taxonomyKeys []string, lim config.Limits) (*Page, error) {
	src, err := readLimited(fsys, srcPath, lim)
	if err != nil {
		return nil, err
	}
	doc, err := frontmatter.Parse(srcPath, src)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(srcPath, doc.Meta, doc.MetaLine, lim); err != nil {
		return nil, err
	}
	p := &Page{
		File:     rel,
		SrcPath:  srcPath,
		Meta:     doc.Meta,
		MetaLine: doc.MetaLine,
		Body:     doc.Body,
		BodyLine: doc.BodyLine,
		Source:   doc.Text,
	}
	p.Dir = path.Dir(rel)
	if p.Dir == "." {
		p.Dir = ""
	}
	if i := strings.IndexByte(rel, '/'); i > 0 {
		p.Section = rel[:i]
	}
	base := path.Base(rel)
	switch {
	case base == "_index.md" && p.Dir == "":
		p.Kind = KindHome
	case base == "_index.md":
		p.Kind = KindSection
	default:
		p.Kind = KindPage
	}
	if err := decodeMeta(p, taxonomyKeys); err != nil {
		return nil, err
	}
	if p.Title == "" {
		p.Title = titleFromBody(p.Body)
	}
	if p.Title == "" {
		p.Title = strings.TrimSuffix(base, ".md")
		if p.Kind != KindPage {
			p.Title = path.Base(p.Dir)
		}
	}
	p.URL = pageURL(p)
	return p, nil
}

// titleFromBody takes the first "# " heading as the title of a file without one in front matter.
func titleFromBody(body []byte) string {
	for _, line := range strings.SplitN(string(body), "\n", 40) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "# ") {
			t := strings.TrimSpace(strings.TrimPrefix(line, "# "))
			if i := strings.Index(t, "<!--"); i >= 0 {
				t = strings.TrimSpace(t[:i])
			}
			// A copy: a part of string(body) would keep the whole body in
			// memory for as long as the title (laws ×4: 215 MB).
			return strings.Clone(t)
		}
	}
	return ""
}

func pageURL(p *Page) string {
	if p.Kind == KindHome {
		return "/"
	}
	if p.Kind == KindSection {
		return "/" + urlPath(p.Dir) + "/"
	}
	slug := p.Slug
	if slug == "" {
		slug = strings.TrimSuffix(path.Base(p.File), ".md")
		if slug == "index" {
			return "/" + urlPath(p.Dir) + "/"
		}
	}
	if p.Dir == "" {
		return "/" + urlPath(slug) + "/"
	}
	return "/" + urlPath(p.Dir) + "/" + urlPath(slug) + "/"
}

// urlPath keeps Unicode (readers see Chinese URLs) but replaces spaces, which break links.
func urlPath(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), " ", "-")
}

// applySectionTypes gives pages without a type the one their section's _index.md declares, or
// the well-known one for their folder name.
func applySectionTypes(pages []*Page) {
	declared := map[string]string{}
	for _, p := range pages {
		if p.Kind == KindSection && p.Type != "" {
			declared[p.Dir] = p.Type
		}
	}
	for _, p := range pages {
		if p.Type != "" {
			continue
		}
		if p.Kind == KindHome {
			p.Type = "home"
			continue
		}
		for dir := p.Dir; ; dir = path.Dir(dir) {
			if t, ok := declared[dir]; ok {
				p.Type = t
				break
			}
			if dir == "." || dir == "" || dir == "/" {
				break
			}
		}
		if p.Type == "" {
			if t, ok := SectionTypes[p.Section]; ok {
				p.Type = t
			} else if p.Kind == KindSection {
				p.Type = "section"
			} else {
				p.Type = "page"
			}
		}
	}
}

// looksLikePage reports whether a file is a Markdown page spelt other than .md (x.MD,
// x.markdown): it would be copied as an attachment, front matter, drafts and all.
func looksLikePage(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd"
}
