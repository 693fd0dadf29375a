package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// textField is a field searched by query terms, with its weight.
type textField struct {
	name  string
	boost float64
}

// textFields: a match in the title counts most, then the 文号, the section
// heading, the body.
var textFields = []textField{
	{fieldTitle, 4},
	{fieldDocNumber, 3},
	{fieldSection, 2},
	{fieldBody, 1},
}

const docKeyBoost = 6

// phraseUnits analyses a query term up to the bigram step.
func phraseUnits(s string) (analysis.TokenStream, []unit) {
	toks := baseTokens([]byte(s))
	return toks, splitUnits(toks)
}

// hasSearchable reports whether s has any token to search for.
func hasSearchable(s string) bool {
	return len(baseTokens([]byte(s))) > 0
}

// phraseSlots turns a term's units into the terms expected at consecutive
// positions of the index (see bigrams): bigrams for Han runs, "" for the
// gap between two Han runs, and for a lone Han character at the start or end
// of the phrase also its run-edge marker, because in the text it may end or
// start a longer run. single is set when the whole term is one Han
// character, which only the chars field can answer.
func phraseSlots(toks analysis.TokenStream, units []unit) (slots [][]string, single string) {
	if len(units) == 1 && units[0].han && units[0].to-units[0].from == 1 {
		return nil, string(toks[units[0].from].Term)
	}
	prevHan := false
	for i, u := range units {
		if !u.han {
			slots = append(slots, []string{string(toks[u.from].Term)})
			prevHan = false
			continue
		}
		if prevHan {
			slots = append(slots, []string{""})
		}
		prevHan = true
		t := toks[u.from:u.to]
		if len(t) == 1 {
			c := t[0].Term
			alts := []string{string(c)}
			if i == 0 {
				alts = append(alts, string(tailTerm(c)))
			}
			if i == len(units)-1 {
				alts = append(alts, string(headTerm(c)))
			}
			slots = append(slots, alts)
			continue
		}
		for j := 0; j+1 < len(t); j++ {
			slots = append(slots, []string{string(t[j].Term) + string(t[j+1].Term)})
		}
	}
	return slots, ""
}

// termQuery matches one Term in any text field, in any of its alternative
// forms, or by its 文号 key.
func termQuery(t Term) query.Query {
	var qs []query.Query
	for _, alt := range t.Alternatives {
		qs = append(qs, altQuery(alt)...)
	}
	if t.DocKey != "" {
		q := query.NewTermQuery(t.DocKey)
		q.SetField(fieldDocKey)
		q.SetBoost(docKeyBoost)
		qs = append(qs, q)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

func altQuery(alt string) []query.Query {
	toks, units := phraseUnits(alt)
	if len(units) == 0 {
		return nil
	}
	slots, single := phraseSlots(toks, units)
	if single != "" {
		q := query.NewTermQuery(single)
		q.SetField(fieldChars)
		return []query.Query{q}
	}
	var qs []query.Query
	for _, f := range textFields {
		if len(slots) == 1 && len(slots[0]) == 1 {
			q := query.NewTermQuery(slots[0][0])
			q.SetField(f.name)
			q.SetBoost(f.boost)
			qs = append(qs, q)
			continue
		}
		qs = append(qs, newPhraseQuery(slots, f.name, f.boost))
	}
	return qs
}

// compileQuery builds the bleve query for a parsed query, the filters and
// the date range. Filters and dates narrow the hits without scoring.
func compileQuery(pq Query, filters map[string][]string, dates query.Query) query.Query {
	var must []query.Query
	for _, g := range pq.Groups {
		if len(g.Terms) == 1 {
			must = append(must, termQuery(g.Terms[0]))
			continue
		}
		var any []query.Query
		for _, t := range g.Terms {
			any = append(any, termQuery(t))
		}
		must = append(must, query.NewDisjunctionQuery(any))
	}
	var narrow []query.Query
	for _, name := range filterNames {
		var any []query.Query
		for _, v := range filters[name] {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			q := query.NewTermQuery(v)
			q.SetField(name)
			any = append(any, q)
		}
		switch len(any) {
		case 0:
		case 1:
			narrow = append(narrow, any[0])
		default:
			narrow = append(narrow, query.NewDisjunctionQuery(any))
		}
	}
	if dates != nil {
		narrow = append(narrow, dates)
	}
	var not []query.Query
	for _, t := range pq.Excluded {
		not = append(not, termQuery(t))
	}
	if len(must) == 0 && len(narrow) == 0 && len(not) == 0 {
		return query.NewMatchAllQuery()
	}
	var b *query.BooleanQuery
	if len(must) > 0 {
		b = query.NewBooleanQuery(must, nil, not)
	} else {
		b = query.NewBooleanQuery(nil, nil, not)
	}
	switch len(narrow) {
	case 0:
	case 1:
		b.AddFilter(narrow[0])
	default:
		b.AddFilter(query.NewConjunctionQuery(narrow))
	}
	return b
}
