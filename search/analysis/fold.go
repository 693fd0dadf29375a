package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldedText is body reduced to its significant characters (folded for
// width, case and traditional characters), each with its index in the
// original runes; 0 marks a break between two Han characters.
type FoldedText struct {
	s      string  // folded runes, for strings.Index
	byteAt []int32 // byte offset in s of each folded rune, plus len(s)
	orig   []int32 // original rune index of each folded rune (-1 for a break)
}

const breakMark = '\x00'

// NewFoldedText folds the text rs for Find.
func NewFoldedText(rs []rune) FoldedText {
	var b strings.Builder
	b.Grow(3 * len(rs))
	ft := FoldedText{byteAt: make([]int32, 0, len(rs)+1), orig: make([]int32, 0, len(rs))}
	lastHan, sepHard := false, false
	for i, r := range rs {
		f, han := FoldTraditionalRune(r), true
		if !isCommonHan(r) { // the common case needs no other folding or table lookups
			var ok bool
			if f, ok = foldSignificant(r); !ok {
				sepHard = sepHard || !IsInlineSpace(r)
				continue
			}
			han = IsHan(f)
		}
		if han && lastHan && sepHard {
			ft.byteAt = append(ft.byteAt, int32(b.Len()))
			ft.orig = append(ft.orig, -1)
			b.WriteByte(breakMark)
		}
		ft.byteAt = append(ft.byteAt, int32(b.Len()))
		ft.orig = append(ft.orig, int32(i))
		b.WriteRune(f)
		lastHan, sepHard = han, false
	}
	ft.byteAt = append(ft.byteAt, int32(b.Len()))
	ft.s = b.String()
	return ft
}

// isCommonHan: the CJK Unified Ideographs block, where every character is
// a Han letter without case (TestCommonHan checks this against the tables).
func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// FoldKey folds a query form the same way as the text.
func FoldKey(s string) string {
	ft := NewFoldedText([]rune(s))
	return ft.s
}

func foldSignificant(r rune) (rune, bool) {
	r = unicode.ToLower(FoldRune(r))
	return r, unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Find returns every occurrence of key as original rune spans [start, end).
func (ft FoldedText) Find(key string) [][2]int {
	if key == "" {
		return nil
	}
	var out [][2]int
	a := 0 // matches come in order, so the rune indexes only move forward
	for from := 0; from < len(ft.s); {
		i := strings.Index(ft.s[from:], key)
		if i < 0 {
			break
		}
		start := from + i
		end := start + len(key)
		for a < len(ft.byteAt) && int(ft.byteAt[a]) < start {
			a++
		}
		z := a
		for z < len(ft.byteAt) && int(ft.byteAt[z]) < end {
			z++
		}
		z-- // the last folded rune starting before end
		if a <= z && ft.orig[a] >= 0 && ft.orig[z] >= 0 {
			out = append(out, [2]int{int(ft.orig[a]), int(ft.orig[z]) + 1})
		}
		_, size := utf8.DecodeRuneInString(ft.s[start:])
		from = start + size
	}
	return out
}
