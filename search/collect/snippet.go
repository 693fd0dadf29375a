package collect

import (
	"html/template"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/analysis"
)

// SnippetRunes is the length of a snippet, in characters.
const SnippetRunes = 120

// snippetLead is how much text precedes the first match in a snippet.
const snippetLead = 30

// Snippet returns an HTML-escaped excerpt of body around the first match of
// any of forms (the alternatives of the positive terms), every match inside
// it wrapped in <mark>. Matching
// follows the index: widths and case folded, punctuation and spaces ignored
// (so 中发[2017]13号 marks 中发〔2017〕13号), except that punctuation between
// two Han characters still separates them. A lone Han character opens the
// snippet only when no longer term matches (see matchSpans). Without a match
// it returns the start of body.
func Snippet(body string, forms []string) template.HTML {
	return newMarker(forms).snippet(body)
}

// marker is what snippets mark, prepared once for all the bodies of a
// search: the forms, their folded keys and which are lone Han characters.
// It folds each body into the same buffers, so one search's hits are made
// one after another.
type marker struct {
	forms   []string
	keys    []string
	lone    []bool
	allLone bool // every form is a lone Han character
	longest int  // runes of the longest key
	text    analysis.FoldedText
	runes   []rune // a body's runes, for the next snippet to reuse
}

func newMarker(forms []string) *marker {
	mk := &marker{forms: forms, keys: make([]string, len(forms)), lone: make([]bool, len(forms)), allLone: true}
	for i, f := range forms {
		mk.keys[i] = analysis.FoldKey(f)
		mk.lone[i] = loneHan(f)
		mk.allLone = mk.allLone && mk.lone[i]
		mk.longest = max(mk.longest, utf8.RuneCountInString(mk.keys[i]))
	}
	return mk
}

func (mk *marker) snippet(body string) template.HTML {
	rs, more, marks, lead := mk.match(body, mk.runes)
	mk.runes = rs
	return snippetOf(rs, more, marks, lead)
}

// snippetOf is Snippet for a body matched by marker.match: rs is the body
// or, when more is set, a prefix of it that holds the snippet's window.
func snippetOf(rs []rune, more bool, marks, lead [][2]int) template.HTML {
	if len(rs) == 0 {
		return ""
	}
	lo, hi := window(lead, len(rs))
	return render(rs, lo, hi, more || hi < len(rs), mergeSpans(marks, lo, hi))
}

// window is the rune range a snippet of a body of total runes shows: from
// snippetLead before the first of lead (the start when there is none),
// SnippetRunes long, moved back to end at the body's end. Given a prefix
// of the body holding the first lead and reaching at least
// SnippetRunes-snippetLead past its start and SnippetRunes past the body's
// start, it gives what the whole body would.
func window(lead [][2]int, total int) (lo, hi int) {
	first := total
	for _, s := range lead {
		first = min(first, s[0])
	}
	if first == total {
		first = 0
	}
	lo = max(0, first-snippetLead)
	hi = min(total, lo+SnippetRunes)
	lo = max(0, min(lo, hi-SnippetRunes))
	return lo, hi
}

// windowPad is how many runes past the window a prefix is folded.
const windowPad = 32

// match decodes body into buf and matches the forms in it (matchSpans),
// for a snippet and for the unit a hit links to. Both need only the first
// lead match and the marks inside the snippet's window, so when a form
// occurs in body as typed, which bounds where the first match lies, only
// the runes up to a little past the window are decoded and folded: the
// body of a record grouping many paragraphs is many times longer than its
// snippet. The result is then what matching the whole body gives for the
// window (the folding of a prefix is a prefix of the whole folding, and
// prefixCovers checks that no match reaching into the window goes beyond
// the prefix, else a prefix twice as long is tried); otherwise the whole
// body is matched. rs is the decoded runes, more whether the body goes on
// after them.
func (mk *marker) match(body string, buf []rune) (rs []rune, more bool, marks, lead [][2]int) {
	if len(mk.forms) == 0 { // the snippet is the body's start
		rs, more = appendRunes(buf[:0], body, SnippetRunes)
		return rs, more, nil, nil
	}
	end, ok := mk.rawLeadBound(body)
	if !ok {
		end = len(body) // match the whole body
	}
	// the window ends at most SnippetRunes-snippetLead after the first lead
	// match starts, or at SnippetRunes when that is near the start
	n := max(end+SnippetRunes-snippetLead, SnippetRunes) + windowPad
	for {
		rs, more = appendRunes(buf[:0], body, n)
		marks, lead = mk.matchSpans(rs)
		if !more {
			return rs, false, marks, lead
		}
		if _, hi := window(lead, len(rs)); len(lead) > 0 && mk.prefixCovers(rs, hi) {
			return rs, true, marks, lead
		}
		buf, n = rs, 2*n
	}
}

// appendRunes appends the first n runes of s to buf; more reports whether
// s has runes after them.
func appendRunes(buf []rune, s string, n int) (_ []rune, more bool) {
	for _, r := range s {
		if n == 0 {
			return buf, true
		}
		buf = append(buf, r)
		n--
	}
	return buf, false
}

// rawLeadBound is the rune index in body where the first occurrence, as
// typed, of a form that would lead the snippet ends: of a form longer than
// one Han character, or of any when all are lone characters (matchSpans'
// rule). A form found as typed is also found folded (folding maps runes
// one by one and only adds breaks before a Han character), so the first
// lead match ends no later. ok is false when no such form occurs as typed.
func (mk *marker) rawLeadBound(body string) (end int, ok bool) {
	best := -1
	for i, f := range mk.forms {
		if !mk.allLone && mk.lone[i] || mk.keys[i] == "" { // an empty key matches nothing
			continue
		}
		// only an occurrence ending before the best so far matters, so
		// later forms search just the text before it, not the whole body
		in := body
		if best >= 0 {
			in = body[:best-1]
		}
		if at := strings.Index(in, f); at >= 0 && (best < 0 || at+len(f) < best) {
			best = at + len(f)
		}
	}
	if best < 0 {
		return 0, false
	}
	return utf8.RuneCountInString(body[:best]), true
}

// prefixCovers reports whether every match that starts before rune hi of
// the body lies inside its prefix rs: whether rs[hi:] folds to at least as
// many runes as the longest key (the folding of rs[hi:] alone equals its
// folding in context but for a break before its first character, which no
// match starts with).
func (mk *marker) prefixCovers(rs []rune, hi int) bool {
	if hi > len(rs) {
		return false
	}
	han := 0 // a common Han character folds to one rune, whatever is around it
	for _, r := range rs[hi:] {
		if r >= 0x4E00 && r <= 0x9FFF {
			han++
		}
	}
	return han >= mk.longest || utf8.RuneCountInString(analysis.FoldKey(string(rs[hi:]))) >= mk.longest
}

// matchSpans returns the rune spans of body that match any of forms
// (marks), and those a hit leads with: the matches of terms longer than one
// Han character, or all of them when only lone characters match. The
// index keeps no positions for a lone character, so the static client could
// find its first match only by reading the whole body; both sides lead with
// the longer terms instead, which are also the more telling match.
func (mk *marker) matchSpans(rs []rune) (marks, lead [][2]int) {
	mk.text.Reset(rs)
	var longer, lone [][2]int
	for i, key := range mk.keys {
		if mk.lone[i] {
			lone = mk.text.AppendFind(lone, key)
		} else {
			longer = mk.text.AppendFind(longer, key)
		}
	}
	marks = append(longer, lone...)
	if len(longer) == 0 {
		return marks, marks
	}
	return marks, longer
}

// loneHan reports whether a term is one Han character, which the index
// answers from its chars field, without positions (altQuery's rule).
func loneHan(term string) bool {
	_, single := analysis.PhraseSlots(term)
	return single != ""
}

// firstMatch is the byte offset in the body rs of the first of spans.
func firstMatch(rs []rune, spans [][2]int) (int, bool) {
	first := -1
	for _, s := range spans {
		if first < 0 || s[0] < first {
			first = s[0]
		}
	}
	if first < 0 {
		return 0, false
	}
	n := 0
	for _, r := range rs[:first] {
		n += utf8.RuneLen(r)
	}
	return n, true
}

// mergeSpans clips spans to [lo, hi), sorts them and joins overlaps.
func mergeSpans(spans [][2]int, lo, hi int) [][2]int {
	var in [][2]int
	for _, s := range spans {
		s[0], s[1] = max(s[0], lo), min(s[1], hi)
		if s[0] < s[1] {
			in = append(in, s)
		}
	}
	sort.Slice(in, func(i, j int) bool { return in[i][0] < in[j][0] })
	var out [][2]int
	for _, s := range in {
		if n := len(out); n > 0 && s[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// render escapes rs[lo:hi] with marks, collapsing line breaks and runs of
// spaces so the excerpt reads as one line; cut adds "…" after it.
func render(rs []rune, lo, hi int, cut bool, marks [][2]int) template.HTML {
	var b strings.Builder
	b.Grow(3*(hi-lo) + 13*len(marks) + 6)
	if lo > 0 {
		b.WriteString("…")
	}
	at := lo
	for _, m := range marks {
		writePlain(&b, rs[at:m[0]])
		b.WriteString("<mark>")
		writePlain(&b, rs[m[0]:m[1]])
		b.WriteString("</mark>")
		at = m[1]
	}
	writePlain(&b, rs[at:hi])
	if cut {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}

// writePlain writes rs escaped as html.EscapeString does, each run of
// spaces and line breaks as one space when rs holds an ASCII space, tab or
// line break (other spaces, such as the ideographic one, are kept).
func writePlain(b *strings.Builder, rs []rune) {
	collapse := slices.ContainsFunc(rs, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' || r == ' ' })
	space := false
	for _, r := range rs {
		if collapse && unicode.IsSpace(r) && r != 0x3000 {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		default:
			b.WriteRune(r)
		}
	}
	if space {
		b.WriteByte(' ')
	}
}
