package privacy

import "unicode/utf8"

// match is a detected number's place in the text.
type match struct {
	start, end int // byte offsets
	line, col  int // 1-based, col in runes
	kind       string
	plus       bool // a mobile written +86: the span starts at the + before the token
}

// context is what stands around a candidate: the two runes before and after.
type context struct {
	before, before2, after, after2 rune
}

// scan walks the text once, reading each number token and matching detectors
// against its groups.
func scan(text []byte) []match {
	var out []match
	var t token
	line, col := 1, 1
	var prev, prev2 rune = '\n', 0
	prevWidth := 0
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(text[i:])
		}
		if digitValue(r) < 0 {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			prev2, prev, prevWidth = prev, r, w
			i += w
			continue
		}
		readToken(text, i, &t)
		after, aw := utf8.DecodeRune(text[t.end:])
		after2, _ := utf8.DecodeRune(text[t.end+aw:])
		around := context{before: prev, before2: prev2, after: after, after2: after2}
		for _, m := range matchToken(&t, around) {
			m.line, m.col = line, col+m.col
			if m.plus {
				m.start, m.col = m.start-prevWidth, m.col-1
			}
			out = append(out, m)
		}
		col += t.runes
		prev2, prev, prevWidth = 0, t.last, utf8.RuneLen(t.last)
		i = t.end
	}
	return out
}

// matchToken tries, at each group, the longest run of whole groups that a
// detector accepts, and moves past it.
func matchToken(t *token, around context) []match {
	if len(t.digits) < 11 {
		return nil // shorter than any personal number: dates, amounts, 文号
	}
	var out []match
	for a := 0; a < len(t.groups); {
		m, next, ok := longestMatch(t, a, around)
		if !ok {
			a++
			continue
		}
		out = append(out, m)
		a = next
	}
	return out
}

// longestMatch finds the longest detected number starting at group a and
// returns it with the index of the group after it. No pattern spans more than
// five groups (6222 0212 3456 7894 123).
func longestMatch(t *token, a int, around context) (match, int, bool) {
	last := len(t.groups) - 1
	for b := min(a+4, last); b >= a; b-- {
		c := context{before: ' ', after: ' '} // inside a token, groups are separated
		if a == 0 {
			c.before, c.before2 = around.before, around.before2
		}
		if b == last {
			c.after, c.after2 = around.after, around.after2
		}
		if kind, withPlus := classify(t.groups[a:b+1], c); kind != "" {
			g := t.groups[a]
			return match{start: g.start, end: t.groups[b].end, col: g.col, kind: kind, plus: withPlus && a == 0}, b + 1, true
		}
	}
	return match{}, 0, false
}

// classify says which personal number the groups form, if any. withPlus is
// true for a mobile written +86 at the very start of the token.
func classify(gs []group, c context) (kind string, withPlus bool) {
	if isDecimalPoint(c.before) && digitValue(c.before2) >= 0 || isDecimalPoint(c.after) && digitValue(c.after2) >= 0 {
		return "", false // part of a decimal number such as an amount
	}
	digits, shape := joinGroups(gs)
	switch {
	case isIDShape(shape) && validID(digits):
		return KindID, false
	case len(digits) == 15 && (len(shape) == 1 || equalShape(shape, 6, 6, 3)) && validOldID(digits) && !nextToLetter(c):
		return KindID, false
	case isPhoneShape(digits, shape) && !beforeUnit(c) && !roundGroups(gs):
		return KindPhone, isPlus(c.before) && len(digits) == 13
	case isCardShape(shape) && validCard(digits) && !nextToLetter(c) && !beforeUnit(c) && !roundGroups(gs):
		return KindCard, false
	}
	return "", false
}

func joinGroups(gs []group) (string, []int) {
	var digits []byte
	shape := make([]int, len(gs))
	for i, g := range gs {
		digits = append(digits, g.digits...)
		shape[i] = len(g.digits)
	}
	return string(digits), shape
}

func equalShape(shape []int, want ...int) bool {
	if len(shape) != len(want) {
		return false
	}
	for i := range want {
		if shape[i] != want[i] {
			return false
		}
	}
	return true
}

// nextToLetter: serial numbers and codes mix letters and digits (MB0T000000);
// personal numbers stand apart from Latin letters.
func nextToLetter(c context) bool { return isLatinLetter(c.before) || isLatinLetter(c.after) }

// roundGroups: "150 2000 3000" or "4000 3500 3000 2500" is a list of round
// amounts, not a grouped mobile or card (where two groups of four both ending
// in 00 happen once in ten thousand).
func roundGroups(gs []group) bool {
	round := 0
	for _, g := range gs {
		if len(g.digits) != 4 {
			continue
		}
		if g.digits[2] != '0' || g.digits[3] != '0' {
			return false
		}
		round++
	}
	return round >= 2
}

// amountUnits follow numbers that are quantities, never phone or card numbers.
const amountUnits = "元万亿%％年月日号个人户次条款项米吨亩"

func beforeUnit(c context) bool {
	for _, u := range amountUnits {
		if c.after == u {
			return true
		}
	}
	return false
}
