package build

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/cite"
	"github.com/gongkai/gongkai/generator/content"
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
// them, the data files, and their records in the search index. A change to site.yaml, a
// template, a section's _index.md, a data file, or a document's title or 文号 (which other pages
// link by) rebuilds everything.
type Session struct {
	opts  Options
	st    *state
	site  *site.Site
	r     *render.Renderer
	Index IndexUpdater
	index *search.Index // opened writable by OpenIndex
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
	opts = withDefaults(opts)
	rep, st, err := run(opts)
	if err != nil {
		return nil, rep, err
	}
	return &Session{opts: opts, st: st, site: rep.Site, r: rep.Renderer}, rep, nil
}

// Site is the current site.
func (s *Session) Site() *site.Site { return s.site }

// Renderer is the current renderer.
func (s *Session) Renderer() *render.Renderer { return s.r }

// Full rebuilds everything, as after a change to site.yaml or a template.
func (s *Session) Full() (*Report, error) {
	rep, st, err := run(s.opts)
	if err != nil {
		return rep, err
	}
	s.st, s.site, s.r = st, rep.Site, rep.Renderer
	return rep, nil
}

// Rebuild brings the output up to date after the files in changed (OS paths) were edited,
// created or removed. On error the output keeps the last good build.
func (s *Session) Rebuild(changed []string) (*Incremental, *Report, error) {
	start := time.Now()
	if !s.incremental(changed) {
		rep, err := s.Full()
		return &Incremental{Full: true, Duration: time.Since(start)}, rep, err
	}
	st := s.st
	byPath := map[string]*site.Page{}
	for _, p := range st.pages {
		byPath[filepath.Clean(p.SrcPath)] = p
	}
	ch := render.Changed{Old: map[*site.Page]bool{}, New: map[*site.Page]bool{}}
	var errs Errors
	var loaded []*site.Page
	for _, path := range changed {
		path = filepath.Clean(path)
		if old := byPath[path]; old != nil {
			ch.Old[old] = true
		}
		exists, _ := afero.Exists(st.opts.SrcFs, path)
		if !exists {
			continue
		}
		cp, err := content.LoadFile(st.opts.SrcFs, st.contentDir(), path, st.taxKeys, contentPages(st.pages))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages, decodeErrs := decodePages(st.opts, st.cfg, []*content.Page{cp})
		errs = append(errs, decodeErrs...)
		errs = append(errs, guardPrivacy(st.opts.SrcFs, pages)...)
		errs = append(errs, readDutyFiles(st.opts.SrcFs, st.contentDir(), pages)...)
		for _, p := range pages {
			if old := byPath[path]; old != nil {
				p.Revisions = old.Revisions
			}
			loaded = append(loaded, p)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	if changesLinks(ch.Old, loaded) {
		rep, err := s.Full()
		return &Incremental{Full: true, Duration: time.Since(start)}, rep, err
	}
	found := map[*site.Page][]cite.Citation{}
	for _, p := range loaded {
		found[p] = cite.Find(string(p.Body))
		for _, c := range found[p] {
			st.resolver.Learn(c)
		}
	}
	if pe := processAll(st.md, st.resolver, loaded, found, st.opts.Workers); len(pe) > 0 {
		return nil, nil, Errors(pe)
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
	for p, cs := range found {
		st.found[p] = cs
	}
	for p := range ch.Old {
		delete(st.found, p)
	}
	prevPages := st.pages
	st.pages = next
	site.ResetLinks(next, st.resolver)
	newSite, _, err := st.assemble(nil)
	if err != nil {
		st.pages = prevPages
		site.ResetLinks(prevPages, st.resolver)
		s.site, _, _ = st.assemble(nil) // restore the links the old pages' renderer relies on
		return nil, nil, err
	}
	r := s.r.WithSite(newSite)
	out := afero.NewBasePathFs(st.opts.DstFs, st.opts.Dest)
	written, removed, err := r.RenderChanged(out, s.r, ch)
	if err != nil {
		return nil, nil, err
	}
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
		if err := s.Index.Update(urls, records); err != nil {
			return nil, nil, fmt.Errorf("updating the search index: %v", err)
		}
	}
	s.site, s.r = newSite, r
	return &Incremental{Pages: len(loaded), Written: written, Removed: removed, Duration: time.Since(start)}, nil, nil
}

// incremental reports whether every changed path is a content page an incremental rebuild can
// handle.
func (s *Session) incremental(changed []string) bool {
	dir := filepath.Clean(s.st.contentDir()) + string(filepath.Separator)
	for _, p := range changed {
		p = filepath.Clean(p)
		if !strings.HasPrefix(p, dir) || filepath.Ext(p) != ".md" || filepath.Base(p) == "_index.md" {
			return false
		}
	}
	return len(changed) > 0
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
