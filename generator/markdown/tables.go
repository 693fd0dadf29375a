package markdown

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/structure"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NoWrapClass marks a table cell whose text must stay on one line: an amount split as
// "1,16 / 0.00" or a name as 张 / 三 on a 360 px phone is misread. The theme gives it
// white-space:nowrap; the table then scrolls sideways instead of squeezing the cell.
const NoWrapClass = "nw"

// cellClasses marks the cells of every GFM table whose text is a number, an amount, a
// percentage, a date, a 文号, an ID or phone number, or a short name.
type cellClasses struct{}

func (cellClasses) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != east.KindTableCell {
			return ast.WalkContinue, nil
		}
		if KeepOnOneLine(structure.PlainText(n, src)) {
			n.SetAttributeString("class", []byte(NoWrapClass))
		}
		return ast.WalkSkipChildren, nil
	})
}

var (
	reNumber = regexp.MustCompile(`^[-+−]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:%|％|‰|元|万元|亿元|人|户|个|项|次|亩|平方米|㎡|米|公里|岁)?$`)
	reDate   = regexp.MustCompile(`^[0-9]{4}(?:[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?|年[0-9]{1,2}月(?:[0-9]{1,2}日)?|年)$`)
	// IDs, masked IDs, phone and card numbers: digits with *, x, - or spaces, at least 7 long.
	reCode      = regexp.MustCompile(`^[0-9０-９*＊xX×\- ]{7,}$`)
	reDocNumber = regexp.MustCompile(`^\p{Han}{1,12}[〔\[【（(［][0-9]{4}[〕\]】）)］]第?[0-9]{1,5}号$`)
)

// KeepOnOneLine reports whether a cell's text is one unit a reader takes in at a glance.
func KeepOnOneLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if reNumber.MatchString(s) || reDate.MatchString(s) || reCode.MatchString(s) || reDocNumber.MatchString(s) {
		return true
	}
	// A name (张三, 市民政局, 合计): a few Han characters without punctuation.
	if n := utf8.RuneCountInString(s); n <= 6 {
		for _, r := range s {
			if !unicode.Is(unicode.Han, r) && r != '·' {
				return false
			}
		}
		return true
	}
	return false
}

// scrollTables writes every table inside <div class="scroll" tabindex="0">, so that a table wider than a
// phone scrolls sideways on its own instead of widening the page, without JavaScript. tabindex
// lets keyboard users scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable).
type scrollTables struct{}

func (scrollTables) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	var table renderer.NodeRendererFunc
	extension.NewTableHTMLRenderer().RegisterFuncs(funcCatcher(func(k ast.NodeKind, f renderer.NodeRendererFunc) {
		if k == east.KindTable {
			table = f
		}
	}))
	reg.Register(east.KindTable, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="scroll" tabindex="0">`)
		}
		status, err := table(w, source, n, entering)
		if !entering {
			_, _ = w.WriteString("</div>\n")
		}
		return status, err
	})
}

// funcCatcher collects the functions a node renderer registers.
type funcCatcher func(ast.NodeKind, renderer.NodeRendererFunc)

func (f funcCatcher) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f(k, fn) }
