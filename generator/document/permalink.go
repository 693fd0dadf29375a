package document

import (
	"html"

	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/structure"
	"github.com/yuin/goldmark/ast"
)

// addPermalinks ends every numbered paragraph or heading of a policy document with a link to
// itself and the citation a reader copies: 《title》（文号）第三条. The citation is real text,
// shown when the unit is the link target, so it can be selected and copied without JavaScript.
func addPermalinks(p *site.Page, doc ast.Node) {
	if p.Outline == nil || len(p.Outline.Units) == 0 {
		return
	}
	docNumber := ""
	if p.Policy != nil {
		docNumber = p.Policy.DocNumber
	}
	byAnchor := make(map[string]structure.Unit, len(p.Outline.Units))
	for _, u := range p.Outline.Units {
		if u.Anchor != "" {
			byAnchor[u.Anchor] = u
		}
	}
	var targets []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || (n.Kind() != ast.KindParagraph && n.Kind() != ast.KindHeading) {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				if _, numbered := byAnchor[string(b)]; numbered {
					targets = append(targets, n)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range targets {
		id, _ := n.AttributeString("id")
		anchor := string(id.([]byte))
		u := byAnchor[anchor]
		cite := structure.CitationText(p.Title, docNumber, u, p.Outline)
		link := ` <span class="cite"><a href="#` + html.EscapeString(anchor) + `" title="` + html.EscapeString(cite) +
			`" aria-label="` + html.EscapeString(cite) + `">¶</a><span class="citetext">` + html.EscapeString(cite) + `</span></span>`
		s := ast.NewString([]byte(link))
		s.SetCode(true) // written as is: it is HTML we built and escaped ourselves
		n.AppendChild(n, s)
		if class, ok := unitClasses[u.Kind]; ok && n.Kind() == ast.KindParagraph {
			n.SetAttributeString("class", []byte(class))
		}
	}
}

// unitClasses let the theme set structural paragraphs apart: chapters centred and bold, items
// bold, as printed documents do.
var unitClasses = map[structure.Kind]string{
	structure.Part: "u-part", structure.Chapter: "u-chapter", structure.Section: "u-section",
	structure.Article: "u-article", structure.Item1: "u-item1", structure.Item2: "u-item2",
	structure.Annex: "u-annex", structure.Box: "u-box",
}
