package structure

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	textm "github.com/yuin/goldmark/text"
)

// splitNumberedLines splits paragraphs at lines that start with numbering. Text pasted from
// Word often has one paragraph per line with no blank line between, which Markdown joins into
// one paragraph; "一、总体要求\n（一）指导思想" must still give two units.
func splitNumberedLines(doc ast.Node, src []byte) {
	var paragraphs []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			paragraphs = append(paragraphs, n)
			return ast.WalkSkipChildren, nil
		case *east.Table, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *east.FootnoteList:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paragraphs {
		splitParagraph(p, src)
	}
}

func splitParagraph(p *ast.Paragraph, src []byte) {
	starts := lineStarts(p)
	current := p
	for i, start := range starts {
		var end ast.Node
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if _, ok := Classify(lineText(start, end, src)); !ok {
			continue
		}
		pos, ok := firstTextStart(start)
		if !ok {
			continue
		}
		if prev, ok := start.PreviousSibling().(*ast.Text); ok {
			prev.SetSoftLineBreak(false)
			prev.SetHardLineBreak(false)
		}
		next := ast.NewParagraph()
		for n := ast.Node(start); n != nil; {
			following := n.NextSibling()
			current.RemoveChild(current, n)
			next.AppendChild(next, n)
			n = following
		}
		moveLines(current, next, pos)
		current.Parent().InsertAfter(current.Parent(), current, next)
		current = next
	}
}

// lineStarts returns the first inline node of every line after the first; a line ends with a
// Text node carrying a soft or hard line break.
func lineStarts(p ast.Node) []ast.Node {
	var starts []ast.Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if ok && (t.SoftLineBreak() || t.HardLineBreak()) && c.NextSibling() != nil {
			starts = append(starts, c.NextSibling())
		}
	}
	return starts
}

func lineText(start, end ast.Node, src []byte) string {
	var w plainWriter
	for n := start; n != nil && n != end; n = n.NextSibling() {
		w.node(n, src)
		if t, ok := n.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			break
		}
	}
	return w.b.String()
}

// firstTextStart is the source offset where a line's text begins.
func firstTextStart(n ast.Node) (int, bool) {
	pos, found := 0, false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); entering && ok {
			pos, found = t.Segment.Start, true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return pos, found
}

// moveLines gives the source lines from pos on to the new paragraph, so anything reading
// Lines() sees the same split as the inline nodes.
func moveLines(from, to ast.Node, pos int) {
	lines := from.Lines()
	kept, moved := textm.NewSegments(), textm.NewSegments()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Stop <= pos {
			kept.Append(seg)
		} else {
			moved.Append(seg)
		}
	}
	from.SetLines(kept)
	to.SetLines(moved)
}
