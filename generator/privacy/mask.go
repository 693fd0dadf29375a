package privacy

import "strings"

// MaskID keeps the region (first 6) and the last 4 characters of an ID number,
// as lists of 低保 recipients are published: 500230********123X.
func MaskID(s string) string { return maskPositions(s, 6, 4) }

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
			b.WriteString(mask(m.kind, s[m.start:m.end]))
			last = m.end
		}
		b.WriteString(s[last:])
		s = b.String()
		total += len(matches)
	}
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
	n := 0
	for _, r := range s {
		if isPosition(r) {
			n++
		}
	}
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

func isPosition(r rune) bool { return digitValue(r) >= 0 || isX(r) || r == '*' }

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
