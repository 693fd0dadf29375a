package static

import (
	"unicode/utf16"
	"unicode/utf8"
)

// A body block lists the units it shows (export.go writeBodies), and a page
// of documents with their parts reads some forty blocks: their unit lists
// were a quarter of the bytes read, mostly names said twice. A section is
// nearly always its anchor (第十二条) or begins with it (anchor 第十四条-（一）,
// section 第十四条第（一）项), and an anchor begins like the one before it,
// so each is stored as the length of the prefix it shares (with its anchor,
// with the previous anchor of the block) and the rest. Lengths count UTF-16
// code units, as the client's strings do. On the bench queries over a fifth
// of the laws corpus this took the body blocks a query reads from 14.9 to
// 13.8 KB.
//
//	per unit: anchor's prefix shared with the previous unit's anchor (0 for
//	  the first), rest of the anchor, section's prefix shared with the
//	  anchor, rest of the section, first rune

// appendUnits encodes the units of one block.
func appendUnits(b *buf, ps []part) {
	b.int(len(ps))
	prev := ""
	for _, p := range ps {
		n, rest := sharedPrefix(prev, p.anchor)
		b.int(n)
		b.str(rest)
		n, rest = sharedPrefix(p.anchor, p.section)
		b.int(n)
		b.str(rest)
		b.int(p.rune)
		prev = p.anchor
	}
}

// readUnits decodes what appendUnits wrote; ok is false when a shared
// prefix is longer than the string it refers to.
func readUnits(rd *reader, each func(Part)) (ok bool) {
	prev := ""
	for n := rd.int(); n > 0 && rd.err == nil; n-- {
		k, ok := prefixOf(prev, rd.int())
		if !ok {
			return false
		}
		anchor := k + rd.str()
		k, ok = prefixOf(anchor, rd.int())
		if !ok {
			return false
		}
		each(Part{Anchor: anchor, Section: k + rd.str(), Rune: rd.int()})
		prev = anchor
	}
	return true
}

// sharedPrefix is the length in UTF-16 code units of the longest prefix of
// whole runes a and b share, and the rest of b.
func sharedPrefix(a, b string) (int, string) {
	n, i := 0, 0
	for i < len(a) && i < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[i:])
		rb, sb := utf8.DecodeRuneInString(b[i:])
		if ra != rb || sa != sb || ra == utf8.RuneError {
			break
		}
		n += utf16.RuneLen(ra)
		i += sa
	}
	return n, b[i:]
}

// prefixOf is the first n UTF-16 code units of s, which must end on a rune.
func prefixOf(s string, n int) (string, bool) {
	i := 0
	for n > 0 && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		n -= utf16.RuneLen(r)
		i += size
	}
	return s[:i], n == 0
}
