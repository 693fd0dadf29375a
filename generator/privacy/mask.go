package privacy

import "strings"

// MaskID keeps the region (first 6) and the last 4 characters of an ID number,
// as lists of 低保 recipients are published: 500230********123X. The birth
// date (digits 7-14; 7-12 in a 15-digit ID, of which the last 3 are kept) is
// always hidden, also when the clerk had masked only the end
// (51072319900101**** becomes 510723************).
func MaskID(s string) string {
	if positions(s) == 15 {
		return maskPositions(s, 6, 3)
	}
	return maskPositions(s, 6, 4)
}

func positions(s string) int {
	n := 0
	for _, r := range s {
		if isPosition(r) {
			n++
		}
	}
	return n
}

// MaskPhone keeps the first 3 and last 4 digits of a mobile: 138****5678.
// A leading 86 / +86 is kept as written.
func MaskPhone(s string) string {
	if d := digitsOf(s); len(d) == 13 && strings.HasPrefix(d, "86") {
		return maskPositions(s, 5, 4)
	}
	return maskPositions(s, 3, 4)
}

// MaskCard keeps the first and last 4 digits of a card: 6222 **** **** 1234.
func MaskCard(s string) string { return maskPositions(s, 4, 4) }

// MaskText replaces every personal number in s with its masked form and says
// how many it replaced. It repeats until a scan finds nothing, so that no
// finding is ever left behind: the kept last digits of a card can start a new
// one with the groups after it. Every pass masks digits, so it ends.
func MaskText(s string) (string, int) {
	total := 0
	for {
		matches := scan([]byte(s))
		if len(matches) == 0 {
			return s, total
		}
		var b strings.Builder
		last := 0
		for _, m := range matches {
			b.WriteString(s[last:m.start])
			b.WriteString(maskMatch(m, s[m.start:m.end]))
			last = m.end
		}
		b.WriteString(s[last:])
		s = b.String()
		total += len(matches)
	}
}

func maskMatch(m match, raw string) string {
	if m.sci {
		return maskScientific(m.kind, raw)
	}
	return mask(m.kind, raw)
}

// maskScientific keeps what MaskID, MaskPhone and MaskCard keep at the head
// of the number and hides the rest of the mantissa; the exponent stays, so
// that the cell still reads as the number it was.
func maskScientific(kind, raw string) string {
	head := 6
	switch kind {
	case KindPhone:
		head = 3
	case KindCard:
		head = 4
	}
	var b strings.Builder
	n := 0
	for i, r := range raw {
		if r == 'e' || r == 'E' {
			b.WriteString(raw[i:])
			break
		}
		if digitValue(r) >= 0 {
			n++
			if n > head {
				r = '*'
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func mask(kind, raw string) string {
	switch kind {
	case KindID:
		return MaskID(raw)
	case KindPhone:
		return MaskPhone(raw)
	}
	return MaskCard(raw)
}

// maskPositions replaces with * every digit (or X) of s except the first head
// and last tail, keeping separators. A * already there holds its place, so
// masking twice changes nothing. Short numbers are masked entirely.
func maskPositions(s string, head, tail int) string {
	n := positions(s)
	if n <= head+tail {
		head, tail = 0, 0
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if !isPosition(r) {
			b.WriteRune(r)
			continue
		}
		if i < head || i >= n-tail {
			b.WriteRune(r)
		} else {
			b.WriteByte('*')
		}
		i++
	}
	return b.String()
}

func isPosition(r rune) bool { return digitValue(r) >= 0 || isX(r) || isMaskChar(r) }

// digitsOf is s's digits in ASCII, and an ID's X, without anything else.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if v := digitValue(r); v >= 0 {
			b.WriteByte(byte('0' + v))
		} else if isX(r) {
			b.WriteByte('X')
		}
	}
	return b.String()
}
