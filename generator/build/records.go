package build

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
)

// Records lists what the search index holds for a site: one record per page and one per
// numbered unit of its outline, so that hits can point at url#anchor.
func Records(s *site.Site) []search.Record {
	var out []search.Record
	for _, p := range s.Pages {
		out = append(out, pageRecords(p)...)
	}
	return out
}

// pageRecords are one page's records: the whole document and each numbered unit.
func pageRecords(p *site.Page) []search.Record {
	var out []search.Record
	{
		if p.Kind != content.KindPage {
			return nil
		}
		base := baseRecord(p)
		doc := base
		doc.ID = p.URL
		doc.Body = p.Text
		out = append(out, doc)
		if p.Outline == nil {
			return out
		}
		for _, u := range p.Outline.Units {
			if u.Anchor == "" || strings.TrimSpace(u.Text) == "" {
				continue
			}
			r := base
			r.ID = p.URL + "#" + u.Anchor
			r.Anchor = u.Anchor
			r.Section = p.Outline.Path(u)
			r.Body = u.Text
			out = append(out, r)
		}
	}
	return out
}

func baseRecord(p *site.Page) search.Record {
	r := search.Record{URL: p.URL, Title: p.Title, Type: p.Type, Date: p.SortDate()}
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

// ContentHash identifies the published content, so a reader of the index can tell which
// build it belongs to.
func ContentHash(s *site.Site) string {
	h := sha256.New()
	for _, p := range s.Pages {
		h.Write([]byte(p.URL))
		h.Write([]byte{0})
		h.Write([]byte(p.Text))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
