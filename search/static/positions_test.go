package static

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
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

// plainForEachUnit is forEachUnit as first written, over text already
// normalized by normalizeText.
func plainForEachUnit(text string, fn func(han bool, n int)) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isIdeo(r):
			n := 0
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !isIdeo(r) {
					break
				}
				n++
				i += size
			}
			fn(true, n)
		case wordKind(r) >= kindLetter:
			i = plainWordEnd(text, i)
			fn(false, 1)
		default:
			i += size
		}
	}
}

func plainWordEnd(text string, i int) int {
	r, size := utf8.DecodeRuneInString(text[i:])
	last := wordKind(r)
	i += size
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		k := wordKind(r)
		if isIdeo(r) {
			return i
		}
		switch {
		case k == kindExtend:
			i += size
		case k >= kindLetter:
			last = k
			i += size
		default:
			next, nsize := utf8.DecodeRuneInString(text[i+size:])
			mids := midLetter
			if last == kindDigit {
				mids = midNum
			}
			if i+size >= len(text) || isIdeo(next) || wordKind(next) != last || !strings.ContainsRune(mids, r) {
				return i
			}
			i += size + nsize
		}
	}
	return i
}

func TestForEachUnitNormalizes(t *testing.T) {
	for _, s := range []string{
		"", "abc", "刘  智", "刘　智", "刘 \t\u00a0智", "刘 a", "a 智", "全角ＡＢＣ１２３", "刘 ＡＢ", "刘 　", " 刘 智 ",
		"第一条　为了", "x\xff刘 智", "刘\xff 智", "\u3000\u3000开头", "末尾刘 ", "1，000．5元", "ab＇cd", "カタ カナ 刘 カ",
		"刘 ＿x", "v1．2版 刘　　　智、张 三。", "刘\u2003智\u2009王",
	} {
		checkForEachUnit(t, s)
	}
}

func FuzzForEachUnit(f *testing.F) {
	for _, s := range []string{"刘  智", "全角ＡＢＣ１２３、刘　智\u00a0王", "a\xffb 刘 智", "1，000．5元 don＇t"} {
		f.Add(s)
	}
	f.Fuzz(checkForEachUnit)
}

// checkForEachUnit holds forEachUnit to the units of the normalized text.
func checkForEachUnit(t *testing.T, s string) {
	type unit struct {
		han bool
		n   int
	}
	var got, want []unit
	forEachUnit(s, func(han bool, n int) { got = append(got, unit{han, n}) })
	plainForEachUnit(normalizeText(s), func(han bool, n int) { want = append(want, unit{han, n}) })
	if !slices.Equal(got, want) {
		t.Fatalf("forEachUnit(%q) = %v, want %v (normalized %q)", s, got, want, normalizeText(s))
	}
}

// FuzzDecodeRune holds decodeRune, and the loops that decode three-byte
// sequences inline through han3, to utf8.DecodeRuneInString.
func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"", "a", "中文", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe4\xb8", "\xe4\xb8\x41", "𠀋", "é", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			r, size := decodeRune(s, i)
			wr, wsize := utf8.DecodeRuneInString(s[i:])
			if r != wr || size != wsize {
				t.Fatalf("decodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, size, wr, wsize)
			}
		}
		if got, want := appendUTF16LE(nil, s), utf16LE(s); !bytes.Equal(got, want) {
			t.Fatalf("appendUTF16LE(%q) = % x, want % x", s, got, want)
		}
	})
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
