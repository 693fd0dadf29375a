package privacy

import "bytes"

// match is a detected number's place in the text.
type match struct {
	start, end int // byte offsets
	kind       string
	sci        bool // written in scientific notation (5.107231990010112e+17)
}

// context is what stands around a candidate: the two runes before and after.
type context struct {
	before, before2, after, after2 rune
}

// scan walks the text once, reading each number token and matching detectors
// against its groups. Bytes that cannot start a digit are skipped without
// decoding: the text of a page is mostly Han characters and markup.
func scan(text []byte) []match {
	var out []match
	var t token
	for i := 0; i < len(text); {
		b := text[i]
		if b-'0' > 9 && !(b == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2]-0x90 <= 9) {
			i++
			continue
		}
		readToken(text, i, &t)
		out = append(out, matchToken(text, &t)...)
		i = t.end
	}
	return out
}

// contextAt is what stands around text[start:end].
func contextAt(text []byte, start, end int) context {
	var c context
	var w int
	c.before, w = runeBefore(text, start)
	c.before2, _ = runeBefore(text, start-w)
	c.after, w = decodeRune(text, end)
	c.after2, _ = decodeRune(text, end+w)
	return c
}

// matchToken tries, at each group, the longest run of whole groups that a
// detector accepts, and moves past it.
func matchToken(text []byte, t *token) []match {
	if len(t.digits) < 9 {
		return nil // shorter than any personal number, even half-masked or in scientific notation
	}
	if m, ok := scientific(text, t); ok {
		return []match{m}
	}
	if len(t.digits) < 11 {
		return halfMasked(text, t, nil) // shorter than any whole personal number: dates, amounts, 文号
	}
	var out []match
	for a := 0; a < len(t.groups); {
		m, next, ok := longestMatch(text, t, a)
		if !ok {
			a++
			continue
		}
		out = append(out, m)
		a = next
	}
	return halfMasked(text, t, out)
}

// longestMatch finds the longest detected number starting at group a and
// returns it with the index of the group after it. No pattern spans more than
// six groups (6222 0212 3456 7894 123, 5107 2319 9001 0112 34).
func longestMatch(text []byte, t *token, a int) (match, int, bool) {
	last := len(t.groups) - 1
	for b := min(a+5, last); b >= a; b-- {
		n := 0
		for _, g := range t.groups[a : b+1] {
			n += len(g.digits)
		}
		if n < 11 || n > 19 || n == 12 || n == 14 {
			continue // no personal number has this many digits
		}
		start, end := t.groups[a].start, t.groups[b].end
		c := contextAt(text, start, end)
		if kind, plus := classify(t.groups[a:b+1], c); kind != "" && !inHexWord(text, start, end) {
			if plus {
				_, w := runeBefore(text, start)
				start -= w
			}
			return match{start: start, end: end, kind: kind}, b + 1, true
		}
	}
	return match{}, 0, false
}

// classify says which personal number the groups form, if any. withPlus is
// true for a mobile written +86 directly before the groups.
func classify(gs []group, c context) (kind string, withPlus bool) {
	if isDecimalPoint(c.before) && digitValue(c.before2) >= 0 || isDecimalPoint(c.after) && digitValue(c.after2) >= 0 {
		return "", false // part of a decimal number such as an amount
	}
	if digitValue(c.before) >= 0 || digitValue(c.after) >= 0 {
		return "", false // a slice of a longer run (after zero-width characters)
	}
	digits, shape := joinGroups(gs)
	switch {
	case len(digits) == 18 && isIDShape(shape, digits):
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
// 号 is not one: 13812345678号 is how a clerk writes "number 138…".
const amountUnits = "元万亿%％年月日个人户次条款项米吨亩"

func beforeUnit(c context) bool {
	for _, u := range amountUnits {
		if c.after == u {
			return true
		}
	}
	return false
}

// halfMasked adds IDs masked only at the end (51072319900101****): the region
// and the whole birth date still show, and with the name beside them that is
// enough to find the person. The last one or two groups of the token hold 14
// to 17 digits and are followed by mask characters filling 18 places.
func halfMasked(text []byte, t *token, out []match) []match {
	n := len(t.groups)
	if len(t.groups[n-1].digits) < 8 || t.end >= len(text) || text[t.end] < 0x80 && text[t.end] != '*' && text[t.end] != ' ' && text[t.end] != '\t' {
		return out
	}
	k := skipSeparators(text, t.end)
	stars, end := 0, k
	for end < len(text) {
		r, w := decodeRune(text, end)
		if !isMaskChar(r) {
			break
		}
		stars++
		end += w
	}
	if stars == 0 || stars > 4 {
		return out
	}
	if after, _ := decodeRune(text, end); isAlnum(after) || isX(after) {
		return out
	}
	for _, from := range []int{n - 1, n - 2} {
		if from < 0 || (len(out) > 0 && out[len(out)-1].end > t.groups[from].start) {
			continue
		}
		digits, shape := joinGroups(t.groups[from:])
		if len(digits)+stars != 18 || len(digits) < 14 || !(len(shape) == 1 || shape[0] == 6) {
			continue
		}
		c := contextAt(text, t.groups[from].start, t.groups[from].start)
		if digitValue(c.before) >= 0 || isDecimalPoint(c.before) && digitValue(c.before2) >= 0 {
			continue
		}
		if allDigits(digits) && validRegion(digits[:2]) && validDate(digits[6:14]) {
			return append(out, match{start: t.groups[from].start, end: end, kind: KindID})
		}
	}
	return out
}

// skipSeparators moves past spaces between a number and its mask characters.
func skipSeparators(text []byte, j int) int {
	for j < len(text) {
		r, w := decodeRune(text, j)
		if !isSpace(r) && !isZeroWidth(r) {
			break
		}
		j += w
	}
	return j
}

// scientific reads a number that a spreadsheet or a script wrote in
// scientific notation: 5.107231990010112e+17 is the ID 510723199001011200
// typed into Excel, whose 15 significant digits keep region and birth date.
// Only forms that still show what identifies a person are flagged: an ID
// with region and the whole birth date (14 significant digits), a mobile or
// a card written out in full. 5.10723E+17, Excel's default display, shows the
// region only and passes.
func scientific(text []byte, t *token) (match, bool) {
	if len(t.groups) != 2 || len(t.groups[0].digits) != 1 || t.groups[1].start != t.groups[0].end+1 || !isDecimalPoint(rune(text[t.groups[0].end])) {
		return match{}, false
	}
	j := t.end
	if j >= len(text) || (text[j] != 'e' && text[j] != 'E') {
		return match{}, false
	}
	j++
	if j < len(text) && text[j] == '+' {
		j++
	}
	exp, digits := 0, 0
	for j < len(text) && text[j]-'0' <= 9 && digits < 3 {
		exp = exp*10 + int(text[j]-'0')
		j++
		digits++
	}
	if digits == 0 || (j < len(text) && isAlnum(rune(text[j]))) {
		return match{}, false
	}
	if c := contextAt(text, t.groups[0].start, j); digitValue(c.before) >= 0 || isDecimalPoint(c.before) || isLatinLetter(c.before) {
		return match{}, false
	}
	mantissa := append(append([]byte(nil), t.groups[0].digits...), t.groups[1].digits...)
	if len(mantissa) > exp+1 || bytes.IndexByte(mantissa, 'X') >= 0 {
		return match{}, false
	}
	whole := string(mantissa) + string(bytes.Repeat([]byte{'0'}, exp+1-len(mantissa)))
	m := match{start: t.groups[0].start, end: j, sci: true}
	switch {
	case exp == 17 && len(mantissa) >= 14 && validRegion(whole[:2]) && validDate(whole[6:14]):
		m.kind = KindID
	case exp == 10 && len(mantissa) >= 9 && isMobile(whole):
		m.kind = KindPhone
	case exp >= 15 && exp <= 18 && len(mantissa) >= 13 && validCard(whole):
		m.kind = KindCard
	default:
		return match{}, false
	}
	return m, true
}

// inHexWord: a git commit hash or a checksum (3f9a13812345678c…) holds digit runs by chance; a
// word of 20 or more hex digits with a letter among them is one of those.
func inHexWord(text []byte, start, end int) bool {
	isHex := func(b byte) bool { return b-'0' <= 9 || b-'a' < 6 || b-'A' < 6 }
	letter := false
	for start > 0 && isHex(text[start-1]) {
		start--
		letter = letter || text[start] > '9'
	}
	for end < len(text) && isHex(text[end]) {
		letter = letter || text[end] > '9'
		end++
	}
	return letter && end-start >= 20
}
