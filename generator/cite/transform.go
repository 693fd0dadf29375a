package cite

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// NewTransformer returns a goldmark AST transformer that links the citations resolve knows a URL
// for. Citations are found across the adjacent text pieces goldmark splits a line into (it
// splits at brackets, so 中发[2017]13号 arrives in several); text inside links, autolinks, code
// and images is left alone. Aliases carry over from one paragraph to the next. A nil resolve
// links nothing.
func NewTransformer(resolve func(Citation) (url string, ok bool)) parser.ASTTransformer {
	return &transformer{resolve: resolve}
}

type transformer struct {
	resolve func(Citation) (string, bool)
}

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	if t.resolve == nil {
		return
	}
	l := linker{src: reader.Source(), finder: NewFinder(), resolve: t.resolve}
	l.container(doc)
}

type linker struct {
	src     []byte
	finder  *Finder
	resolve func(Citation) (string, bool)
}

// container visits n's children in document order, linking each run of adjacent Text nodes.
func (l *linker) container(n ast.Node) {
	var run []*ast.Text
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if t, ok := c.(*ast.Text); ok {
			run = append(run, t)
			c = next
			continue
		}
		l.link(n, run)
		run = run[:0]
		switch c.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindImage, ast.KindRawHTML,
			ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
		default:
			l.container(c)
		}
		c = next
	}
	l.link(n, run)
}

// link finds citations in a run of Text nodes of parent and wraps the resolvable ones.
func (l *linker) link(parent ast.Node, run []*ast.Text) {
	if len(run) == 0 {
		return
	}
	joined, pieces := l.join(run)
	for _, c := range l.finder.Find(joined) {
		url, ok := l.resolve(c)
		if !ok || url == "" {
			continue
		}
		start, ok1 := toSource(pieces, c.Start)
		end, ok2 := toSource(pieces, c.End-1)
		if ok1 && ok2 {
			wrap(parent, start, end+1, url)
		}
	}
}

// piece maps a stretch of the joined text back to the source.
type piece struct {
	at, source, length int
}

// join concatenates the run's text. A soft line break joins without a gap, as a Chinese reader
// reads it; a hard break becomes "\n", which no citation spans.
func (l *linker) join(run []*ast.Text) (string, []piece) {
	var b strings.Builder
	pieces := make([]piece, 0, len(run))
	for _, t := range run {
		v := t.Segment.Value(l.src)
		pieces = append(pieces, piece{at: b.Len(), source: t.Segment.Start, length: len(v)})
		b.Write(v)
		if t.HardLineBreak() {
			b.WriteByte('\n')
		}
	}
	return b.String(), pieces
}

func toSource(pieces []piece, at int) (int, bool) {
	for _, p := range pieces {
		if at >= p.at && at < p.at+p.length {
			return p.source + at - p.at, true
		}
	}
	return 0, false
}

// wrap moves the text between source offsets start and end into a new link, splitting the Text
// nodes at both ends.
func wrap(parent ast.Node, start, end int, url string) {
	first := split(parent, start)
	last := split(parent, end)
	if first == nil {
		return
	}
	link := ast.NewLink()
	link.Destination = []byte(url)
	parent.InsertBefore(parent, first, link)
	for n := ast.Node(first); n != nil && n != ast.Node(last); {
		next := n.NextSibling()
		t, ok := n.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		parent.RemoveChild(parent, n)
		link.AppendChild(link, n)
		n = next
	}
	if link.ChildCount() == 0 {
		parent.RemoveChild(parent, link)
	}
}

// split makes offset the start of a Text node among parent's children and returns that node, or
// nil when no Text node holds the offset.
func split(parent ast.Node, offset int) *ast.Text {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || offset < t.Segment.Start || offset >= t.Segment.Stop {
			continue
		}
		if offset == t.Segment.Start {
			return t
		}
		right := ast.NewTextSegment(t.Segment.WithStart(offset))
		right.Segment.Padding = 0
		right.SetRaw(t.IsRaw())
		right.SetSoftLineBreak(t.SoftLineBreak())
		right.SetHardLineBreak(t.HardLineBreak())
		t.Segment = t.Segment.WithStop(offset)
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
		parent.InsertAfter(parent, t, right)
		return right
	}
	return nil
}
