// Package markdown sets up goldmark the way Chinese policy texts need it: GFM tables, footnotes,
// attributes, CJK line breaking (no space between two Chinese lines), Unicode heading ids, and raw
// HTML escaped unless the site opts in.
package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Options configures a Markdown converter.
type Options struct {
	// UnsafeHTML passes raw HTML through; otherwise it is shown escaped.
	UnsafeHTML bool
	// Transformers run after parsing, in priority order (lower runs first... see goldmark).
	Transformers []util.PrioritizedValue
}

// New returns a goldmark converter. It is safe for concurrent use.
func New(opts Options) goldmark.Markdown {
	rendererOpts := []renderer.Option{html.WithXHTML(), renderer.WithNodeRenderers(util.Prioritized(scrollTables{}, 100))}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	} else {
		rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)))
	}
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft), extension.WithEscapedSpace()),
		),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(append(append([]util.PrioritizedValue{util.Prioritized(safeAttributes{}, -1000)}, opts.Transformers...), util.Prioritized(cellClasses{}, 1000))...),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
}

// NewContext returns a parser context whose heading ids keep Unicode letters.
func NewContext() parser.Context {
	return parser.NewContext(parser.WithIDs(NewIDs()))
}
