package docx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText turns the raw text of a paragraph into one line: tabs become spaces, manual line
// breaks are joined (without a space between Chinese characters), invisible characters go, and
// the indentation (full-width spaces) and trailing blanks are trimmed.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t', r == '\u00a0':
			return ' '
		case r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff', r == '\u00ad':
			return -1
		case r == '\n':
			return r
		case unicode.IsControl(r), r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimFunc(line, isBlank)
		if line == "" {
			continue
		}
		if b.Len() > 0 && needsSpace(b.String(), line) {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	return b.String()
}

// needsSpace reports whether two pieces of text joined into one line need a space between them:
// not when either side is Chinese or full-width.
func needsSpace(before, after string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	return !isWide(last) && !isWide(first)
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		(r >= 0x2010 && r <= 0x2027) // dashes and quotes “” used in Chinese text
}

// isBlank covers the full-width space U+3000 used for indentation and the no-break spaces of
// converted documents.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
