package collect

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// wholeBody is marker.match's reference: the whole body decoded and matched.
func wholeBody(body string, forms []string) (string, int, bool) {
	rs := []rune(body)
	marks, lead := newMarker(forms).matchSpans(rs)
	at, ok := firstMatch(rs, lead)
	return string(snippetOf(rs, false, marks, lead)), at, ok
}

// TestMatchBodyWindow holds marker.match, which folds only a prefix of a long
// body when a form occurs in it as typed, to what matching the whole body
// gives: the same snippet and the same first match (the unit a hit links
// to), on random texts of Han runs, punctuation, spaces, letters of both
// widths and cases, and forms cut from them or changed.
func TestMatchBodyWindow(t *testing.T) {
	pieces := []string{"低保", "资金", "居民委员会", "第十一条", "。", "，", " ", "  ", "\n", "\n\n", "ABC", "abc", "ＡＢＣ", "１２３", "123",
		"中发〔2017〕13号", "中发[2017]13号", "刘  智", "《", "》", "低", "保", "会", "条", "&", "<b>", "——", "甲乙丙丁", "戊己庚辛"}
	rng := rand.New(rand.NewPCG(14, 1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		n := rng.IntN(400)
		if rng.IntN(4) == 0 {
			n = rng.IntN(3000)
		}
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		body := b.String()
		var forms []string
		for range rng.IntN(4) {
			var f string
			switch rs := []rune(body); {
			case rng.IntN(3) > 0 && len(rs) > 2:
				from := rng.IntN(len(rs) - 1)
				f = string(rs[from : from+1+rng.IntN(min(8, len(rs)-from))])
			default:
				f = pieces[rng.IntN(len(pieces))]
			}
			forms = append(forms, f)
		}
		want, wantAt, wantOK := wholeBody(body, forms)
		rs, more, marks, lead := newMarker(forms).match(body, nil)
		got := string(snippetOf(rs, more, marks, lead))
		at, ok := firstMatch(rs, lead)
		if got != want || at != wantAt || ok != wantOK {
			t.Fatalf("body %q forms %q:\n got %q at %d %v\nwant %q at %d %v", body, forms, got, at, ok, want, wantAt, wantOK)
		}
	}
}

// TestWritePlain holds writePlain to what snippets were built with before:
// html.EscapeString of collapseSpace.
func TestWritePlain(t *testing.T) {
	collapseSpace := func(s string) string {
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
	pieces := []string{"低保", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u2003", "<", ">", "&", "'", "\"", "a", "\ufffd", "—"}
	rng := rand.New(rand.NewPCG(14, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var got strings.Builder
		writePlain(&got, []rune(s))
		if want := html.EscapeString(collapseSpace(s)); got.String() != want {
			t.Fatalf("writePlain(%q) = %q, want %q", s, got.String(), want)
		}
	}
}
