package build

import (
	"fmt"
	"path/filepath"
	"sort"
	"sync"

	"github.com/gongkai/gongkai/generator/history"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/sourcefs"
)

// maxRevisions caps how many revisions of one page get a diff page; older ones are listed
// without.
const maxRevisions = 20

// addHistory reads every page's revisions from git in one pass and renders the diff of each
// against the revision before it. A site outside git, or a shallow clone, builds without history
// and with a one-line warning.
func addHistory(opts Options, pages []*site.Page) (warnings []string) {
	if !publish.IsOS(sourcefs.Base(opts.SrcFs)) {
		return []string{"history: the source is not on disk, so git cannot be read; revision history omitted"}
	}
	var paths []string
	byPath := map[string]*site.Page{}
	for _, p := range pages {
		if p.SrcPath == "" {
			continue
		}
		rel, err := filepath.Rel(opts.Source, p.SrcPath)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		paths = append(paths, rel)
		byPath[rel] = p
	}
	h, err := history.Load(opts.Source, paths)
	if err != nil {
		return []string{fmt.Sprintf("history: %v; revision history omitted", err)}
	}
	defer h.Close()
	if h.Warning != "" {
		warnings = append(warnings, "history: "+h.Warning)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, opts.Workers)
	for path, p := range byPath {
		revs := h.Revisions(path)
		if len(revs) == 0 {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(p *site.Page, revs []history.Revision) {
			defer wg.Done()
			defer func() { <-sem }()
			p.Revisions = revisions(h, p, revs)
		}(p, revs)
	}
	wg.Wait()
	return warnings
}

// revisions turns git revisions into the page's revision list, newest first, with diffs. Each
// version's text is fetched once: it is the new side of one diff and the old side of the next.
func revisions(h *history.History, p *site.Page, revs []history.Revision) []*site.Revision {
	content := func(i int) []byte {
		if i >= len(revs) {
			return nil
		}
		b, _ := h.Content(revs[i].Hash, revs[i].Path)
		return b
	}
	out := make([]*site.Revision, 0, len(revs))
	next := content(0)
	for i, r := range revs {
		rev := &site.Revision{Hash: r.Hash, Short: r.ShortHash, Date: r.Date, Author: r.Author, Subject: r.Subject, Page: p}
		if i < maxRevisions && next != nil {
			cur, prev := next, content(i+1)
			_, oldBody := history.SplitFrontMatter(prev)
			_, newBody := history.SplitFrontMatter(cur)
			if i+1 < len(revs) {
				rev.Summary = history.Summarize(prev, cur).Text()
			} else {
				rev.Summary = "首次发布"
			}
			rev.Diff = history.RenderHTML(history.Diff(string(oldBody), string(newBody)), 1)
			rev.URL = p.URL + "revisions/" + r.ShortHash + "/"
			next = prev
		}
		out = append(out, rev)
	}
	return out
}

// collectChanges lists every revision of every page, newest first, for 最近更新.
func collectChanges(pages []*site.Page) []*site.Revision {
	var all []*site.Revision
	for _, p := range pages {
		all = append(all, p.Revisions...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Date.After(all[j].Date) })
	return all
}
