package markdown

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// escapedHTML renders raw HTML as visible, escaped text, so that a staff member sees what they
// wrote instead of it silently vanishing. HTML comments are notes to the editor and are dropped.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindRawHTML, renderRawHTML)
}

func renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering {
		return ast.WalkContinue, nil
	}
	var buf bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		buf.Write(seg.Value(src))
	}
	if n.HasClosure() {
		buf.Write(n.ClosureLine.Value(src))
	}
	text := bytes.TrimSpace(buf.Bytes())
	if isComment(text) {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<p>")
	_, _ = w.WriteString(html.EscapeString(string(text)))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var buf bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		buf.Write(seg.Value(src))
	}
	if !isComment(bytes.TrimSpace(buf.Bytes())) {
		_, _ = w.WriteString(html.EscapeString(buf.String()))
	}
	return ast.WalkSkipChildren, nil
}

func isComment(b []byte) bool {
	return bytes.HasPrefix(b, []byte("<!--")) && bytes.HasSuffix(b, []byte("-->"))
}
