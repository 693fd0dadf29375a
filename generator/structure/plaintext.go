package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// PlainText is the text of a node as a reader sees it: no markup, escapes and entities resolved,
// a soft line break dropped between two CJK characters and a space elsewhere, a hard line break
// kept as "\n".
func PlainText(n ast.Node, src []byte) string {
	var w plainWriter
	w.node(n, src)
	return strings.TrimFunc(w.b.String(), isBlank)
}

type plainWriter struct {
	b         strings.Builder
	softBreak bool // a soft line break waits for the next text to decide between "" and " "
}

func (w *plainWriter) node(n ast.Node, src []byte) {
	switch t := n.(type) {
	case *ast.Text:
		v := t.Segment.Value(src)
		if !t.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		w.write(string(v))
		switch {
		case t.HardLineBreak():
			w.write("\n")
		case t.SoftLineBreak():
			w.softBreak = true
		}
		return
	case *ast.String:
		w.write(string(t.Value))
		return
	case *ast.AutoLink:
		w.write(string(t.Label(src)))
		return
	case *ast.RawHTML:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c, src)
		// Blocks and table cells end with a break, so that a phrase never runs from one
		// paragraph or cell into the next.
		if c.NextSibling() != nil && (c.Type() == ast.TypeBlock || c.Kind() == east.KindTableCell) {
			w.softBreak = false
			if c.Kind() == east.KindTableCell {
				w.b.WriteByte('\t')
			} else {
				w.b.WriteByte('\n')
			}
		}
	}
}

func (w *plainWriter) write(s string) {
	if s == "" {
		return
	}
	if w.softBreak {
		w.softBreak = false
		last, _ := utf8.DecodeLastRuneInString(w.b.String())
		first, _ := utf8.DecodeRuneInString(s)
		if w.b.Len() > 0 && !(isWide(last) && isWide(first)) {
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(s)
}

// isWide: Han characters and CJK or full-width punctuation, which are written without spaces.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
