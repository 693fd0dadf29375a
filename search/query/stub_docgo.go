package query

import (
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// STUB until branch qparse lands (SPEC14 §1–2): deleted by the merge.

// Article is a reference to a numbered unit typed in the query.
type Article struct {
	Text   string
	Anchor string
}

// ArticleQuery matches the records holding the unit a names.
func ArticleQuery(a Article) bquery.Query {
	q := bquery.NewTermQuery(a.Anchor)
	q.SetField("anchors")
	q.SetBoost(8)
	return q
}

// Relaxed is the near-miss variant of q (stub: every unquoted Han run of
// three characters or more becomes a Bag).
func (q Query) Relaxed() (Query, bool) {
	out := Query{Excluded: q.Excluded, Articles: q.Articles}
	changed := false
	for _, g := range q.Groups {
		ng := Group{}
		for _, t := range g.Terms {
			if !t.Quoted && len([]rune(t.Text)) >= 3 {
				t.Bag, changed = true, true
			}
			ng.Terms = append(ng.Terms, t)
		}
		out.Groups = append(out.Groups, ng)
	}
	return out, changed
}
