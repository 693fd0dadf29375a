package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// PlainText returns the text of n and its descendants as a reader sees it: no markup, soft line
// breaks joined without a space between two CJK characters.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeText(&b, n, src)
	return strings.TrimSpace(b.String())
}

func writeText(b *strings.Builder, n ast.Node, src []byte) {
	switch t := n.(type) {
	case *ast.Text:
		b.Write(t.Segment.Value(src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			b.WriteByte('\n')
		}
		return
	case *ast.String:
		b.Write(t.Value)
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
		if c.Type() == ast.TypeBlock && c.NextSibling() != nil {
			b.WriteByte('\n')
		}
	}
}

// JoinLines joins text lines, putting a space between them only where neither side is CJK.
func JoinLines(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !isWide(last) && !isWide(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
		_ = i
	}
	return b.String()
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// Table is a GFM table as text, with the node so a caller can decorate it.
type Table struct {
	Node   *east.Table
	Header []string
	Rows   [][]string
	Line   int // line of the header row within the Markdown body (1-based), 0 if unknown
}

// Tables returns every GFM table of the document in order.
func Tables(doc ast.Node, src []byte) []Table {
	var out []Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		t, ok := n.(*east.Table)
		if !ok {
			return ast.WalkContinue, nil
		}
		tbl := Table{Node: t, Line: lineOf(t, src)}
		for row := t.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, JoinLines(PlainText(c, src)))
			}
			if _, isHeader := row.(*east.TableHeader); isHeader {
				tbl.Header = cells
			} else {
				tbl.Rows = append(tbl.Rows, cells)
			}
		}
		out = append(out, tbl)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// lineOf finds the 1-based line in src where a block starts, from its first text segment.
func lineOf(n ast.Node, src []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			off = c.Lines().At(0).Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return LineAt(src, off)
}

// LineAt returns the 1-based line number of byte offset off in src (0 if off < 0).
func LineAt(src []byte, off int) int {
	if off < 0 {
		return 0
	}
	if off > len(src) {
		off = len(src)
	}
	return strings.Count(string(src[:off]), "\n") + 1
}
