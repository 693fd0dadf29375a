package analysis

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// FoldedText is body reduced to its significant characters (folded for
// width, case and traditional characters), each with its index in the
// original runes; 0 marks a break between two Han characters.
type FoldedText struct {
	b      []byte  // folded runes, for bytes.Index
	byteAt []int32 // byte offset in b of each folded rune, plus len(b)
	orig   []int32 // original rune index of each folded rune (-1 for a break)
}

const breakMark = '\x00'

// NewFoldedText folds the text rs for Find.
func NewFoldedText(rs []rune) FoldedText {
	var ft FoldedText
	ft.Reset(rs)
	return ft
}

// Reset folds rs into ft, reusing its buffers: a search folds some forty
// snippet texts one after another, and allocating three buffers for each
// was a tenth of building its hits.
func (ft *FoldedText) Reset(rs []rune) {
	b := slices.Grow(ft.b[:0], 3*len(rs))
	byteAt, orig := slices.Grow(ft.byteAt[:0], len(rs)+1), slices.Grow(ft.orig[:0], len(rs))
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
			byteAt = append(byteAt, int32(len(b)))
			orig = append(orig, -1)
			b = append(b, breakMark)
		}
		byteAt = append(byteAt, int32(len(b)))
		orig = append(orig, int32(i))
		b = utf8.AppendRune(b, f)
		lastHan, sepHard = han, false
	}
	ft.byteAt = append(byteAt, int32(len(b)))
	ft.b, ft.orig = b, orig
}

// isCommonHan: the CJK Unified Ideographs block, where every character is
// a Han letter without case (TestCommonHan checks this against the tables).
func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// FoldKey folds a query form the same way as the text.
func FoldKey(s string) string {
	ft := NewFoldedText([]rune(s))
	return string(ft.b)
}

func foldSignificant(r rune) (rune, bool) {
	r = unicode.ToLower(FoldRune(r))
	return r, unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Find returns every occurrence of key as original rune spans [start, end).
func (ft *FoldedText) Find(key string) [][2]int {
	return ft.AppendFind(nil, key)
}

// AppendFind appends every occurrence of key to out, as Find gives them.
func (ft *FoldedText) AppendFind(out [][2]int, key string) [][2]int {
	if key == "" {
		return out
	}
	kb := []byte(key)
	a := 0 // matches come in order, so the rune indexes only move forward
	for from := 0; from < len(ft.b); {
		i := bytes.Index(ft.b[from:], kb)
		if i < 0 {
			break
		}
		start := from + i
		end := start + len(kb)
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
		_, size := utf8.DecodeRune(ft.b[start:])
		from = start + size
	}
	return out
}
