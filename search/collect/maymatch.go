package collect

import (
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/searcher"
)

// A search over many small indexes (a platform's sites, search/multi) finds most of them
// without a document for the query: MayMatch tells so from which terms an index holds,
// before any of its searchers is made, by the rules of run: every group is required (or,
// without groups, every article; without either, the filters), a group matches by its exact
// query or, in the relaxed pass, by most of a Bag term's bigrams.

// MayMatch reports whether p can find a document in an index whose fields hold only the
// terms has accepts. has may accept a term the index lacks (a Bloom filter), never the
// reverse; MayMatch is then false only when the pass would find nothing.
func (p *Plan) MayMatch(has func(field, term string) bool) bool {
	switch {
	case len(p.Groups) > 0:
		for _, g := range p.Groups {
			if !groupMayMatch(g, has) {
				return false
			}
		}
		return true
	case len(p.Articles) > 0:
		for _, a := range p.Articles {
			if !QueryMayMatch(a.Query, has) {
				return false
			}
		}
		return true
	}
	return QueryMayMatch(p.Browse, has)
}

// MayFindBag reports whether Bag term i of p (in group order) may match a record as typed
// (FindBag).
func (p *Plan) MayFindBag(i int, has func(field, term string) bool) bool {
	for _, g := range p.Groups {
		if i < len(g.Bags) {
			return QueryMayMatch(g.Bags[i].Alone, has)
		}
		i -= len(g.Bags)
	}
	return false
}

func groupMayMatch(g GroupPlan, has func(field, term string) bool) bool {
	if QueryMayMatch(g.Exact, has) {
		return true
	}
	for _, b := range g.Bags {
		n := 0
		for _, q := range b.Bigrams {
			if QueryMayMatch(q, has) {
				n++
			}
		}
		if len(b.Bigrams) > 0 && n >= bagNeed(len(b.Bigrams)) {
			return true
		}
	}
	return false
}

// QueryMayMatch reports whether q can match a record of an index holding only the terms has
// accepts. Queries it does not know may match.
func QueryMayMatch(q bquery.Query, has func(field, term string) bool) bool {
	switch q := q.(type) {
	case nil:
		return true
	case *bquery.TermQuery:
		return q.FieldVal == "" || has(q.FieldVal, q.Term)
	case *searcher.PhraseQuery:
		for _, slot := range q.Slots {
			open, any := true, false
			for _, t := range slot {
				if t != "" {
					open = false
					any = any || has(q.Field, t)
				}
			}
			if !open && !any {
				return false
			}
		}
		return true
	case *bquery.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if !QueryMayMatch(c, has) {
				return false
			}
		}
		return true
	case *bquery.DisjunctionQuery:
		n := 0
		for _, c := range q.Disjuncts {
			if QueryMayMatch(c, has) {
				n++
			}
		}
		return n > 0 && float64(n) >= q.Min
	case *bquery.BooleanQuery:
		return (q.Must == nil || QueryMayMatch(q.Must, has)) &&
			(q.Filter == nil || QueryMayMatch(q.Filter, has)) &&
			(q.Should == nil || q.Must != nil || QueryMayMatch(q.Should, has))
	}
	return true
}
