package markdown

import (
	"bytes"

	"github.com/gongkai/gongkai/generator/structure"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

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
				cells = append(cells, structure.PlainText(c, src))
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
	return bytes.Count(src[:off], []byte{'\n'}) + 1
}
