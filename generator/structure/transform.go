package structure

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var outlineKey = parser.NewContextKey()

// NewTransformer returns a goldmark AST transformer that finds the numbering in paragraphs and
// headings, gives numbered blocks their anchor as id (so <p id="第三条"> is rendered), and stores
// the outline in the parser context for OutlineFrom. A paragraph whose later lines start with
// numbering (single newlines in pasted text) is split so each numbered line gets its own anchor.
func NewTransformer() parser.ASTTransformer { return transformer{} }

// OutlineFrom returns the outline the transformer stored while parsing, or nil when it did not run.
func OutlineFrom(pc parser.Context) *Outline {
	if pc == nil {
		return nil
	}
	o, _ := pc.Get(outlineKey).(*Outline)
	return o
}

type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	splitNumberedLines(doc, src)
	w := &outlineWalker{b: NewBuilder(), src: src, pc: pc}
	w.reserveHeadingIDs(doc)
	w.block(doc)
	pc.Set(outlineKey, w.b.Outline())
}

type outlineWalker struct {
	b   *Builder
	src []byte
	pc  parser.Context
}

// reserveHeadingIDs keeps the ids of headings without numbering out of the anchors, so an anchor
// never repeats an id the page already has.
func (w *outlineWalker) reserveHeadingIDs(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if _, numbered := Classify(PlainText(h, w.src)); !numbered {
			if id, ok := attributeString(h, "id"); ok {
				w.b.Reserve(id)
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

func (w *outlineWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.heading(n)
		return
	case *ast.Paragraph:
		w.paragraph(n)
		return
	case *ast.TextBlock:
		w.b.Text(PlainText(n, w.src))
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak, *east.FootnoteList:
		return
	case *east.Table:
		w.b.Text(tableText(n, w.src))
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			w.block(c)
		}
	}
}

func (w *outlineWalker) paragraph(p *ast.Paragraph) {
	text := PlainText(p, w.src)
	n, ok := Classify(text)
	if !ok {
		w.b.Text(text)
		return
	}
	w.setID(p, w.b.Numbered(n, text, 0))
}

func (w *outlineWalker) heading(h *ast.Heading) {
	text := PlainText(h, w.src)
	if n, ok := Classify(text); ok {
		w.setID(h, w.b.Numbered(n, text, h.Level))
		return
	}
	id, _ := attributeString(h, "id")
	if anchor := w.b.Heading(h.Level, id, text); anchor != id {
		w.setID(h, anchor)
	}
}

func (w *outlineWalker) setID(n ast.Node, anchor string) {
	n.SetAttributeString("id", []byte(anchor))
	if w.pc != nil && w.pc.IDs() != nil {
		w.pc.IDs().Put([]byte(anchor))
	}
}

func attributeString(n ast.Node, name string) (string, bool) {
	v, ok := n.AttributeString(name)
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return string(v), len(v) > 0
	case string:
		return v, v != ""
	}
	return "", false
}

// tableText writes a table one row per line, cells separated by a space.
func tableText(t *east.Table, src []byte) string {
	var rows []string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if s := PlainText(c, src); s != "" {
				cells = append(cells, s)
			}
		}
		if len(cells) > 0 {
			rows = append(rows, strings.Join(cells, " "))
		}
	}
	return strings.Join(rows, "\n")
}
