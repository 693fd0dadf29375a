package history

import (
	"strings"
)

// paragraphs splits Markdown into the units a reader sees change: paragraphs separated by
// blank lines, where each table row, list item and ATX heading is a unit of its own and a
// fenced code block is one unit even across blank lines.
func paragraphs(text string) []string {
	text = normalizeText(text)
	var units []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			units = append(units, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	var fence string // the opening fence while inside a fenced code block
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t")
		trimmed := strings.TrimLeft(line, " \t")
		switch {
		case fence != "":
			cur = append(cur, line)
			if closesFence(trimmed, fence) {
				fence = ""
				flush()
			}
		case trimmed == "":
			flush()
		case openingFence(trimmed) != "":
			flush()
			fence = openingFence(trimmed)
			cur = append(cur, line)
		case strings.HasPrefix(trimmed, "|") || isHeading(trimmed):
			flush()
			units = append(units, line)
		case isListItem(trimmed):
			flush()
			cur = append(cur, line)
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return units
}

// normalizeText makes two checkouts of the same text compare equal whatever their line
// endings, and keeps the rune-level diff exact on invalid UTF-8.
func normalizeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// openingFence returns the fence (``` or ~~~, at least three) that opens a code block, or "".
func openingFence(trimmed string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(trimmed) && trimmed[n] == c {
			n++
		}
		if n >= 3 {
			return trimmed[:n]
		}
	}
	return ""
}

func closesFence(trimmed, fence string) bool {
	f := openingFence(trimmed)
	return f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimLeft(trimmed, f[:1]) == ""
}

func isHeading(trimmed string) bool {
	n := 0
	for n < len(trimmed) && trimmed[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(trimmed) || trimmed[n] == ' ' || trimmed[n] == '\t')
}

// isListItem reports a Markdown bullet (-, *, +) or ordered (1. or 1)) list marker followed by
// a space. Chinese numbering such as 一、 and （一） is prose and stays with its paragraph.
func isListItem(trimmed string) bool {
	if len(trimmed) >= 2 && strings.ContainsRune("-*+", rune(trimmed[0])) {
		return trimmed[1] == ' ' || trimmed[1] == '\t'
	}
	n := 0
	for n < len(trimmed) && n < 9 && trimmed[n] >= '0' && trimmed[n] <= '9' {
		n++
	}
	return n > 0 && n+1 < len(trimmed) && (trimmed[n] == '.' || trimmed[n] == ')') &&
		(trimmed[n+1] == ' ' || trimmed[n+1] == '\t')
}
