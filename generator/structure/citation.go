package structure

import "strings"

// CitationText is how a reader cites a unit: 《title》（文号）第三条, 《title》一、（二）,
// 《title》附件1第五条, or in a law 第三条第（一）项. An empty title or 文号 is left out.
func CitationText(docTitle, docNumber string, u Unit, o *Outline) string {
	var b strings.Builder
	if docTitle != "" {
		b.WriteString("《" + docTitle + "》")
	}
	if docNumber != "" {
		b.WriteString("（" + docNumber + "）")
	}
	b.WriteString(o.Path(u))
	return b.String()
}

// Path is the unit's place written as a citation: "第一章第二节", "一、（二）3.", "第三条第（一）项".
// Like anchors it starts at the unit that is unique on its own (an article, a box, an annex).
func (o *Outline) Path(u Unit) string {
	chain := []Unit{u}
	if u.Kind != Heading {
		for p := u.Parent; p >= 0 && p < len(o.Units); p = o.Units[p].Parent {
			parent := o.Units[p]
			if parent.Kind == Heading {
				continue
			}
			if standsAlone(chain[0].Kind) && parent.Kind != Annex {
				continue
			}
			chain = append([]Unit{parent}, chain...)
		}
	}
	var b strings.Builder
	inArticle := false
	for _, c := range chain {
		b.WriteString(citeLabel(c, inArticle))
		if c.Kind == Article {
			inArticle = true
		}
	}
	return b.String()
}

// standsAlone: articles and boxes are cited without the chapter or section around them.
func standsAlone(k Kind) bool { return k == Article || k == Box }

func citeLabel(u Unit, inArticle bool) string {
	switch u.Kind {
	case Part, Chapter, Section, Article:
		return ordinalLabel(u)
	case Item1:
		return formatChinese(u.N) + "、"
	case Item2:
		if inArticle {
			return "第（" + formatChinese(u.N) + "）项"
		}
		return "（" + formatChinese(u.N) + "）"
	case Item3:
		if inArticle {
			return "第" + itoa(u.N) + "目"
		}
		return itoa(u.N) + "."
	case Item4:
		return "（" + itoa(u.N) + "）"
	case Annex:
		if u.N > 0 {
			return "附件" + itoa(u.N)
		}
		return "附件"
	case Box:
		if u.N > 0 {
			return "专栏" + itoa(u.N)
		}
		return "专栏“" + u.Title + "”"
	}
	return "“" + u.Title + "”"
}
