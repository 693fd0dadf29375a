package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// safeAttributes drops every attribute a page wrote with the {…} syntax except id and class:
// `## 标题 {style="position:fixed;inset:0"}` would cover the whole page with one heading, and
// onclick or data-* reach scripts. It runs before every other transformer (priority -1000), so
// the attributes the generator itself adds later (anchors, row ids, classes) are untouched.
//
// The choice for class: any name of ASCII letters, digits, - and _ starting with a letter, at
// most 40 characters and 8 names, except the theme's page-chrome classes that move or hide text
// (skip, sr, noprint, printurl). Class names carry no CSS of their own; only the theme's rules
// apply, and a site that adds its own theme chooses them. Ids are kept: goldmark escapes values.
type safeAttributes struct{}

var (
	classRe     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,39}$`)
	chromeClass = map[string]bool{"skip": true, "sr": true, "noprint": true, "printurl": true}
	maxClasses  = 8
)

func (safeAttributes) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Attributes() == nil {
			return ast.WalkContinue, nil
		}
		var id, class []byte
		for _, a := range n.Attributes() {
			v, _ := a.Value.([]byte)
			switch string(a.Name) {
			case "id":
				id = v
			case "class":
				class = safeClasses(v)
			}
		}
		n.RemoveAttributes()
		if id != nil {
			n.SetAttributeString("id", id)
		}
		if len(class) > 0 {
			n.SetAttributeString("class", class)
		}
		return ast.WalkContinue, nil
	})
}

func safeClasses(v []byte) []byte {
	var keep []string
	for _, c := range strings.Fields(string(v)) {
		if classRe.MatchString(c) && !chromeClass[c] && len(keep) < maxClasses {
			keep = append(keep, c)
		}
	}
	return []byte(strings.Join(keep, " "))
}
