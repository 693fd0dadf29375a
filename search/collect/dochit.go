package collect

import (
	"html/template"
	"math/bits"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/search/mapping"
)

// HitPart is one matching part of a document: the unit of one record (an
// article, a section) that a hit lists under the document.
type HitPart struct {
	URL     string // the document's URL#anchor
	Anchor  string
	Section string
	Snippet template.HTML
}

// title is the title of document d, for the suggestion.
func (m *shardMatch) title(d int32) (string, error) {
	seg, doc := m.rep(d)
	rec, err := loadStored(m.snap.Segments()[seg], uint64(doc), titleFields)
	if err != nil {
		return "", err
	}
	if t := rec[mapping.FieldTitle]; t != "" {
		return t, nil
	}
	return rec[mapping.FieldShownTitle], nil
}

// partCandidates are the records of document d that may be listed as its
// parts: every matching record but the document record, in partLess order.
func (m *shardMatch) partCandidates(d int32) []int32 {
	groups := len(m.plan.Groups)
	type cand struct {
		r int32
		partRank
	}
	var cs []cand
	for r := m.docs[d].first; r >= 0; r = m.recs[r].next {
		rec := &m.recs[r]
		c := m.cols[rec.seg]
		if c.IsDocRecord(rec.doc) {
			continue
		}
		sc := m.scores[int(r)*m.k : int(r+1)*m.k]
		sum, n := recordGroupSum(sc, groups, func(g int) bool { return rec.mask&(1<<g) != 0 })
		article := -1
		if am := rec.mask >> groups; am != 0 {
			article = bits.TrailingZeros64(am)
		}
		cs = append(cs, cand{r, partRank{article: article, groups: n, sum: sum, id: c.IDs[rec.doc]}})
	}
	sort.Slice(cs, func(i, j int) bool { return partLess(&cs[i].partRank, &cs[j].partRank) })
	out := make([]int32, len(cs))
	for i, c := range cs {
		out[i] = c.r
	}
	return out
}

// hit makes what a result shows of document d (SPEC14 §3): the document
// record's title, 文号, type and date; up to MaxParts parts, each one unit
// with its link, section and snippet; the link is the document's, or the
// first part's when that part is an article the query names; the snippet
// is the document record's when it matches a group, else the first part's.
func (m *shardMatch) hit(d int32, score float64, mk *marker) (Hit, error) {
	seg, doc := m.rep(d)
	groups := len(m.plan.Groups)
	repMatched := false
	if r := m.recOf[m.offsets[seg]+uint64(doc)]; r >= 0 && m.cols[seg].IsDocRecord(doc) {
		repMatched = m.recs[r].mask&(uint64(1)<<groups-1) != 0
	}
	cands := m.partCandidates(d)
	fields := docFields
	if repMatched || len(cands) == 0 { // its snippet is shown
		fields = docBodyFields
	}
	rf, err := loadStored(m.snap.Segments()[seg], uint64(doc), fields)
	if err != nil {
		return Hit{}, err
	}
	h := recordFields(rf, score)
	url := m.cols[seg].PageURL[m.cols[seg].Page[doc]]
	h.URL, h.Section, h.Snippet = url, "", ""
	firstArticle := false
	buf := mk.runes // one body at a time
	for i, r := range cands {
		if i == MaxParts {
			break
		}
		rec := &m.recs[r]
		fields, err := loadStored(m.snap.Segments()[rec.seg], uint64(rec.doc), partFields)
		if err != nil {
			return Hit{}, err
		}
		anchor := ""
		if am := rec.mask >> groups; am != 0 {
			anchor = m.plan.Articles[bits.TrailingZeros64(am)].Anchor
			firstArticle = firstArticle || i == 0
		}
		var p HitPart
		p, buf = partOf(fields, url, anchor, mk, buf)
		h.Parts = append(h.Parts, p)
	}
	mk.runes = buf
	if firstArticle {
		h.URL = h.Parts[0].URL
	}
	if len(h.Parts) > 0 {
		h.Section = h.Parts[0].Section
	}
	switch {
	case repMatched || len(h.Parts) == 0:
		h.Snippet = mk.snippet(rf[mapping.FieldBody])
	default:
		h.Snippet = h.Parts[0].Snippet
	}
	return h, nil
}

// docFields are the stored fields a hit shows of its document record
// (recordFields' but the link and section, which are the document's and
// its first part's), docBodyFields those and the body, for its snippet.
var (
	docFields     = []string{mapping.FieldTitle, mapping.FieldShownTitle, mapping.FieldDocNumber, mapping.FieldShownDocNo, mapping.FieldType, mapping.FieldDate}
	docBodyFields = append(docFields[:len(docFields):len(docFields)], mapping.FieldBody)
)

// titleFields are the stored fields title reads.
var titleFields = []string{mapping.FieldTitle, mapping.FieldShownTitle}

// partFields are the stored fields partOf reads.
var partFields = []string{mapping.FieldHref, mapping.FieldSection, mapping.FieldParts, mapping.FieldBody}

// partOf is the part a record shows: for an article match (article is its
// anchor) that unit, its snippet cut from the unit's own text; else the
// unit the record's first match falls in, with the record's snippet
// (HitOf's rule).
func partOf(rec StoredFields, docURL, article string, mk *marker, buf []rune) (HitPart, []rune) {
	href := rec[mapping.FieldHref]
	own, section := "", rec[mapping.FieldSection]
	if i := strings.IndexByte(href, '#'); i >= 0 {
		own = href[i+1:]
	}
	body := rec[mapping.FieldBody]
	if article != "" {
		units, _ := mapping.DecodeParts(rec[mapping.FieldParts])
		p := HitPart{Anchor: article, Section: section}
		text := body
		for i, u := range units {
			if u.Anchor != article {
				continue
			}
			if u.Section != "" {
				p.Section = u.Section
			}
			text = unitText(body, units, i)
			break
		}
		if len(units) == 0 && own != article { // not expected: the anchors field said so
			p.Anchor = own
		}
		p.URL = docURL + "#" + p.Anchor
		p.Snippet = mk.snippet(text)
		return p, buf
	}
	h := Hit{URL: href, Section: section}
	buf = showBody(&h, rec, mk, buf)
	p := HitPart{URL: h.URL, Section: h.Section, Snippet: h.Snippet}
	if i := strings.IndexByte(h.URL, '#'); i >= 0 {
		p.Anchor = h.URL[i+1:]
	}
	p.URL = docURL
	if p.Anchor != "" {
		p.URL += "#" + p.Anchor
	}
	return p, buf
}

// unitText is the text of units[i] in body: from its offset to the next
// unit's, without the line break that joins them.
func unitText(body string, units []mapping.Part, i int) string {
	lo := min(max(units[i].Offset, 0), len(body))
	hi := len(body)
	if i+1 < len(units) {
		hi = min(max(units[i+1].Offset, lo), len(body))
	}
	return strings.TrimSuffix(body[lo:hi], "\n")
}
