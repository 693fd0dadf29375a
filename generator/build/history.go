package build

import (
	"fmt"
	"html/template"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/gongkai/gongkai/generator/history"
	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/sourcefs"
)

// maxRevisions caps how many revisions of one page get a diff page; older ones are listed
// without.
const maxRevisions = 20

// addHistory reads every page's revisions from git in one pass and renders the diff of each
// against the revision before it. Only revisions that were public when committed are shown,
// and each shown one passes the personal-data guard (see revisions). A site outside git, or a
// shallow clone, builds without history and with a one-line warning.
func addHistory(opts Options, lang string, pages []*site.Page) (warnings []string) {
	if !publish.IsOS(sourcefs.Base(opts.SrcFs)) {
		return []string{"history: 源文件不在磁盘上，无法读取 git，未生成修订历史"}
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
		return []string{fmt.Sprintf("history: %v；未生成修订历史", err)}
	}
	defer h.Close()
	if h.Warning != "" {
		warnings = append(warnings, "history: "+h.Warning)
	}
	sort.Strings(paths)
	results := make([]pageHistory, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, opts.Workers)
	for i, path := range paths {
		revs := h.Revisions(path)
		if len(revs) == 0 {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(p *site.Page, revs []history.Revision, out *pageHistory) {
			defer wg.Done()
			defer func() { <-sem }()
			g := revisionGuard{lang: lang, allow: allowList(p), drafts: opts.Drafts, future: opts.Future}
			*out = g.revisions(h, p, revs)
			p.Revisions = out.revisions
		}(byPath[path], revs, &results[i])
	}
	wg.Wait()
	return append(warnings, historyWarnings(lang, results)...)
}

// pageHistory is what revisions found for one page.
type pageHistory struct {
	revisions  []*site.Revision
	withheld   []withheld
	unreadable int // revisions git could not give
}

// withheld is a revision text or commit message kept from readers for holding personal data.
type withheld struct {
	page     *site.Page
	rev      history.Revision
	message  bool // the commit message, not the text
	diff     bool // the diff of two clean revisions, read as a reader sees it
	findings []privacy.Finding
}

// revisionGuard decides which revisions of a page readers may see.
type revisionGuard struct {
	lang           string
	allow          []string // the page's allow list as it is now: an old one may have allowed too much
	drafts, future bool
}

// candidate is a revision that was public when committed.
type candidate struct {
	rev      history.Revision
	text     []byte // normalised; nil when no diff needs it
	findings []privacy.Finding
	scanned  bool
}

func (c *candidate) clean() bool { return c.scanned && len(c.findings) == 0 }

// revisions turns git revisions into the page's revision list, newest first, with diffs.
//
// A revision is left out unless its own front matter made the page public at its commit time
// (not a draft, publish date reached, not expired, not past unpublish_after) and its path was
// one the build reads (not under a _ or . folder). Front matter or text that cannot be read
// counts as not public: the build refused it then. Diffs run between consecutive public
// revisions, so no diff shows draft text.
//
// Every revision that gets a page is scanned whole (front matter and body) by the personal-data
// guard. One that fails becomes a notice, and the next revision is compared with the newest
// older one that passed, so neither side of any diff shows the number. Commit messages and
// author names are scanned too.
func (g revisionGuard) revisions(h *history.History, p *site.Page, revs []history.Revision) pageHistory {
	var out pageHistory
	var cands []*candidate
	baseFound := false // a clean candidate past maxRevisions, the base of the last diff
	for _, r := range revs {
		b, err := h.Content(r.Hash, r.Path)
		if err != nil {
			out.unreadable++
			continue
		}
		text, err := history.Normalize(b)
		if err != nil || !readPath(r.Path) {
			continue
		}
		sched, err := history.ReadSchedule(text)
		if err != nil || !sched.PublicAt(r.Date, g.drafts, g.future) {
			continue
		}
		c := &candidate{rev: r}
		if len(cands) < maxRevisions || !baseFound {
			c.text, c.scanned = text, true
			c.findings = privacy.Scan(text, g.allow)
			if len(cands) >= maxRevisions && c.clean() {
				baseFound = true
			}
			if !c.clean() {
				c.text = nil
			}
		}
		cands = append(cands, c)
	}

	for k, c := range cands {
		r := c.rev
		rev := &site.Revision{Hash: r.Hash, Short: r.ShortHash, Date: r.Date, Page: p,
			Author: r.Author, Subject: r.Subject}
		if fs := privacy.Scan([]byte(r.Subject), g.allow); len(fs) > 0 {
			rev.Subject = g.text(msgSubjectWithheld)
			out.withheld = append(out.withheld, withheld{page: p, rev: r, message: true, findings: fs})
		}
		if len(privacy.Scan([]byte(r.Author), g.allow)) > 0 {
			rev.Author = ""
		}
		out.revisions = append(out.revisions, rev)
		if k >= maxRevisions {
			continue
		}
		rev.URL = p.URL + "revisions/" + r.ShortHash + "/"
		if !c.clean() {
			g.withhold(rev)
			out.withheld = append(out.withheld, withheld{page: p, rev: r, findings: c.findings})
			continue
		}
		// The base is the next older revision that passed the guard.
		var base *candidate
		for _, o := range cands[k+1:] {
			if o.clean() {
				base = o
				break
			}
		}
		skipped := k+1 < len(cands) && cands[k+1] != base
		var baseText []byte
		if base != nil {
			baseText = base.text
		}
		_, oldBody := history.SplitFrontMatter(baseText)
		_, newBody := history.SplitFrontMatter(c.text)
		blocks := history.Diff(string(oldBody), string(newBody))
		switch {
		case base == nil && !skipped:
			rev.Summary = g.text(msgFirstPublished)
		case base == nil:
			rev.Summary = g.text(msgAfterWithheldNoBase)
		default:
			rev.Summary = history.Summarize(baseText, c.text).TextIn(g.lang)
			if skipped {
				rev.Summary += fmt.Sprintf(g.text(msgComparedWith), base.rev.ShortHash)
			}
		}
		diff := history.RenderHTML(blocks, 1)
		if skipped {
			note := g.text(msgAfterWithheldNoBase)
			if base != nil {
				note = fmt.Sprintf(g.text(msgAfterWithheld), base.rev.ShortHash)
			}
			diff = template.HTML(`<p class="diff-note">`+template.HTMLEscapeString(note)+"</p>\n") + diff
		}
		rev.Diff = diff
		// Both sides passed, but a diff interleaves them: scan what a reader sees as well.
		if fs := privacy.Scan([]byte(visibleText(blocks)+"\n"+rev.Summary), g.allow); len(fs) > 0 {
			g.withhold(rev)
			out.withheld = append(out.withheld, withheld{page: p, rev: r, diff: true, findings: fs})
		}
	}
	return out
}

// withhold turns a revision's page into the notice that replaces it.
func (g revisionGuard) withhold(rev *site.Revision) {
	notice := g.text(msgWithheld)
	rev.Withheld = true
	rev.Summary = notice
	rev.Diff = template.HTML(`<div class="diff"><p class="diff-withheld">` + template.HTMLEscapeString(notice) + "</p></div>\n")
}

// visibleText is the text of a rendered diff with the markup gone: every span in order, as a
// reader (or a scraper) reads it.
func visibleText(blocks []history.Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		for _, s := range b.Spans {
			sb.WriteString(s.Text)
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// readPath reports whether the build reads a content file at p (relative to the site folder,
// as git names it): a revision from before the page was moved out of a _drafts folder, say,
// was never published.
func readPath(p string) bool {
	rel, ok := strings.CutPrefix(p, "content/")
	if !ok {
		return false
	}
	dir, name := path.Split(rel)
	if !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
		return false
	}
	for _, d := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if strings.HasPrefix(d, ".") || strings.HasPrefix(d, "_") {
			return false
		}
	}
	return true
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
