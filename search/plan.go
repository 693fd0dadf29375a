package search

import (
	"strings"

	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/collect"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/query"
)

// RelaxBelow: the relaxed pass runs only when the exact query found fewer
// documents than this (SPEC14 §4).
const RelaxBelow = collect.RelaxBelow

// planOf compiles each group, article and excluded term of pq alone, with
// the filters and dates (SPEC14 §3): a record's score for a group is the
// score of the query of that group alone.
func planOf(pq query.Query, filters map[string][]string, dates bquery.Query) *collect.Plan {
	p := &collect.Plan{
		Forms:  pq.Forms(),
		Browse: query.Compile(query.Query{}, filters, dates),
	}
	for _, g := range pq.Groups {
		gp := collect.GroupPlan{Exact: query.Compile(query.Query{Groups: []query.Group{g}}, filters, dates)}
		for _, t := range g.Terms {
			if !t.Bag {
				continue
			}
			alone := t
			alone.Bag = false
			bp := collect.BagPlan{Alone: query.Compile(query.Query{Groups: []query.Group{{Terms: []query.Term{alone}}}}, filters, dates)}
			for _, b := range bagBigrams(t.Text) {
				bp.Bigrams = append(bp.Bigrams, query.Compile(query.Query{Groups: []query.Group{{Terms: []query.Term{bigramTerm(b)}}}}, filters, dates))
				p.Forms = append(p.Forms, b)
			}
			for _, slots := range nearSlots(t.Text) {
				bp.Near = append(bp.Near, query.TitlePhraseQuery(slots, filters, dates))
			}
			gp.Bags = append(gp.Bags, bp)
		}
		p.Groups = append(p.Groups, gp)
	}
	p.Titles = titlesQuery(titleKeys(pq))
	for _, a := range pq.Articles {
		p.Articles = append(p.Articles, collect.ArticlePlan{
			Query:  query.Compile(query.Query{Articles: []query.Article{a}}, filters, dates),
			Anchor: a.Anchor,
		})
	}
	for _, t := range pq.Excluded {
		p.Excluded = append(p.Excluded, query.Compile(query.Query{Groups: []query.Group{{Terms: []query.Term{t}}}}, nil, nil))
	}
	return p
}

// bagBigrams are the distinct bigrams of a Bag term's text, in order of
// first occurrence (SPEC14 §4: B).
func bagBigrams(text string) []string {
	rs := []rune(text)
	var out []string
	seen := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		b := string(rs[i : i+2])
		if !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	return out
}

// bigramTerm is the plain term of one bigram: no synonyms, no 文号 key.
func bigramTerm(b string) query.Term {
	return query.Term{Text: b, Alternatives: []string{analysis.Canonical(b)}}
}

// bagTexts are the texts of the Bag terms of the relaxed query, in group
// order, as the plan lists them.
func bagTexts(_ *collect.Plan, pq query.Query) []string {
	rq, ok := pq.Relaxed()
	if !ok {
		return nil
	}
	var out []string
	for _, g := range rq.Groups {
		for _, t := range g.Terms {
			if t.Bag {
				out = append(out, t.Text)
			}
		}
	}
	return out
}

// SuggestFrom is how many relaxed documents' titles, in order, the
// suggestion reads.
const SuggestFrom = collect.SuggestFrom

// FacetSize is how many values each facet lists: the most frequent, ties
// by value.
const FacetSize = collect.FacetSize

// titleKeys are the distinct analysis.TitleKey forms of the alternatives of
// every positive term (synonyms included: 民诉法 names 民事诉讼法), in query
// order: the names a document's whole title may be.
func titleKeys(pq query.Query) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range pq.Groups {
		for _, t := range g.Terms {
			for _, alt := range t.Alternatives {
				if k := analysis.TitleKey(alt); k != "" && !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// titlesQuery matches the records whose title_key is one of keys; nil
// when there are none.
func titlesQuery(keys []string) bquery.Query {
	var qs []bquery.Query
	for _, k := range keys {
		q := bquery.NewTermQuery(k)
		q.SetField(mapping.FieldTitleKey)
		qs = append(qs, q)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bquery.NewDisjunctionQuery(qs)
}

// NearMin is the shortest relaxed term whose one-wrong-character variants
// are looked for in titles.
const NearMin = 4

// nearSlots are the phrase slots of text (a Han run) with each character
// in turn unknown, in order: its bigrams, "" for the two that hold the
// unknown one (but the run-end marker of the last character when the
// unknown one is next to last: 安全生厂法 → [安全 全生 "" 法|]), gaps at either
// end dropped; only variants keeping at least two slots, once each. 劳动和同法
// gives [动和 和同 同法] … [劳动 "" "" 同法] …:
// the last finds 劳动合同法 in a title, where the bigram bag (which needs
// ceil(2|B|/3) = 3 of 4) fails, as it does for every middle character of a
// 5- or 6-character name. search.js nearSlots is its twin.
func nearSlots(text string) [][][]string {
	rs := []rune(text)
	if len(rs) < NearMin {
		return nil
	}
	var out [][][]string
	seen := map[string]bool{}
	for i := range rs {
		var slots []string
		for j := 0; j+1 < len(rs); j++ {
			switch {
			case j == i && j+2 == len(rs):
				// the last bigram lost its first character: its last one
				// still ends the name, and a name that ends a title's run
				// (…安全生产法) holds the run-end marker there
				slots = append(slots, string(analysis.TailTerm([]byte(analysis.Canonical(string(rs[j+1]))))))
			case j == i || j+1 == i:
				slots = append(slots, "")
			default:
				slots = append(slots, analysis.Canonical(string(rs[j:j+2])))
			}
		}
		for len(slots) > 0 && slots[0] == "" {
			slots = slots[1:]
		}
		for len(slots) > 0 && slots[len(slots)-1] == "" {
			slots = slots[:len(slots)-1]
		}
		known := 0
		for _, s := range slots {
			if s != "" {
				known++
			}
		}
		key := strings.Join(slots, "|")
		if known < 2 || seen[key] {
			continue
		}
		seen[key] = true
		var ss [][]string
		for _, s := range slots {
			ss = append(ss, []string{s})
		}
		out = append(out, ss)
	}
	return out
}
