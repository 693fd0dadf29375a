package static

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestBMPClasses holds the lookup table to the Unicode tables it caches.
func TestBMPClasses(t *testing.T) {
	for r := range rune(1 << 16) {
		if got, want := wordKind(r), wordKindOf(r); got != want {
			t.Fatalf("wordKind(%U) = %d, Unicode says %d", r, got, want)
		}
		if got, want := isIdeo(r), r >= 0x2e80 && isIdeoOf(r); got != want {
			t.Fatalf("isIdeo(%U) = %v, Unicode says %v", r, got, want)
		}
	}
	for _, r := range []rune{-1, 0x20000, 0x2a6df, 0x1f600, 0x10ffff, 0x110000} {
		if wordKind(r) != wordKindOf(r) || isIdeo(r) != (r >= 0x2e80 && isIdeoOf(r)) {
			t.Errorf("%U classed differently", r)
		}
	}
}

// plainNormalizeText is normalizeText as first written, rune by rune.
func plainNormalizeText(s string) string {
	var b strings.Builder
	last := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isInlineSpace(r) && unicode.Is(unicode.Han, last) {
			j := i + size
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isInlineSpace(r2) {
					break
				}
				j += size2
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && unicode.Is(unicode.Han, foldRune(next)) {
				i = j
				continue
			}
		}
		r = foldRune(r)
		b.WriteRune(r)
		last = r
		i += size
	}
	return b.String()
}

func TestNormalizeText(t *testing.T) {
	for _, s := range []string{
		"", "abc", "刘  智", "刘　智", "刘 \t\u00a0智", "刘 a", "a 智", "全角ＡＢＣ１２３", "刘 ＡＢ", "刘 　", " 刘 智 ",
		"第一条　为了", "x\xff刘 智", "刘\xff 智", "\u3000\u3000开头", "末尾刘 ",
	} {
		checkNormalizeText(t, s)
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"刘  智", "全角ＡＢＣ１２３、刘　智\u00a0王", "a\xffb 刘 智"} {
		f.Add(s)
	}
	f.Fuzz(checkNormalizeText)
}

// checkNormalizeText compares runes: the two differ only in how they carry
// invalid UTF-8 over, which decodes to U+FFFD either way.
func checkNormalizeText(t *testing.T, s string) {
	got, want := normalizeText(s), plainNormalizeText(s)
	if string([]rune(got)) != string([]rune(want)) {
		t.Fatalf("normalizeText(%q) = %q, want %q", s, got, want)
	}
	if utf8.ValidString(s) && got != want {
		t.Fatalf("normalizeText(%q) = %q, want %q", s, got, want)
	}
}
