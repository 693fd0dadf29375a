package collect

import (
	"html/template"
	"strings"
	"time"

	"github.com/gongkai/gongkai/search/mapping"
)

// FacetSize is how many values each facet lists.
const FacetSize = 20

// HitFields are the stored fields HitOf reads.
var HitFields = []string{mapping.FieldHref, mapping.FieldTitle, mapping.FieldShownTitle, mapping.FieldSection, mapping.FieldDocNumber, mapping.FieldShownDocNo, mapping.FieldParts, mapping.FieldType, mapping.FieldDate, mapping.FieldBody}

// Hit is one matching document (or, from HitOf, one record).
type Hit struct {
	URL       string // the document's; with #anchor when it leads to a part
	Title     string
	Section   string
	DocNumber string
	Type      string
	Date      time.Time
	Snippet   template.HTML // escaped body excerpt, matches in <mark>
	Score     float64
	Parts     []HitPart // the document's best-matching parts, at most MaxParts
}

// Facet is one value of a facet and how many matching records have it.
type Facet struct {
	Value string
	Count int
}

// HitOf makes the hit a record's stored fields show, with a snippet
// marking forms, the alternatives of the query's positive terms, and for a
// record that groups several parts the link to the part the first match
// falls in.
func HitOf(rec StoredFields, score float64, forms []string) Hit {
	hit, _ := hitOf(rec, score, newMarker(forms), nil)
	return hit
}

// hitOf is HitOf reading the body into buf, which it returns for reuse.
func hitOf(rec StoredFields, score float64, mk *marker, buf []rune) (Hit, []rune) {
	hit := recordFields(rec, score)
	buf = showBody(&hit, rec, mk, buf)
	return hit, buf
}

// showBody sets a hit's snippet from its record's body and, for a record
// that groups several units, points its URL and Section at the unit the
// first match falls in. The body is matched once, for both. It reads the
// body into buf, which it returns for reuse.
func showBody(hit *Hit, rec StoredFields, mk *marker, buf []rune) []rune {
	body, more, marks, lead := mk.match(rec[mapping.FieldBody], buf)
	if parts := rec[mapping.FieldParts]; parts != "" {
		pointAtPart(hit, body, lead, parts)
	}
	hit.Snippet = snippetOf(body, more, marks, lead)
	return body
}

// recordFields is what a hit shows of a record but its snippet.
func recordFields(rec StoredFields, score float64) Hit {
	str := func(name string) string { return rec[name] }
	hit := Hit{
		URL:       str(mapping.FieldHref),
		Title:     str(mapping.FieldTitle),
		Section:   str(mapping.FieldSection),
		DocNumber: str(mapping.FieldDocNumber),
		Type:      str(mapping.FieldType),
		Score:     score,
	}
	if d := str(mapping.FieldDate); d != "" {
		if t, err := time.Parse(time.RFC3339, d); err == nil {
			hit.Date = t
		}
	}
	if hit.Title == "" {
		hit.Title = str(mapping.FieldShownTitle)
	}
	if hit.DocNumber == "" {
		hit.DocNumber = str(mapping.FieldShownDocNo)
	}
	return hit
}

// pointAtPart links a hit on a record that groups several units to the unit its first match
// falls in.
func pointAtPart(hit *Hit, body []rune, spans [][2]int, parts string) {
	at, ok := firstMatch(body, spans)
	if !ok {
		return
	}
	var best mapping.Part
	n := 0
	pick := func(p mapping.Part) {
		if n == 0 || p.Offset <= at {
			best = p
		}
		n++
	}
	if !mapping.ScanParts(parts, pick) {
		ps, err := mapping.DecodeParts(parts)
		if err != nil {
			return
		}
		n = 0
		for _, p := range ps {
			pick(p)
		}
	}
	if n == 0 {
		return
	}
	if i := strings.IndexByte(hit.URL, '#'); i >= 0 {
		hit.URL = hit.URL[:i]
	}
	hit.URL += "#" + best.Anchor
	if best.Section != "" {
		hit.Section = best.Section
	}
}
