package build

import (
	"errors"
	"fmt"
	"github.com/gongkai/gongkai/generator/privacy"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/cite"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/document"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
	"github.com/spf13/afero"
)

// IndexUpdater changes the records of some pages in the search index in place.
type IndexUpdater interface {
	Update(removeURLs []string, add []search.Record) error
}

// Session keeps the last build in memory so that `serve --watch` rebuilds only what an edit
// touches: the edited pages, the listings, department, citation and taxonomy pages that show
// them, the data files, and their records in the search index. An edited attachment or static
// file is checked and copied alone. A change to site.yaml, a template, a section's _index.md
// that changes its pages' type, or a document's title or 文号 (which other pages link by)
// re-resolves or rebuilds everything, and so does a file added to or removed from the files
// the site publishes as they are (links and attachments to it must be checked again).
type Session struct {
	opts  Options
	st    *state
	site  *site.Site
	r     *render.Renderer
	Index IndexUpdater
	index *search.Index // opened writable by OpenIndex

	// pending are the paths of rebuilds that failed. A save that breaks one page may hold
	// other edits too (a page made a draft): they were not applied, so the next rebuild,
	// which the fix triggers with the fixed file alone, applies them as well.
	pending    []string
	failedFull bool // the last failed rebuild was a full one: the next is full too

	clock func() time.Time // the time of each rebuild: the clock, or the Now the session was given
}

// Report of an incremental rebuild.
type Incremental struct {
	Full     bool     // the change needed a full rebuild
	Pages    int      // pages re-processed
	Written  []string // output files written
	Removed  int      // output files removed
	Duration time.Duration
}

// NewSession runs a full build and keeps it.
func NewSession(opts Options) (*Session, *Report, error) {
	clock := opts.Clock
	switch {
	case !opts.Now.IsZero():
		pinned := opts.Now
		clock = func() time.Time { return pinned }
	case clock == nil:
		clock = func() time.Time { return time.Now().In(content.CST) }
	}
	opts.Now = clock()
	opts = withDefaults(opts)
	rep, st, err := run(opts, true)
	if err != nil {
		return nil, rep, err
	}
	return &Session{opts: opts, st: st, site: rep.Site, r: rep.Renderer, clock: clock}, rep, nil
}

// Next is the next moment the site changes by itself, or nil: serve rebuilds then.
func (s *Session) Next() *Change { return s.st.sched.next(s.clock()) }

// Site is the current site.
func (s *Session) Site() *site.Site { return s.site }

// Renderer is the current renderer.
func (s *Session) Renderer() *render.Renderer { return s.r }

// Full rebuilds everything, as after a change to site.yaml or a template.
func (s *Session) Full() (*Report, error) {
	s.opts.Now = s.clock()
	rep, st, err := run(s.opts, true)
	if err != nil {
		return rep, err
	}
	s.st, s.site, s.r = st, rep.Site, rep.Renderer
	return rep, nil
}

// Rebuild brings the output up to date after the files in changed (OS paths) were edited,
// created or removed. On error the output keeps the last good build.
func (s *Session) Rebuild(changed []string) (*Incremental, *Report, error) {
	all := append(append([]string(nil), s.pending...), changed...)
	inc, rep, err := s.rebuild(all, s.failedFull)
	if err != nil {
		s.pending, s.failedFull = all, s.failedFull || inc != nil && inc.Full
		return inc, rep, err
	}
	s.pending, s.failedFull = nil, false
	return inc, rep, nil
}

func (s *Session) rebuild(changed []string, mustFull bool) (*Incremental, *Report, error) {
	start := time.Now()
	paths, files, ok := s.pagesToReload(changed)
	full := func() (*Incremental, *Report, error) {
		rep, err := s.Full()
		return &Incremental{Full: true, Duration: time.Since(start)}, rep, err
	}
	now := s.clock()
	if !ok || mustFull || s.st.sched.due(now) {
		// A moment the last full build foresaw has come (a page's expiryDate): what every
		// listing shows has changed, not only what the edit touched.
		return full()
	}
	s.st.opts.Now = now
	var inc *Incremental
	var err error
	if len(paths) == 0 {
		inc, err = s.copyFiles(files)
	} else {
		inc, err = s.apply(paths, files, false)
	}
	if err == errRelink {
		// A document's title or 文号 changed, or a document came or went: the pages citing it
		// link differently now, so they are converted again with a fresh resolver.
		inc, err = s.apply(append(paths, s.citing(paths)...), files, true)
	}
	if err == errFull {
		return full()
	}
	if err != nil {
		return nil, nil, err
	}
	inc.Duration = time.Since(start)
	return inc, nil, nil
}

// errRelink says that an edit changes what other pages link by.
var errRelink = errors.New("links changed")

// errFull says that an edit changes which files the site publishes as they are: a page bundle
// was published or withdrawn, or a page names another duties_file.
var errFull = errors.New("published files changed")

// apply reloads and converts the pages at paths, re-renders what shows them and copies the
// edited files. With relink, citations are resolved afresh against the new set of documents.
func (s *Session) apply(paths, files []string, relink bool) (*Incremental, error) {
	st := s.st
	lock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	changed := paths
	byPath := map[string]*site.Page{}
	for _, p := range st.pages {
		byPath[filepath.Clean(p.SrcPath)] = p
	}
	ch := render.Changed{Old: map[*site.Page]bool{}, New: map[*site.Page]bool{}}
	var errs Errors
	var loaded []*site.Page
	sched := schedule{} // the changed files' moments, nil for a removed file
	for _, path := range changed {
		path = filepath.Clean(path)
		if old := byPath[path]; old != nil {
			ch.Old[old] = true
		}
		exists, _ := afero.Exists(st.opts.SrcFs, path)
		if !exists {
			if st.files.inputs[path] != "" || st.files.hidden[filepath.Dir(path)] && filepath.Base(path) == "index.md" {
				return nil, errFull
			}
			sched[path] = nil
			continue
		}
		cp, err := content.LoadFile(st.opts.SrcFs, st.contentDir(), path, st.taxKeys, contentPages(st.pages), st.cfg.Limits)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages, decodeErrs := decodePages(st.opts, st.cfg, []*content.Page{cp})
		sched[path] = scheduleOf(st.opts, []*content.Page{cp}, pages)[path]
		if st.files.changedBy(path, cp, len(pages) > 0) {
			return nil, errFull
		}
		errs = append(errs, decodeErrs...)
		errs = append(errs, guardPrivacy(pages)...)
		errs = append(errs, readDutyFiles(st.opts.SrcFs, st.contentDir(), pages, st.cfg.Limits)...)
		for _, p := range pages {
			errs = append(errs, st.files.checkAttachments(st.opts.SrcFs, st.contentDir(), p)...)
		}
		for _, p := range pages {
			if old := byPath[path]; old != nil {
				p.Revisions = old.Revisions
			}
			loaded = append(loaded, p)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if !relink && changesLinks(ch.Old, loaded) {
		return nil, errRelink
	}
	found := map[*site.Page][]cite.Citation{}
	for _, p := range loaded {
		found[p] = cite.Find(string(p.Body))
	}

	// The new page list: the old one with the changed pages swapped, in file order.
	next := make([]*site.Page, 0, len(st.pages)+len(loaded))
	replaced := map[string]*site.Page{}
	for _, p := range loaded {
		replaced[filepath.Clean(p.SrcPath)] = p
		ch.New[p] = true
	}
	for _, p := range st.pages {
		if ch.Old[p] {
			if np := replaced[filepath.Clean(p.SrcPath)]; np != nil {
				next = append(next, np)
				delete(replaced, filepath.Clean(p.SrcPath))
			}
			continue
		}
		next = append(next, p)
	}
	for _, p := range loaded {
		if replaced[filepath.Clean(p.SrcPath)] == p {
			next = append(next, p)
		}
	}
	resolver, md := st.resolver, st.md
	if relink {
		resolver = site.NewResolver(next)
		for p, cs := range st.found {
			if !ch.Old[p] {
				for _, c := range cs {
					resolver.Learn(c)
				}
			}
		}
		md = document.NewMarkdown(st.cfg.Markup.UnsafeHTML, resolver)
	}
	for _, cs := range found {
		for _, c := range cs {
			resolver.Learn(c)
		}
	}
	if pe := st.processAll(md, resolver, next, loaded, found); len(pe) > 0 {
		return nil, Errors(pe)
	}
	// The allow_numbers of the edited pages apply to the files beside them.
	dirs := map[string]bool{}
	for _, p := range loaded {
		dirs[filepath.Dir(filepath.Clean(p.SrcPath))] = true
	}
	for _, f := range files {
		dirs[filepath.Dir(f)] = true
	}
	if pe := st.files.checkPrivacy(st.opts.SrcFs, next, dirs); len(pe) > 0 {
		sortErrors(pe)
		return nil, Errors(pe)
	}
	for p, cs := range found {
		st.found[p] = cs
	}
	for p := range ch.Old {
		delete(st.found, p)
		delete(st.links, p)
	}
	st.resolver, st.md = resolver, md
	prevPages := st.pages
	st.pages = next
	site.ResetLinks(next, st.resolver)
	newSite, _, err := st.assemble(nil)
	if err != nil {
		st.pages = prevPages
		site.ResetLinks(prevPages, st.resolver)
		s.site, _, _ = st.assemble(nil) // restore the links the old pages' renderer relies on
		return nil, err
	}
	r := s.r.WithSite(newSite)
	out := afero.NewBasePathFs(st.opts.DstFs, st.opts.Dest)
	g := newGuard(next, newSite)
	g.refuse = true // no stage here: a file with a finding is never written
	written, removed, err := r.RenderChanged(outputGuard{out, g}, s.r, ch)
	for _, w := range written {
		for _, fd := range privacy.Scan([]byte(w), g.allow) {
			g.add(outputFinding{file: w, name: true, f: fd})
			_ = out.Remove("/" + w)
		}
	}
	if g.findings() {
		return nil, Errors(g.errors(st.opts, st.files))
	}
	if err != nil {
		return nil, err
	}
	for _, w := range written {
		if st.files.dests[w] {
			return nil, fmt.Errorf("%s: 这个页面现在生成到 /%s，会替换在那里发布的文件 %s；将其中一个改名或移走", pageWriting(loaded, w), w, st.files.destSrc(w))
		}
	}
	copied, err := st.files.copyEdited(st.opts.SrcFs, out, files)
	if err != nil {
		return nil, err
	}
	written = append(written, copied...)
	if s.Index != nil && !st.opts.NoIndex {
		var urls []string
		for p := range ch.Old {
			urls = append(urls, p.URL)
		}
		var records []search.Record
		for p := range ch.New {
			urls = append(urls, p.URL)
			records = append(records, pageRecords(p)...)
		}
		if g.scanRecords(records, st.opts.Workers); g.findings() {
			return nil, Errors(g.errors(st.opts, st.files))
		}
		if err := s.Index.Update(urls, records); err != nil {
			return nil, fmt.Errorf("无法更新检索索引：%v", err)
		}
	}
	for path, cs := range sched {
		if len(cs) == 0 {
			delete(st.sched, path)
		} else {
			st.sched[path] = cs
		}
	}
	s.site, s.r = newSite, r
	return &Incremental{Pages: len(loaded), Written: written, Removed: removed}, nil
}

// pagesToReload maps changed paths to the content pages to convert again and the published
// files to copy again. A Markdown file is itself; a duties_file is the pages naming it; an
// edited attachment or static file is copied alone; other files (hidden, editor temporaries)
// are ignored. It reports false when only a full rebuild will do: a change to site.yaml, a
// theme, a section's _index.md that changes the type its pages inherit, or a file added to or
// removed from those published as they are.
func (s *Session) pagesToReload(changed []string) (paths, files []string, ok bool) {
	dir := filepath.Clean(s.st.contentDir()) + string(filepath.Separator)
	sf := s.st.files
	seen := map[string]bool{}
	add := func(p string, to *[]string) {
		if !seen[p] {
			seen[p] = true
			*to = append(*to, p)
		}
	}
	for _, p := range changed {
		p = filepath.Clean(p)
		if s.isOutput(p) {
			continue
		}
		info, err := s.st.opts.SrcFs.Stat(p)
		exists := err == nil
		if _, published := sf.bySrc[p]; published {
			if !exists || !info.Mode().IsRegular() {
				return nil, nil, false // removed: links to it must be checked again
			}
			add(p, &files)
			continue
		}
		if !strings.HasPrefix(p, dir) {
			return nil, nil, false
		}
		if exists && info.IsDir() {
			return nil, nil, false // a new folder: a new section
		}
		if !exists && s.st.holds(p) {
			return nil, nil, false // a removed folder, with what it published
		}
		if filepath.Ext(p) != ".md" {
			if sf.inputFiles[p] {
				for page, in := range sf.inputs {
					if in == p {
						add(page, &paths)
					}
				}
				continue
			}
			if exists && s.st.publishes(p) {
				return nil, nil, false // a new file to publish
			}
			continue
		}
		if filepath.Base(p) == "_index.md" && s.sectionTypeChanged(p) {
			return nil, nil, false
		}
		add(p, &paths)
	}
	return paths, files, len(changed) > 0
}

// isOutput reports whether path is the build's own output: the output folder, or the staging
// and old folders that publishing swaps beside it (.public.gongkai-staging-…, .public.old).
// Watching site.yaml watches the folder that holds them, and a full rebuild must not trigger
// another.
func (s *Session) isOutput(path string) bool {
	dest := filepath.Clean(s.opts.Dest)
	rel, err := filepath.Rel(filepath.Dir(dest), path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	first, _, _ := strings.Cut(rel, string(filepath.Separator))
	base := filepath.Base(dest)
	return first == base || strings.HasPrefix(first, "."+base+".")
}

// copyFiles checks and copies edited published files when no page changed.
func (s *Session) copyFiles(files []string) (*Incremental, error) {
	st := s.st
	lock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[filepath.Dir(f)] = true
	}
	if errs := st.files.checkPrivacy(st.opts.SrcFs, st.pages, dirs); len(errs) > 0 {
		sortErrors(errs)
		return nil, Errors(errs)
	}
	written, err := st.files.copyEdited(st.opts.SrcFs, afero.NewBasePathFs(st.opts.DstFs, st.opts.Dest), files)
	if err != nil {
		return nil, err
	}
	return &Incremental{Written: written}, nil
}

// lock takes the destination's lock for an incremental write, so that a `gongkai build` into
// the same folder waits for it instead of swapping the folder away in the middle.
func (s *Session) lock() (*publish.Lock, error) {
	wait := s.opts.LockWait
	if wait <= 0 {
		wait = publish.DefaultWait
	}
	return publish.Acquire(s.opts.Context, s.opts.DstFs, s.opts.Dest, wait)
}

// sectionTypeChanged reports whether an edited _index.md declares another type than before.
func (s *Session) sectionTypeChanged(path string) bool {
	var before string
	for _, p := range s.st.pages {
		if filepath.Clean(p.SrcPath) == path {
			before = p.Type
		}
	}
	cp, err := content.LoadFile(s.st.opts.SrcFs, s.st.contentDir(), path, s.st.taxKeys, nil, s.st.cfg.Limits)
	if err != nil {
		return false // the error is reported by the rebuild itself
	}
	return cp.Type != before && !(cp.Type == "section" && before == "")
}

// citing lists the pages that cite one of the documents at paths, by title or 文号, before or
// after the edit.
func (s *Session) citing(paths []string) []string {
	titles, keys := map[string]bool{}, map[string]bool{}
	note := func(p *site.Page) {
		if p.Policy != nil {
			titles[cite.TitleKey(p.Title)] = true
			if p.Policy.DocKey != "" {
				keys[p.Policy.DocKey] = true
			}
		}
	}
	in := map[string]bool{}
	for _, path := range paths {
		in[path] = true
	}
	for _, p := range s.st.pages {
		if in[filepath.Clean(p.SrcPath)] {
			note(p)
		}
	}
	for _, path := range paths {
		if cp, err := content.LoadFile(s.st.opts.SrcFs, s.st.contentDir(), path, s.st.taxKeys, contentPages(s.st.pages), s.st.cfg.Limits); err == nil {
			if pages, _ := decodePages(s.st.opts, s.st.cfg, []*content.Page{cp}); len(pages) == 1 {
				note(pages[0])
			}
		}
	}
	var out []string
	for p, cs := range s.st.found {
		if in[filepath.Clean(p.SrcPath)] {
			continue
		}
		for _, c := range cs {
			if (c.Key != "" && keys[c.Key]) || (c.Title != "" && titles[cite.TitleKey(c.Title)]) {
				out = append(out, filepath.Clean(p.SrcPath))
				break
			}
		}
	}
	return out
}

// changesLinks reports whether an edit changes what other pages link by: a policy document's
// title or 文号, or a document added or removed. Those need every page re-resolved.
func changesLinks(old map[*site.Page]bool, loaded []*site.Page) bool {
	type key struct{ title, number string }
	keyOf := func(p *site.Page) (key, bool) {
		if p.Policy == nil {
			return key{}, false
		}
		return key{p.Title, p.Policy.DocNumber}, true
	}
	before := map[key]int{}
	for p := range old {
		if k, ok := keyOf(p); ok {
			before[k]++
		}
	}
	for _, p := range loaded {
		if k, ok := keyOf(p); ok {
			before[k]--
		}
	}
	for _, n := range before {
		if n != 0 {
			return true
		}
	}
	return false
}

func contentPages(pages []*site.Page) []*content.Page {
	out := make([]*content.Page, len(pages))
	for i, p := range pages {
		out[i] = p.Page
	}
	return out
}

// OpenIndex opens the session's search index for in-place updates; serve uses the same index
// to answer searches (see Searcher).
func (s *Session) OpenIndex() error {
	ix, err := search.OpenWritable(filepath.Join(s.opts.Dest, IndexPath))
	if err != nil {
		return err
	}
	s.Index, s.index = ix, ix
	return nil
}

// Searcher is the index opened by OpenIndex, or nil.
func (s *Session) Searcher() *search.Index { return s.index }

// CloseIndex closes the index opened by OpenIndex.
func (s *Session) CloseIndex() error {
	if s.index == nil {
		return nil
	}
	err := s.index.Close()
	s.Index, s.index = nil, nil
	return err
}
