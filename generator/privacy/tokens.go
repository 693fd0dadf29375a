package privacy

import "unicode/utf8"

// A number in text is read as a token: digit groups joined by separator runs
// (138 1234 5678, 6222-0212-…, 138.1234.5678, 138　1234　5678, a line break).
// Detectors then look for a pattern over consecutive whole groups, so a match
// is never a slice of a longer run of digits, yet a group can stand next to an
// unrelated number (电话 023 138…). Zero-width characters are invisible to a
// reader, so inside a group they are skipped as if absent.

// group is a maximal run of digits (ASCII or full-width), normalised to ASCII;
// an ID's final X is kept as 'X'.
type group struct {
	digits     []byte
	start, end int // byte offsets in the text
}

type token struct {
	groups []group
	digits []byte // backing store of every group's digits: one allocation a token
	end    int    // byte offset after the token
}

// readToken reads the token that starts with a digit at text[i:] into t,
// reusing t's storage: most tokens are short numbers (dates, amounts) and
// should cost no allocation.
func readToken(text []byte, i int, t *token) {
	t.groups, t.digits = t.groups[:0], t.digits[:0]
	j := i
	for {
		g := group{start: j}
		from := len(t.digits)
		for j < len(text) {
			r, w := decodeRune(text, j)
			if v := digitValue(r); v >= 0 {
				t.digits = append(t.digits, byte('0'+v))
				j += w
				continue
			}
			if isZeroWidth(r) {
				if k := skipZeroWidth(text, j); k < len(text) && startsDigit(text, k) {
					j = k
					continue
				}
			}
			break
		}
		endsInX := false
		if r, w := decodeRune(text, j); isX(r) {
			if after, _ := decodeRune(text, j+w); !isAlnum(after) {
				t.digits = append(t.digits, 'X')
				j += w
				endsInX = true
			}
		}
		g.end, g.digits = j, t.digits[from:len(t.digits):len(t.digits)]
		t.groups = append(t.groups, g)
		if endsInX || len(t.groups) >= maxGroups {
			break
		}
		n := separatorRun(text, j)
		if n == 0 {
			break
		}
		j += n
	}
	t.end = j
}

// maxGroups bounds a token: "1 2 3 4 …" for pages does not need reading as
// one number, and no pattern spans more than six groups.
const maxGroups = 64

// separatorRun is the byte length of the separators at text[j:] that join two
// digit groups, or 0 when what follows is not such a run followed by a digit.
// A run holds at most one line break (two are a paragraph), a few spaces of any
// width, and at most two dashes, dots or underscores (中文破折号 is ——).
func separatorRun(text []byte, j int) int {
	start := j
	spaces, breaks, marks := 0, 0, 0
	for j < len(text) {
		r, w := decodeRune(text, j)
		switch {
		case digitValue(r) >= 0:
			if j == start {
				return 0
			}
			return j - start
		case r == '\n':
			breaks++
		case r == '\r':
			if next, _ := decodeRune(text, j+w); next != '\n' {
				breaks++
			}
		case isSpace(r):
			spaces++
		case isJoinMark(r):
			marks++
		case isZeroWidth(r):
		default:
			return 0
		}
		if breaks > 1 || spaces > 8 || marks > 2 {
			return 0
		}
		j += w
	}
	return 0
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u3000', '\u202f', '\u205f', '\u1680':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// isJoinMark: punctuation people put between digit groups.
func isJoinMark(r rune) bool {
	switch r {
	case '-', '.', '_', '－', '—', '–', '‐', '‑', '‒', '―', '﹣', '．', '＿', '·', '・':
		return true
	}
	return false
}

// isZeroWidth: characters that render as nothing.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e':
		return true
	}
	return false
}

func skipZeroWidth(text []byte, j int) int {
	for j < len(text) {
		r, w := decodeRune(text, j)
		if !isZeroWidth(r) {
			break
		}
		j += w
	}
	return j
}

func startsDigit(text []byte, j int) bool {
	r, _ := decodeRune(text, j)
	return digitValue(r) >= 0
}

// decodeRune is utf8.DecodeRune at text[j:] with an ASCII fast path; past the
// end it returns (0, 0).
func decodeRune(text []byte, j int) (rune, int) {
	if j >= len(text) {
		return 0, 0
	}
	if b := text[j]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRune(text[j:])
}

// runeBefore is the rune ending at text[:j], or 0 at the start.
func runeBefore(text []byte, j int) (rune, int) {
	if j <= 0 {
		return 0, 0
	}
	if b := text[j-1]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeLastRune(text[:j])
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

// isMaskChar: what a clerk types in place of hidden digits.
func isMaskChar(r rune) bool { return r == '*' || r == '＊' || r == '●' || r == '×' }

// isLatinLetter excludes Han characters: 卡号6222… is the usual way to write a card.
func isLatinLetter(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ')
}

func isAlnum(r rune) bool { return isLatinLetter(r) || digitValue(r) >= 0 }

func isDecimalPoint(r rune) bool { return r == '.' || r == '．' }

func isPlus(r rune) bool { return r == '+' || r == '＋' }
