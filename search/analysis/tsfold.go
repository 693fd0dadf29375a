package analysis

import "unicode/utf8"

//go:generate go run -tags gents ./internal/gents -o tsfold_table.go

// Traditional and simplified characters are one for search: the index, the
// queries and the snippets fold a traditional character to its simplified
// form (網絡 → 网络) before anything else looks at it. The table comes from
// OpenCC (tsfold_table.go, made by internal/gents) and holds only
// characters that are never simplified forms themselves, so simplified text
// folds to itself: an exact phrase on simplified text still matches exactly
// where a plain substring search would. Every character maps to one in the
// same Unicode block (U+4E00–U+9FFF), so positions, rune offsets and UTF-8
// lengths stay as they were.

const (
	uroFirst = 0x4E00 // CJK Unified Ideographs
	uroLast  = 0x9FFF
)

// tsFold[r-uroFirst] is the simplified form of r, or 0.
var tsFold = func() *[uroLast - uroFirst + 1]uint16 {
	var t [uroLast - uroFirst + 1]uint16
	rs := []rune(tsFoldPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		t[rs[i]-uroFirst] = uint16(rs[i+1])
	}
	return &t
}()

// FoldTraditionalRune returns the simplified form of a traditional
// character, and any other rune unchanged.
func FoldTraditionalRune(r rune) rune {
	if r >= uroFirst && r <= uroLast {
		if s := tsFold[r-uroFirst]; s != 0 {
			return rune(s)
		}
	}
	return r
}

// FoldTraditional folds every traditional character of s (FoldTraditionalRune).
// The result has as many runes and bytes as s.
func FoldTraditional(s string) string {
	i := indexTraditional(s)
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i < len(s) {
		b = append(b, s[:i]...)
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, FoldTraditionalRune(r))
		s = s[i+size:]
		if i = indexTraditional(s); i < 0 {
			i = len(s)
		}
	}
	return string(append(b, s...))
}

// indexTraditional is the byte offset of the first character of s that
// folds, or -1.
func indexTraditional(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if FoldTraditionalRune(r) != r {
			return i
		}
		i += size
	}
	return -1
}

// foldTraditionalTerm returns the folded form of a one-character term of
// three bytes (a character of U+4E00–U+9FFF), or term itself.
func foldTraditionalTerm(term []byte) []byte {
	if len(term) != 3 {
		return term
	}
	r, _ := utf8.DecodeRune(term)
	if f := FoldTraditionalRune(r); f != r {
		return utf8.AppendRune(make([]byte, 0, 3), f)
	}
	return term
}

// TraditionalPairs returns the fold table as pairs of a traditional
// character and its simplified form, in code point order, for the static
// client (search/static writes it into the export).
func TraditionalPairs() [][2]rune {
	rs := []rune(tsFoldPairs)
	out := make([][2]rune, 0, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		out = append(out, [2]rune{rs[i], rs[i+1]})
	}
	return out
}
