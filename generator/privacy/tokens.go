package privacy

import "unicode/utf8"

// A number in text is read as a token: digit groups joined by single spaces
// or dashes (138 1234 5678, 6222-0212-…). Detectors then look for a pattern
// over consecutive whole groups, so a match is never a slice of a longer run
// of digits, yet a group can stand next to an unrelated number (电话 023 138…).

// group is a maximal run of digits (ASCII or full-width), normalised to ASCII;
// an ID's final X is kept as 'X'.
type group struct {
	digits     []byte
	start, end int // byte offsets in the text
	col        int // rune offset from the start of the token
}

type token struct {
	groups []group
	digits []byte // backing store of every group's digits: one allocation a token
	end    int    // byte offset after the token
	runes  int    // length in runes; tokens never span lines
	last   rune   // the token's last rune
}

// readToken reads the token that starts with a digit at text[i:] into t,
// reusing t's storage: most tokens are short numbers (dates, amounts) and
// should cost no allocation.
func readToken(text []byte, i int, t *token) {
	t.groups, t.digits = t.groups[:0], t.digits[:0]
	j, runes := i, 0
	for {
		g := group{start: j, col: runes}
		from := len(t.digits)
		for j < len(text) {
			r, w := utf8.DecodeRune(text[j:])
			v := digitValue(r)
			if v < 0 {
				break
			}
			t.digits = append(t.digits, byte('0'+v))
			t.last = r
			j += w
			runes++
		}
		endsInX := false
		if r, w := utf8.DecodeRune(text[j:]); isX(r) {
			if after, _ := utf8.DecodeRune(text[j+w:]); !isAlnum(after) {
				t.digits = append(t.digits, 'X')
				t.last = r
				j += w
				runes++
				endsInX = true
			}
		}
		g.end, g.digits = j, t.digits[from:len(t.digits):len(t.digits)]
		t.groups = append(t.groups, g)
		if endsInX || j+1 >= len(text) || !isSeparator(text[j]) {
			break
		}
		if next, _ := utf8.DecodeRune(text[j+1:]); digitValue(next) < 0 {
			break
		}
		j++
		runes++
	}
	t.end, t.runes = j, runes
}

// digitValue is the value of an ASCII or full-width digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

func isX(r rune) bool { return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' }

func isSeparator(b byte) bool { return b == ' ' || b == '-' }

// isLatinLetter excludes Han characters: 卡号6222… is the usual way to write a card.
func isLatinLetter(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ')
}

func isAlnum(r rune) bool { return isLatinLetter(r) || digitValue(r) >= 0 }

func isDecimalPoint(r rune) bool { return r == '.' || r == '．' }

func isPlus(r rune) bool { return r == '+' || r == '＋' }
