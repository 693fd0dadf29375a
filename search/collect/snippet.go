package collect

import (
	"html"
	"html/template"
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
	rs := []rune(body)
	marks, lead := matchSpans(rs, forms)
	return snippetOf(rs, marks, lead)
}

// snippetOf is Snippet for a body already split into runes and matched.
func snippetOf(rs []rune, marks, lead [][2]int) template.HTML {
	if len(rs) == 0 {
		return ""
	}
	first := len(rs)
	for _, s := range lead {
		first = min(first, s[0])
	}
	if first == len(rs) {
		first = 0
	}
	lo := max(0, first-snippetLead)
	hi := min(len(rs), lo+SnippetRunes)
	lo = max(0, min(lo, hi-SnippetRunes))
	return render(rs, lo, hi, mergeSpans(marks, lo, hi))
}

// matchSpans returns the rune spans of body that match any of forms
// (marks), and those a hit leads with: the matches of terms longer than one
// Han character, or all of them when only lone characters match. The
// index keeps no positions for a lone character, so the static client could
// find its first match only by reading the whole body; both sides lead with
// the longer terms instead, which are also the more telling match.
func matchSpans(rs []rune, forms []string) (marks, lead [][2]int) {
	text := analysis.NewFoldedText(rs)
	var longer, lone [][2]int
	for _, alt := range forms {
		if found := text.Find(analysis.FoldKey(alt)); loneHan(alt) {
			lone = append(lone, found...)
		} else {
			longer = append(longer, found...)
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
// spaces so the excerpt reads as one line.
func render(rs []rune, lo, hi int, marks [][2]int) template.HTML {
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	plain := func(from, to int) {
		b.WriteString(html.EscapeString(collapseSpace(string(rs[from:to]))))
	}
	at := lo
	for _, m := range marks {
		plain(at, m[0])
		b.WriteString("<mark>")
		plain(m[0], m[1])
		b.WriteString("</mark>")
		at = m[1]
	}
	plain(at, hi)
	if hi < len(rs) {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}

func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' || r == ' ' }) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) && r != 0x3000 {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
