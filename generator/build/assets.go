package build

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/generator/assets"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// siteFiles is what a build knows about the files it copies rather than renders: attachments,
// images and data files beside the Markdown, and the site's static/ folder. A Session keeps it
// to copy an edited file without rebuilding and to notice when the set of files changes.
type siteFiles struct {
	list  []assets.File
	bySrc map[string]assets.File // by filepath.Clean(Src)
	dests map[string]bool        // output paths
	// inputs maps every content page (published or not) to the duties_file it names: the build
	// reads those tables and publishes them as duty data, not as files.
	inputs     map[string]string
	inputFiles map[string]bool
	// hidden are the folders of unpublished page bundles (an index.md that is a draft, dated in
	// the future or expired): their files stay unpublished with the page.
	hidden map[string]bool
	// The guard needs where the site is (privacy.reviewed names paths from its root), the
	// files it may publish unread, and the theme whose static files are published too.
	source   string
	privacy  config.Privacy
	themeFs  afero.Fs
	themeDir string
	// lang is the interface language, for the type and size after links to files.
	lang string
	// reviewedNotes are printed with every build: the files published unread, and why.
	reviewedNotes []string
}

// findFiles lists the files to copy. loaded are all content pages, published or not; pages
// the published ones.
func (st *state) findFiles(loaded []*content.Page, pages []*site.Page) (*siteFiles, []error) {
	sf := &siteFiles{inputs: map[string]string{}, inputFiles: map[string]bool{}, hidden: map[string]bool{}, source: st.opts.Source}
	if st.cfg != nil {
		sf.privacy = st.cfg.Privacy
		sf.lang = st.cfg.Language
		sf.themeDir = filepath.Join(st.opts.Source, "themes", st.cfg.Theme)
		sf.themeFs = render.ThemeFs(st.opts.SrcFs, sf.themeDir)
	}
	published := map[string]bool{}
	for _, p := range pages {
		published[filepath.Clean(p.SrcPath)] = true
	}
	for _, cp := range loaded {
		src := filepath.Clean(cp.SrcPath)
		if f := dutiesFileOf(cp); f != "" {
			sf.inputs[src] = f
			sf.inputFiles[f] = true
		}
		if filepath.Base(src) == "index.md" && !published[src] {
			sf.hidden[filepath.Dir(src)] = true
		}
	}
	list, errs := assets.Find(st.opts.SrcFs, assets.Options{ContentDir: st.contentDir(), StaticDir: st.staticDir(), Keep: sf.keep})
	sf.setList(list)
	return sf, errs
}

func (st *state) staticDir() string { return filepath.Join(st.opts.Source, "static") }

func (sf *siteFiles) setList(list []assets.File) {
	sf.list = list
	sf.bySrc = make(map[string]assets.File, len(list))
	sf.dests = make(map[string]bool, len(list))
	for _, f := range list {
		sf.bySrc[filepath.Clean(f.Src)] = f
		sf.dests[f.Dest] = true
	}
}

// keep reports whether a content file is published: not a duties_file, not in the folder of an
// unpublished page bundle.
func (sf *siteFiles) keep(src string) bool {
	src = filepath.Clean(src)
	if sf.inputFiles[src] {
		return false
	}
	for dir := filepath.Dir(src); ; dir = filepath.Dir(dir) {
		if sf.hidden[dir] {
			return false
		}
		if parent := filepath.Dir(dir); parent == dir {
			return true
		}
	}
}

// dutiesFileOf is the duties_file a page names, read from the front matter directly so that
// unpublished pages' tables are known too.
func dutiesFileOf(cp *content.Page) string {
	if cp.Meta == nil {
		return ""
	}
	for i := 0; i+1 < len(cp.Meta.Content); i += 2 {
		if cp.Meta.Content[i].Value == "duties_file" {
			if v := strings.TrimSpace(cp.Meta.Content[i+1].Value); v != "" {
				return filepath.Clean(filepath.Join(filepath.Dir(cp.SrcPath), v))
			}
		}
	}
	return ""
}

// checkPrivacy runs the personal-data guard over every copied file the guard can read and every
// duties_file of a published page, with the allow_numbers of the pages in the file's folder (and
// of a page bundle's index.md for the folders below it). Only files in dirs, when given, are
// checked: after an edit, those whose allow lists may have changed.
func (sf *siteFiles) checkPrivacy(fsys afero.Fs, pages []*site.Page, dirs map[string]bool) []error {
	allow := map[string][]string{}  // folder → allow lists of its pages
	bundle := map[string][]string{} // folder of an index.md → its allow list
	for _, p := range pages {
		dir := filepath.Dir(filepath.Clean(p.SrcPath))
		list := allowList(p)
		allow[dir] = append(allow[dir], list...)
		if filepath.Base(p.SrcPath) == "index.md" {
			bundle[dir] = list
		}
	}
	allowFor := func(src string) []string {
		dir := filepath.Dir(src)
		out := append([]string(nil), allow[dir]...)
		for d := dir; ; d = filepath.Dir(d) {
			out = append(out, bundle[d]...)
			if filepath.Dir(d) == d {
				return out
			}
		}
	}
	var errs []error
	reviewedUsed := map[int]bool{}
	full := dirs == nil
	if full {
		sf.reviewedNotes = nil
	}
	report := func(found []error) {
		for _, err := range found {
			var u *assets.Unreadable
			if errors.As(err, &u) {
				if i, r, ok := sf.reviewed(u.File.Src); ok {
					reviewedUsed[i] = true
					if full {
						sf.reviewedNotes = append(sf.reviewedNotes, fmt.Sprintf("%s: 未经检查即发布（site.yaml:%d privacy.reviewed: %s）", u.File.Src, r.Line, r.Reason))
					}
					continue
				}
			}
			errs = append(errs, err)
		}
	}
	check := func(f assets.File) {
		src := filepath.Clean(f.Src)
		if dirs != nil && !dirs[filepath.Dir(src)] {
			return
		}
		var list []string
		if f.Origin == assets.Content {
			list = allowFor(src)
		}
		report(assets.Check(fsys, f, list))
	}
	for _, f := range sf.list {
		check(f)
	}
	for _, p := range pages {
		if in := sf.inputs[filepath.Clean(p.SrcPath)]; in != "" {
			check(assets.File{Src: in, Origin: assets.Content})
		}
	}
	if full {
		errs = append(errs, sf.checkTheme(fsys, report)...)
		for i, r := range sf.privacy.Reviewed {
			if !reviewedUsed[i] {
				sf.reviewedNotes = append(sf.reviewedNotes, fmt.Sprintf("site.yaml:%d: privacy.reviewed %s 没有匹配任何无法检查的发布文件；文件已删除或已可检查时，请删去这一项", r.Line, r.Path))
			}
		}
	}
	return errs
}

// checkTheme runs the guard over the theme's static files the site publishes (those its own
// static/ folder does not replace): a theme is a folder of files like any other.
func (sf *siteFiles) checkTheme(fsys afero.Fs, report func([]error)) []error {
	if sf.themeFs == nil {
		return nil
	}
	files, err := render.StaticFiles(sf.themeFs)
	if err != nil {
		return []error{fmt.Errorf("theme: 无法列出主题的 static 文件：%v", err)}
	}
	for _, f := range files {
		if sf.dests[f] {
			continue // replaced by the site's static/ file, which is checked
		}
		data, err := afero.ReadFile(sf.themeFs, "static/"+f)
		if err != nil {
			return []error{fmt.Errorf("theme: static/%s: 无法读取，因而无法检查其中的个人信息：%v", f, err)}
		}
		src := filepath.Join(sf.themeDir, "static", filepath.FromSlash(f))
		report(assets.CheckData(assets.File{Src: src, Dest: f, Origin: assets.Static}, data, nil))
	}
	return nil
}

// reviewed finds the privacy.reviewed entry naming the file at src.
func (sf *siteFiles) reviewed(src string) (int, config.Reviewed, bool) {
	rel, err := filepath.Rel(sf.source, src)
	if err != nil {
		return 0, config.Reviewed{}, false
	}
	rel = filepath.ToSlash(rel)
	for i, r := range sf.privacy.Reviewed {
		if r.Matches(rel) {
			return i, r, true
		}
	}
	return 0, config.Reviewed{}, false
}

// copyTo copies every file into the output, after the pages and data files were rendered
// into it. A file that would replace a generated one is an error naming both; a theme's static
// files are the exception, replaced on purpose by the site's static/ folder.
func (sf *siteFiles) copyTo(src afero.Fs, out afero.Fs, themeFs afero.Fs) error {
	themeStatic, err := render.StaticFiles(themeFs)
	if err != nil {
		return fmt.Errorf("theme: 无法列出主题的 static 文件：%v", err)
	}
	replaceable := make(map[string]bool, len(themeStatic))
	for _, f := range themeStatic {
		replaceable[f] = true
	}
	if errs := assets.Collisions(sf.list, out, func(dest string) bool { return replaceable[dest] }); len(errs) > 0 {
		sortErrors(errs)
		return Errors(errs)
	}
	return assets.Copy(src, sf.list, out)
}

// changedBy reports whether an edited page changes which files are published: it names another
// duties_file, or it is a bundle's index.md that was published and no longer is, or the reverse.
func (sf *siteFiles) changedBy(src string, cp *content.Page, published bool) bool {
	if dutiesFileOf(cp) != sf.inputs[src] {
		return true
	}
	return filepath.Base(src) == "index.md" && sf.hidden[filepath.Dir(src)] == published
}

// publishes reports whether a file that was not published before would be now, which needs a
// full rebuild. It is asked only about new files, so listing the folders again is cheap enough.
func (st *state) publishes(src string) bool {
	list, _ := assets.Find(st.opts.SrcFs, assets.Options{ContentDir: st.contentDir(), StaticDir: st.staticDir(), Keep: st.files.keep})
	for _, f := range list {
		if filepath.Clean(f.Src) == src {
			return true
		}
	}
	return false
}

// copyEdited copies the published files at srcs into out again and returns their output paths.
func (sf *siteFiles) copyEdited(src, out afero.Fs, srcs []string) ([]string, error) {
	var files []assets.File
	var dests []string
	for _, s := range srcs {
		if f, ok := sf.bySrc[s]; ok {
			files = append(files, f)
			dests = append(dests, f.Dest)
		}
	}
	return dests, assets.Copy(src, files, out)
}

// destSrc is the source of the file published at dest.
func (sf *siteFiles) destSrc(dest string) string {
	for _, f := range sf.list {
		if f.Dest == dest {
			return f.Src
		}
	}
	return dest
}

// pageWriting names the page among pages whose HTML is the output file name.
func pageWriting(pages []*site.Page, name string) string {
	for _, p := range pages {
		if u := strings.Trim(p.URL, "/"); u+"/index.html" == name || (u == "" && name == "index.html") {
			return p.SrcPath
		}
	}
	return "a page"
}

// holds reports whether a page or a published file was below the folder dir.
func (st *state) holds(dir string) bool {
	prefix := dir + string(filepath.Separator)
	for src := range st.files.bySrc {
		if strings.HasPrefix(src, prefix) {
			return true
		}
	}
	for _, p := range st.pages {
		if strings.HasPrefix(filepath.Clean(p.SrcPath), prefix) {
			return true
		}
	}
	return false
}
