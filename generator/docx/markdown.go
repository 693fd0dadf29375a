package docx

import (
	"bytes"
	"regexp"
	"strings"
)

// writeBody writes the blocks as Markdown: one paragraph per Word paragraph, a blank line between,
// tables as GFM tables. Blocks whose index is in skip (the header lines used for front matter)
// are left out.
func writeBody(out *bytes.Buffer, blocks []block, skip map[int]bool) {
	first := true
	for i, b := range blocks {
		if skip[i] {
			continue
		}
		if !first {
			out.WriteByte('\n')
		}
		first = false
		if b.table != nil {
			writeTable(out, b.table)
			continue
		}
		out.WriteString(escapeParagraph(b.text))
		out.WriteByte('\n')
	}
}

// Paragraphs are plain text, never Markdown structure: structural numbering (一、 1. 第X条) stays a
// paragraph, so a leading "1. " or "- " is escaped rather than turned into a list.
var (
	reOrderedMarker = regexp.MustCompile(`^[0-9]{1,9}[.)](?:[ \t]|$)`)
	reEntity        = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

func escapeParagraph(s string) string {
	if loc := reOrderedMarker.FindStringIndex(s); loc != nil {
		digits := strings.TrimRight(s[:loc[1]], ". )\t")
		return digits + `\` + escapeInline(s[len(digits):])
	}
	if s != "" && strings.ContainsRune("-+#>=_|", rune(s[0])) {
		return `\` + escapeInline(s)
	}
	return escapeInline(s)
}

// escapeInline keeps characters that Markdown would read as markup literal: emphasis and code
// markers, strikethrough tildes (2018~2020年), backslashes, raw HTML and entity references.
func escapeInline(s string) string {
	linkish := strings.Contains(s, "](") || strings.Contains(s, "]:")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '~':
			b.WriteByte('\\')
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				b.WriteByte('\\')
			}
		case '&':
			if reEntity.MatchString(s[i:min(len(s), i+40)]) {
				b.WriteByte('\\')
			}
		case '[':
			if linkish {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// writeTable writes a GFM table; the first row is the header.
func writeTable(out *bytes.Buffer, t *table) {
	if len(t.rows) == 0 {
		return
	}
	header := t.rows[0]
	unitCol := make([]bool, len(header))
	for i, c := range header {
		unitCol[i] = isUnitHeader(cellText(c, false))
	}
	writeRow := func(row []cell, isHeader bool) {
		out.WriteByte('|')
		for i, c := range row {
			out.WriteByte(' ')
			out.WriteString(escapeCell(cellText(c, !isHeader && unitCol[i])))
			out.WriteString(" |")
		}
		out.WriteByte('\n')
	}
	writeRow(header, true)
	out.WriteByte('|')
	for range header {
		out.WriteString("---|")
	}
	out.WriteByte('\n')
	for _, row := range t.rows[1:] {
		writeRow(row[:len(header)], false)
	}
}

func escapeCell(s string) string {
	return strings.ReplaceAll(escapeInline(s), "|", `\|`)
}
