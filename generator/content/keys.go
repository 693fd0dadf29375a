package content

import (
	"fmt"

	"github.com/gongkai/gongkai/generator/frontmatter"
)

// typed are the page types whose front matter is a schema: a key they do not read is a clerk's
// misspelling (doc_numbr, publised) whose value would silently vanish from the page.
var typed = map[string]bool{"policy": true, "consultation": true, "disclosure": true}

// checkKeys reports every front matter key a typed page does not read, with the closest key it
// does. Plain pages and sections keep their own keys as params for templates.
func checkKeys(p *Page, taxonomyKeys []string) []error {
	if p.Kind != KindPage || !typed[p.Type] {
		return nil
	}
	var errs []error
	for _, u := range frontmatter.Unknown(p.Meta, p.Type, taxonomyKeys...) {
		msg := fmt.Sprintf("%s:%d: %s 页面没有键 %s", p.SrcPath, p.Line(u.Line), p.Type, u.Key)
		if u.Suggest != "" {
			msg += fmt.Sprintf("：是 %s 吗？", u.Suggest)
		} else {
			msg += "：删去它，或改为 docs/content.md 中列出的键"
		}
		errs = append(errs, fmt.Errorf("%s", msg))
	}
	return errs
}
