package query

import (
	"strings"

	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/searcher"
)

// textField is a field searched by query terms, with its weight.
type textField struct {
	name  string
	boost float64
}

// textFields: a match in the title counts most, then the 文号, the section
// heading, the body.
var textFields = []textField{
	{mapping.FieldTitle, 4},
	{mapping.FieldDocNumber, 3},
	{mapping.FieldSection, 2},
	{mapping.FieldBody, 1},
}

const docKeyBoost = 6

// articleBoost: naming an article (村民委员会组织法 第十一条) asks for that unit
// above anything that merely mentions its words.
const articleBoost = 8

// ArticleQuery matches the records that hold the unit a names: its
// anchor is the record's own or one of its parts'.
func ArticleQuery(a Article) bquery.Query {
	q := bquery.NewTermQuery(a.Anchor)
	q.SetField(mapping.FieldAnchors)
	q.SetBoost(articleBoost)
	return q
}

// termQuery matches one Term in any text field, in any of its alternative
// forms, or by its 文号 key.
func termQuery(t Term) bquery.Query {
	var qs []bquery.Query
	for _, alt := range t.Alternatives {
		qs = append(qs, altQuery(alt)...)
	}
	if t.DocKey != "" {
		q := bquery.NewTermQuery(t.DocKey)
		q.SetField(mapping.FieldDocKey)
		q.SetBoost(docKeyBoost)
		qs = append(qs, q)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bquery.NewDisjunctionQuery(qs)
}

func altQuery(alt string) []bquery.Query {
	slots, single := analysis.PhraseSlots(alt)
	if len(slots) == 0 && single == "" {
		return nil
	}
	if single != "" {
		q := bquery.NewTermQuery(single)
		q.SetField(mapping.FieldChars)
		return []bquery.Query{q}
	}
	var qs []bquery.Query
	for _, f := range textFields {
		if len(slots) == 1 && len(slots[0]) == 1 {
			q := bquery.NewTermQuery(slots[0][0])
			q.SetField(f.name)
			q.SetBoost(f.boost)
			qs = append(qs, q)
			continue
		}
		qs = append(qs, searcher.NewPhraseQuery(slots, f.name, f.boost))
	}
	return qs
}

// Compile builds the bleve query for a parsed query, the filters and
// the date range. Filters and dates narrow the hits without scoring.
// Articles are required only in a query without groups (第十一条 alone):
// beside groups they are optional, and search scores each one on its own
// (ArticleQuery), so Compile leaves them out.
func Compile(pq Query, filters map[string][]string, dates bquery.Query) bquery.Query {
	var must []bquery.Query
	if len(pq.Groups) == 0 {
		for _, a := range pq.Articles {
			must = append(must, ArticleQuery(a))
		}
	}
	for _, g := range pq.Groups {
		if len(g.Terms) == 1 {
			must = append(must, termQuery(g.Terms[0]))
			continue
		}
		var any []bquery.Query
		for _, t := range g.Terms {
			any = append(any, termQuery(t))
		}
		must = append(must, bquery.NewDisjunctionQuery(any))
	}
	var not []bquery.Query
	for _, t := range pq.Excluded {
		not = append(not, termQuery(t))
	}
	return withFilters(must, not, filters, dates)
}

// TitlePhraseQuery is one near-title variant of a relaxed term (SPEC14-notes
// 2026-12-08): the bigram slots of a name with one character unknown, ""
// where a bigram holds it, as a phrase in the title field (title weight),
// with the filters and dates; a clause scored alone, like a group.
func TitlePhraseQuery(slots [][]string, filters map[string][]string, dates bquery.Query) bquery.Query {
	return withFilters([]bquery.Query{searcher.NewPhraseQuery(slots, mapping.FieldTitle, textFields[0].boost)}, nil, filters, dates)
}

// withFilters is the query of must and not, narrowed by the filters and the
// date range without scoring.
func withFilters(must, not []bquery.Query, filters map[string][]string, dates bquery.Query) bquery.Query {
	var narrow []bquery.Query
	for _, name := range mapping.Filters {
		var any []bquery.Query
		for _, v := range filters[name] {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			q := bquery.NewTermQuery(v)
			q.SetField(name)
			any = append(any, q)
		}
		switch len(any) {
		case 0:
		case 1:
			narrow = append(narrow, any[0])
		default:
			narrow = append(narrow, bquery.NewDisjunctionQuery(any))
		}
	}
	if dates != nil {
		narrow = append(narrow, dates)
	}
	if len(must) == 0 && len(narrow) == 0 && len(not) == 0 {
		return bquery.NewMatchAllQuery()
	}
	var b *bquery.BooleanQuery
	if len(must) > 0 {
		b = bquery.NewBooleanQuery(must, nil, not)
	} else {
		b = bquery.NewBooleanQuery(nil, nil, not)
	}
	switch len(narrow) {
	case 0:
	case 1:
		b.AddFilter(narrow[0])
	default:
		b.AddFilter(bquery.NewConjunctionQuery(narrow))
	}
	return b
}
