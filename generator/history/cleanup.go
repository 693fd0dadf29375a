package history

import (
	"strings"
	"unicode/utf8"
)

// cleanup makes a character diff readable: it merges neighbouring spans of one kind, puts each
// deletion before its insertion, moves text common to both back into the surrounding equal
// text, and dissolves short equal runs that sit between larger edits (in a rewritten sentence
// a shared 的 or ， is coincidence, not an unchanged part). This is the semantic cleanup of
// diff-match-patch, capped so that a kept phrase stays visible, and without its word-boundary
// shifting, which Chinese has no use for.
func cleanup(spans []Span) []Span {
	spans = merge(spans)
	for {
		next, changed := dissolveShortEquals(spans)
		if !changed {
			return spans
		}
		spans = merge(next)
	}
}

// merge normalises spans: no empty spans, no two neighbours with the same op, and in each run
// of edits one Delete followed by one Insert with no common prefix or suffix.
func merge(spans []Span) []Span {
	var out []Span
	equal := func(text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == Equal {
			out[n-1].Text += text
			return
		}
		out = append(out, Span{Equal, text})
	}
	for i := 0; i < len(spans); {
		if spans[i].Op == Equal {
			equal(spans[i].Text)
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(spans) && spans[i].Op != Equal; i++ {
			if spans[i].Op == Delete {
				del.WriteString(spans[i].Text)
			} else {
				ins.WriteString(spans[i].Text)
			}
		}
		d, s := del.String(), ins.String()
		p := commonPrefixBytes(d, s)
		equal(d[:p])
		d, s = d[p:], s[p:]
		q := commonSuffixBytes(d, s)
		suffix := d[len(d)-q:]
		d, s = d[:len(d)-q], s[:len(s)-q]
		if d != "" {
			out = append(out, Span{Delete, d})
		}
		if s != "" {
			out = append(out, Span{Insert, s})
		}
		equal(suffix)
	}
	return out
}

// maxCoincidence is the longest equal run that can be coincidence: in Chinese, four shared
// characters in a row (街道办事处) are a phrase the editor kept.
const maxCoincidence = 3

// dissolveShortEquals turns every equal span of at most maxCoincidence characters that is no
// longer than the largest edit on either side of it into a deletion plus an insertion. Spans
// must be merged.
func dissolveShortEquals(spans []Span) ([]Span, bool) {
	changed := false
	out := make([]Span, 0, len(spans)+4)
	for i, s := range spans {
		if s.Op != Equal || i == 0 || i == len(spans)-1 {
			out = append(out, s)
			continue
		}
		n := runeCount(s.Text)
		if n <= maxCoincidence && n <= editSize(spans, i, -1) && n <= editSize(spans, i, +1) {
			out = append(out, Span{Delete, s.Text}, Span{Insert, s.Text})
			changed = true
			continue
		}
		out = append(out, s)
	}
	return out, changed
}

// editSize is the larger of the deletion and insertion next to spans[i] in direction dir, in
// characters; 0 when the neighbour is not an edit.
func editSize(spans []Span, i, dir int) int {
	del, ins := 0, 0
	for j := i + dir; j >= 0 && j < len(spans) && spans[j].Op != Equal; j += dir {
		if spans[j].Op == Delete {
			del += runeCount(spans[j].Text)
		} else {
			ins += runeCount(spans[j].Text)
		}
	}
	return max(del, ins)
}

// commonPrefixBytes is the length of the longest common prefix ending on a character boundary.
func commonPrefixBytes(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// commonSuffixBytes is the length of the longest common suffix starting on a character boundary.
func commonSuffixBytes(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	for n > 0 && !utf8.RuneStart(a[len(a)-n]) {
		n--
	}
	return n
}
