package build

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
)

// recordsInOrder hands every published page's records to add in the byte
// order of their IDs, a batch at a time, making them as it goes: memory
// holds a batch, not the site's records (a copy of all its text). A page's
// IDs are its URL and URL#anchor, so pages taken in the order of their URLs
// give their records in order, except where a URL extends another with a
// byte below '#': records wait in pending until no later page can come
// before them.
func recordsInOrder(pages []*site.Page, add func([]search.Record) error) error {
	ordered := make([]*site.Page, 0, len(pages))
	for _, p := range pages {
		if p.Kind == content.KindPage {
			ordered = append(ordered, p)
		}
	}
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].URL < ordered[j].URL })
	const batchSize = 512
	var pending, batch []search.Record
	for i, p := range ordered {
		recs := pageRecords(p)
		sort.Slice(recs, func(a, b int) bool { return recs[a].ID < recs[b].ID })
		pending = mergeRecords(pending, recs)
		// Every later record's ID starts with a later URL.
		k := len(pending)
		if i+1 < len(ordered) {
			next := ordered[i+1].URL
			k = sort.Search(len(pending), func(j int) bool { return pending[j].ID >= next })
		}
		batch = append(batch, pending[:k]...)
		pending = append(pending[:0], pending[k:]...)
		if len(batch) >= batchSize || i+1 == len(ordered) {
			if err := add(batch); err != nil {
				return err
			}
			clear(batch)
			batch = batch[:0]
		}
	}
	return nil
}

// mergeRecords merges two lists sorted by ID.
func mergeRecords(a, b []search.Record) []search.Record {
	if len(a) == 0 {
		return b
	}
	out := make([]search.Record, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].ID < a[0].ID {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// pageRecords are one page's records: the whole document, and its numbered units in groups.
// A law has hundreds of short articles; a record each would multiply the index's size and build
// time, so consecutive units are grouped up to groupRunes of text, never across a top-level
// division. Each record keeps where every unit starts, so a hit still links to the exact unit.
func pageRecords(p *site.Page) []search.Record {
	if p.Kind != content.KindPage {
		return nil
	}
	base := baseRecord(p)
	doc := base
	doc.ID = p.URL
	doc.Body = p.Text
	// A page with numbered units is found through them: its own record holds only the text
	// before the first unit, so that a match is not reported twice and the index stays small.
	if p.Outline != nil && hasUnits(p) {
		doc.Body = p.Outline.Preamble
	}
	if shown := shownText(p); shown != "" {
		doc.Body = strings.Join(nonEmpty(doc.Body, shown), "\n")
	}
	out := []search.Record{doc}
	if p.Outline == nil {
		return out
	}
	// A group's body is built in body, not by adding to a string unit by unit: that copied the
	// group once per unit, 4.6 GB of garbage over laws ×4, which the collector paid for twice
	// over near the build's memory limit.
	var (
		cur    *search.Record
		curTop int
		curLen int
		body   strings.Builder
		flush  = func() {
			if cur != nil {
				cur.Body = body.String()
				out = append(out, *cur)
				cur = nil
			}
		}
	)
	hasChildren := map[int]bool{}
	for _, u := range p.Outline.Units {
		hasChildren[u.Parent] = true
	}
	for i, u := range p.Outline.Units {
		if u.Anchor == "" || strings.TrimSpace(u.Text) == "" {
			continue
		}
		top := topAncestor(p, i)
		if u.Parent < 0 && !hasChildren[i] {
			top = -2 // consecutive top-level articles of a law without chapters group together
		}
		n := utf8.RuneCountInString(u.Text)
		if cur != nil && (top != curTop || curLen+n > groupRunes) {
			flush()
		}
		section := p.Outline.Path(u)
		if cur == nil {
			r := base
			r.ID = p.URL + "#" + u.Anchor
			r.Anchor = u.Anchor
			r.Section = section
			cur, curTop, curLen = &r, top, 0
			body = strings.Builder{} // the last group's body is its record's now
		} else {
			body.WriteByte('\n')
		}
		cur.Parts = append(cur.Parts, search.Part{Anchor: u.Anchor, Section: section, Offset: body.Len()})
		body.WriteString(u.Text)
		curLen += n
	}
	flush()
	return out
}

// groupRunes is how much text one search record holds at most when it groups units.
const groupRunes = 1200

// topAncestor is the index of the top-level unit that unit i belongs to.
func topAncestor(p *site.Page, i int) int {
	for p.Outline.Units[i].Parent >= 0 {
		i = p.Outline.Units[i].Parent
	}
	return i
}

func baseRecord(p *site.Page) search.Record {
	r := search.Record{URL: p.URL, Title: p.Title, Type: p.Type, Date: calendarDay(p.SortDate())}
	if m := p.Policy; m != nil {
		r.DocNumber, r.DocKey = m.DocNumber, m.DocKey
		r.Genre, r.Status, r.Level = m.Genre, m.Status, m.Level
		r.Issuers, r.Topics = m.Issuers, m.Topics
	}
	if p.Disclose != nil {
		r.Village = p.Disclose.Village
	}
	seen := map[string]bool{}
	for _, t := range p.Tasks {
		for _, u := range t.Units {
			if u.Dept != nil && !seen[u.Dept.Name] {
				seen[u.Dept.Name] = true
				r.Departments = append(r.Departments, u.Dept.Name)
			}
		}
	}
	sort.Strings(r.Departments)
	return r
}

// calendarDay is t's date in China Standard Time as midnight UTC, the form in which the index
// keeps dates: bleve stores an instant, and the server, the CSV and the static client all read it
// back in UTC. CST midnight of 2018-08-22 is 2018-08-21 16:00 UTC, which every reader showed as
// the day before, and which a from=to=2018-08-22 filter (midnight UTC) missed.
func calendarDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.In(content.CST).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ContentHash identifies the published content, so a reader of the index can tell which
// build it belongs to. It is the whole sha256 in hex: the privacy guard passes a hex word of 20
// or more characters, while a 16-character prefix could read as a mobile number by chance and
// stop the build.
func ContentHash(s *site.Site) string {
	h := sha256.New()
	for _, p := range s.Pages {
		h.Write([]byte(p.URL))
		h.Write([]byte{0})
		h.Write([]byte(p.Text))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func hasUnits(p *site.Page) bool {
	for _, u := range p.Outline.Units {
		if u.Anchor != "" && strings.TrimSpace(u.Text) != "" {
			return true
		}
	}
	return false
}
