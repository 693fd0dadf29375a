package search

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/collect"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/searcher"
)

// The document collector (collect/match.go, documents.go), the columns
// (columns.go, pages.go) and the phrase searcher (phrase.go, positions.go)
// replace bleve's top-N collector, facet builders and phrase searcher.
// These tests run the same queries both ways on indexes built to collide:
// few distinct characters, punctuation and digits between them, ties,
// dates, many facet values, several shards and segments, deleted records.
// bleve's own path gives each group's records and scores (s_g); the rules
// of SPEC14 §3, written out plainly over them (bleveDocuments), must give
// the collector's documents: totals, order, scores to the bit, parts,
// snippets and the type facet. So the per-group record scores the
// collector reads (also through Advance, when a group is read only in
// the documents the previous ones left) are bleve's.

// blevePhrases turns the phrase queries of a compiled query back into
// bleve's MultiPhraseQuery, for the reference search.
func blevePhrases(q bquery.Query) bquery.Query {
	switch q := q.(type) {
	case *searcher.PhraseQuery:
		mq := bquery.NewMultiPhraseQuery(q.Slots, q.Field)
		mq.SetBoost(q.Boost)
		return mq
	case *bquery.BooleanQuery:
		for _, sub := range []*bquery.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *sub != nil {
				*sub = blevePhrases(*sub)
			}
		}
	case *bquery.ConjunctionQuery:
		for i := range q.Conjuncts {
			q.Conjuncts[i] = blevePhrases(q.Conjuncts[i])
		}
	case *bquery.DisjunctionQuery:
		for i := range q.Disjuncts {
			q.Disjuncts[i] = blevePhrases(q.Disjuncts[i])
		}
	}
	return q
}

// bleveRecord is one record matched by bleve's own search path.
type bleveRecord struct {
	id, url, anchor, body, typ string
	score                      float64
	date                       int64
	dated                      bool
}

// bleveRecords runs q through bleve's alias, top-N collector and phrase
// searcher, and returns every record it matches, by ID.
func bleveRecords(t *testing.T, ix *Index, q bquery.Query) map[string]bleveRecord {
	t.Helper()
	sr := bleve.NewSearchRequestOptions(blevePhrases(q), 100000, 0, false)
	sr.Fields = []string{mapping.FieldHref, mapping.FieldBody, mapping.FieldType, mapping.FieldDate}
	out := map[string]bleveRecord{}
	err := ix.ix.Read(func(shards []bleve.Index) error {
		if len(shards) == 0 {
			return nil
		}
		res, err := bleve.NewIndexAlias(shards...).SearchInContext(context.Background(), sr)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			str := func(name string) string { v, _ := h.Fields[name].(string); return v }
			r := bleveRecord{id: h.ID, url: str(mapping.FieldHref), body: str(mapping.FieldBody), typ: str(mapping.FieldType), score: h.Score}
			if i := strings.IndexByte(r.url, '#'); i >= 0 {
				r.url, r.anchor = r.url[:i], r.url[i+1:]
			}
			if d, err := time.Parse(time.RFC3339, str(mapping.FieldDate)); err == nil {
				r.date, r.dated = d.UnixNano(), true
			}
			out[h.ID] = r
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// bleveDocuments is SPEC14 §3 written out plainly over bleve's own
// results: each group's query alone gives M_g and s_g, documents group the
// records by URL, and score, order, parts and snippets follow the rules.
// It returns the exact pass only, with the type facet.
func bleveDocuments(t *testing.T, ix *Index, req Request) *Result {
	t.Helper()
	return bleveDocumentsOf(t, ix, req, bleveRecords(t, ix, bquery.NewMatchAllQuery()))
}

// bleveDocumentsOf is bleveDocuments given every record of the index.
func bleveDocumentsOf(t *testing.T, ix *Index, req Request, every map[string]bleveRecord) *Result {
	t.Helper()
	req, pq, err := prepare(req, ix.ix.Synonyms(), MaxPageSize)
	if err != nil {
		t.Fatal(err)
	}
	var dates bquery.Query
	if !req.From.IsZero() || !req.To.IsZero() {
		dq := bquery.NewDateRangeInclusiveQuery(req.From, req.To, boolPtr(true), boolPtr(true))
		dq.SetField(mapping.FieldDate)
		dates = dq
	}
	plan := planOf(pq, req.Filters, dates)
	type doc struct {
		url     string
		rep     *bleveRecord
		recs    map[string]bleveRecord
		scores  map[string][]float64 // by record ID, per group
		matched map[string][]bool
	}
	docs := map[string]*doc{}
	get := func(r bleveRecord) *doc {
		d := docs[r.url]
		if d == nil {
			d = &doc{url: r.url, recs: map[string]bleveRecord{}, scores: map[string][]float64{}, matched: map[string][]bool{}}
			docs[r.url] = d
		}
		return d
	}
	groups := len(plan.Groups)
	for g, gp := range plan.Groups {
		for id, r := range bleveRecords(t, ix, gp.Exact) {
			d := get(r)
			d.recs[id] = r
			if d.scores[id] == nil {
				d.scores[id], d.matched[id] = make([]float64, groups), make([]bool, groups)
			}
			d.scores[id][g], d.matched[id][g] = r.score, true
		}
	}
	// the filters alone, for an empty query; every record, for the
	// document records and their dates
	if groups == 0 {
		browse := bleveRecords(t, ix, plan.Browse)
		for _, r := range browse {
			if r.anchor == "" {
				get(r)
			}
		}
	}
	for _, r := range every {
		if d := docs[r.url]; d != nil && r.anchor == "" {
			r := r
			d.rep = &r
		}
	}
	for _, q := range plan.Excluded {
		for _, r := range bleveRecords(t, ix, q) {
			delete(docs, r.url)
		}
	}
	type ranked struct {
		score float64
		url   string
		date  int64
		dated bool
		d     *doc
	}
	var list []ranked
	for _, d := range docs {
		best := make([]float64, groups)
		together := 0.0
		in := true
		for g := 0; g < groups; g++ {
			found := false
			for id := range d.recs {
				if d.matched[id][g] {
					found = true
					best[g] = max(best[g], d.scores[id][g])
				}
			}
			in = in && found
		}
		if !in || d.rep == nil {
			continue
		}
		// a group a record lacks may come from the document record, and
		// the document record's score counts where it is higher (the frame)
		d0 := d.rep.id
		for id := range d.recs {
			sum, ok := 0.0, true
			for g := 0; g < groups && ok; g++ {
				switch {
				case d.matched[id][g] && d.matched[d0] != nil && d.matched[d0][g]:
					sum += max(d.scores[id][g], d.scores[d0][g])
				case d.matched[id][g]:
					sum += d.scores[id][g]
				case d.matched[d0] != nil && d.matched[d0][g]:
					sum += d.scores[d0][g]
				default:
					ok = false
				}
			}
			if ok {
				together = max(together, sum)
			}
		}
		score := 0.0
		for _, b := range best {
			score += b
		}
		score += together
		list = append(list, ranked{score: score, url: d.url, date: d.rep.date, dated: d.rep.dated, d: d})
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if req.Sort != "" && a.dated != b.dated {
			return a.dated
		}
		if req.Sort != "" && a.dated && a.date != b.date {
			return (a.date > b.date) == (req.Sort == "-date")
		}
		if a.score != b.score {
			return a.score > b.score
		}
		return a.url < b.url
	})
	out := &Result{Total: len(list), Exact: len(list), Facets: collect.EmptyFacets()}
	types := map[string]int{}
	for _, r := range list {
		if r.d.rep.typ != "" {
			types[r.d.rep.typ]++
		}
	}
	out.Facets[mapping.FieldType] = collect.TopFacets(types)
	from := (req.Page - 1) * req.Size
	forms := plan.Forms
	for _, r := range list[min(from, len(list)):min(len(list), from+req.Size)] {
		h := Hit{URL: r.d.url, Score: r.score}
		type part struct {
			groups int
			sum    float64
			id     string
		}
		var parts []part
		for id, rec := range r.d.recs {
			if rec.anchor == "" {
				continue
			}
			sum, n := 0.0, 0
			for g := 0; g < groups; g++ {
				if r.d.matched[id][g] {
					sum += r.d.scores[id][g]
					n++
				}
			}
			parts = append(parts, part{groups: n, sum: sum, id: id})
		}
		sort.Slice(parts, func(i, j int) bool {
			a, b := parts[i], parts[j]
			if a.groups != b.groups {
				return a.groups > b.groups
			}
			if a.sum != b.sum {
				return a.sum > b.sum
			}
			return a.id < b.id
		})
		for _, p := range parts[:min(len(parts), collect.MaxParts)] {
			rec := r.d.recs[p.id]
			h.Parts = append(h.Parts, HitPart{URL: r.d.url + "#" + rec.anchor, Anchor: rec.anchor, Snippet: collect.Snippet(rec.body, forms)})
		}
		if _, ok := r.d.recs[r.d.rep.id]; ok || len(h.Parts) == 0 {
			h.Snippet = collect.Snippet(r.d.rep.body, forms)
		} else {
			h.Snippet = h.Parts[0].Snippet
		}
		out.Hits = append(out.Hits, h)
	}
	return out
}

// sameDocuments compares the exact pass of got with bleveDocuments.
func sameDocuments(t *testing.T, label string, got, want *Result) {
	t.Helper()
	if got.Exact != want.Total {
		t.Errorf("%s: %d documents, bleve's records make %d", label, got.Exact, want.Total)
		return
	}
	n := 0
	for n < len(got.Hits) && n < len(want.Hits) {
		n++
	}
	if len(want.Hits) > len(got.Hits) {
		t.Errorf("%s: %d hits shown, want %d", label, len(got.Hits), len(want.Hits))
		return
	}
	for i := range want.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.URL != w.URL || g.Score != w.Score || g.Snippet != w.Snippet || len(g.Parts) != len(w.Parts) {
			t.Errorf("%s: hit %d is %s (%v, %q, %d parts), bleve %s (%v, %q, %d parts)", label, i, g.URL, g.Score, g.Snippet, len(g.Parts), w.URL, w.Score, w.Snippet, len(w.Parts))
			return
		}
		for j := range w.Parts {
			if g.Parts[j].URL != w.Parts[j].URL || g.Parts[j].Snippet != w.Parts[j].Snippet {
				t.Errorf("%s: hit %d part %d is %+v, bleve %+v", label, i, j, g.Parts[j], w.Parts[j])
				return
			}
		}
	}
	if !got.Relaxed && fmt.Sprint(got.Facets[mapping.FieldType]) != fmt.Sprint(want.Facets[mapping.FieldType]) {
		t.Errorf("%s: type facet %v, bleve %v", label, got.Facets[mapping.FieldType], want.Facets[mapping.FieldType])
	}
}

// collidingText is text over a few characters, with the punctuation,
// digits, letters and inline spaces that split runs of Han characters.
func collidingText(rng *rand.Rand, n int) string {
	pieces := []string{"中", "华", "人", "民", "共", "和", "国", "法", "院", "。", "，", "1", "2", "a", " ", "\n"}
	weights := []int{9, 9, 9, 9, 6, 6, 6, 5, 5, 2, 2, 1, 1, 1, 1, 1}
	total := 0
	for _, w := range weights {
		total += w
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		r := rng.IntN(total)
		for j, w := range weights {
			if r < w {
				b.WriteString(pieces[j])
				break
			}
			r -= w
		}
	}
	return b.String()
}

func collidingRecords(rng *rand.Rand, pages int, version string) []mapping.Record {
	var rs []mapping.Record
	for p := 0; p < pages; p++ {
		url := fmt.Sprintf("/p%03d/", p)
		base := mapping.Record{
			URL:   url,
			Title: collidingText(rng, 4+rng.IntN(6)),
			Type:  []string{"policy", "page", "disclosure"}[rng.IntN(3)],
			// At most collect.FacetSize values per facet: beyond that, bleve's merge of the
			// shards' lists depends on which shard answers first (facetcount.go).
			Genre: fmt.Sprintf("g%d", rng.IntN(15)),
			Level: []string{"", "中央", "省级"}[rng.IntN(3)],
		}
		if rng.IntN(4) > 0 {
			base.Date = time.Date(2010+rng.IntN(12), time.Month(1+rng.IntN(12)), 1+rng.IntN(3), 0, 0, 0, 0, time.UTC)
		}
		for i := rng.IntN(3); i > 0; i-- {
			base.Issuers = append(base.Issuers, fmt.Sprintf("机关%d", rng.IntN(12)))
		}
		doc := base
		doc.ID, doc.Body = url, collidingText(rng, 10+rng.IntN(30))+version
		rs = append(rs, doc)
		for s := rng.IntN(4); s > 0; s-- {
			r := base
			r.Anchor = fmt.Sprintf("s%d", s)
			r.ID, r.Section = url+"#"+r.Anchor, collidingText(rng, 3+rng.IntN(4))
			r.Body = collidingText(rng, 20+rng.IntN(120)) + version
			rs = append(rs, r)
		}
	}
	return rs
}

func collidingRequests(rng *rand.Rand, n int) []Request {
	reqs := []Request{{}, {Sort: "-date"}, {Sort: "date", Page: 2}, {Query: "中华人民共和国"}, {Query: "人民法院"},
		{Query: "华人"}, {Query: "中华 -人民"}, {Query: "人民 OR 法院", Sort: "-date"}, {Query: "1人民"}, {Query: "民2"},
		{Query: "中 华"}, {Query: "国法", Filters: map[string][]string{"type": {"policy", "page"}}}}
	for len(reqs) < n {
		q := collidingText(rng, 2+rng.IntN(6))
		req := Request{Query: q}
		switch rng.IntN(6) {
		case 0:
			req.Sort = "-date"
		case 1:
			req.Sort = "date"
		case 2:
			req.Page, req.Size = 2, 5
		case 3:
			req.Query += " " + collidingText(rng, 2+rng.IntN(3))
		}
		if strings.TrimSpace(req.Query) == "" {
			continue
		}
		reqs = append(reqs, req)
	}
	return reqs
}

func TestCollectorMatchesBleve(t *testing.T) {
	seed, _ := strconv.ParseUint(os.Getenv("GONGKAI_SEED"), 10, 64) // another corpus: GONGKAI_SEED=n
	rng := rand.New(rand.NewPCG(3+seed, 5))
	records := collidingRecords(rng, 120, "")
	for _, shards := range []int{1, 3} {
		dir := writeIndex(t, Options{Shards: shards}, records...)
		ix := openWritable(t, dir)
		check := func(stage string) {
			every := bleveRecords(t, ix, bquery.NewMatchAllQuery())
			for _, req := range collidingRequests(rand.New(rand.NewPCG(7+seed, uint64(shards))), 400) {
				label := fmt.Sprintf("%d shards, %s: %+v", shards, stage, req)
				got, err := ix.Search(context.Background(), req)
				if err != nil {
					if _, user := errorIsUser(err); user {
						continue
					}
					t.Fatalf("%s: %v", label, err)
				}
				sameDocuments(t, label, got, bleveDocumentsOf(t, ix, req, every))
			}
		}
		check("built")
		searcher.ImpliedAlways = true
		check("built, markers for every bigram that allows")
		searcher.ImpliedAlways = false
		// Replacing pages deletes records from the built segments and adds
		// new segments: doc numbers shift, columns are read for the new
		// segments, deleted records must not come back.
		for round := 0; round < 3; round++ {
			var urls []string
			var add []mapping.Record
			for _, r := range collidingRecords(rng, 120, fmt.Sprintf("修订%d", round)) {
				// whole pages, as serve --watch replaces them
				if (r.Anchor == "" && rng.IntN(3) == 0) || (len(urls) > 0 && urls[len(urls)-1] == r.URL) {
					if len(urls) == 0 || urls[len(urls)-1] != r.URL {
						urls = append(urls, r.URL)
					}
					add = append(add, r)
				}
			}
			if err := ix.Update(urls, add); err != nil {
				t.Fatal(err)
			}
		}
		check("updated")
		searcher.ImpliedAlways = true
		check("updated, markers for every bigram that allows")
		searcher.ImpliedAlways = false
	}
}

// TestPhraseRunEnds: a bigram between two others is checked by the
// run-end marker of the first (impliedSlots); punctuation, digits and
// letters between the characters must still stop a match.
func TestPhraseRunEnds(t *testing.T) {
	bodies := map[string]bool{ // body: has the phrase 中华人民
		"中华人民":          true,
		"中华。人民":         false,
		"中华2人民":         false,
		"中华a人民":         false,
		"中华，人民 中华人民":    true,
		"中华\n人民":        false,
		"中华 人民":         true, // inline spaces between Han characters are dropped
		"人民中华华人民":       false,
		"中华人中华人民":       true,
		"中华。华人民中华":      false,
		"共中华人民共和国":      true,
		"中华人。人民":        false,
		"中华人民。":         true,
		"我中华。人民中华。中华人民": true,
	}
	var rs []mapping.Record
	i := 0
	for body := range bodies {
		i++
		url := fmt.Sprintf("/b%02d/", i)
		rs = append(rs, mapping.Record{ID: url, URL: url, Title: "标题", Type: "page", Body: body})
	}
	ix := buildIndex(t, Options{Shards: 2}, rs...)
	defer func(saved bool) { searcher.ImpliedAlways = saved }(searcher.ImpliedAlways)
	searcher.ImpliedAlways = true // read 华人 from its marker whatever the counts
	res, err := ix.Search(context.Background(), Request{Query: "中华人民", Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, h := range res.Hits {
		for _, r := range rs {
			if r.URL == h.URL {
				found[r.Body] = true
			}
		}
	}
	for body, want := range bodies {
		if found[body] != want {
			t.Errorf("中华人民 in %q: found %v, want %v", body, found[body], want)
		}
	}
	sameDocuments(t, "中华人民", res, bleveDocuments(t, ix, Request{Query: "中华人民", Size: 50}))
}

// TestFacetsCountDocuments: facets count documents, exactly, over every
// shard (no per-shard top 20 any more): a page matched by its document
// record and two sections counts once, and the type facet adds up to the
// total.
func TestFacetsCountDocuments(t *testing.T) {
	var rs []mapping.Record
	byGenre := map[string]int{}
	rng := rand.New(rand.NewPCG(9, 9))
	for p := 0; p < 300; p++ {
		url := fmt.Sprintf("/f%03d/", p)
		genre := fmt.Sprintf("类%02d", rng.IntN(40))
		base := mapping.Record{URL: url, Title: "标题", Type: []string{"page", "policy"}[p%2], Genre: genre}
		doc := base
		doc.ID, doc.Body = url, "正文"
		rs = append(rs, doc)
		for s := range p % 3 {
			r := base
			r.ID, r.Anchor, r.Body = fmt.Sprintf("%s#s%d", url, s), fmt.Sprintf("s%d", s), "正文的一节"
			rs = append(rs, r)
		}
		byGenre[genre]++
	}
	ix := buildIndex(t, Options{Shards: 3}, rs...)
	res, err := ix.Search(context.Background(), Request{Query: "正文"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 300 || res.Exact != 300 || res.Relaxed {
		t.Fatalf("正文: %d documents (%d exact), want 300", res.Total, res.Exact)
	}
	if want := collect.TopFacets(byGenre); fmt.Sprint(res.Facets["genre"]) != fmt.Sprint(want) {
		t.Errorf("genre facets %v, want %v", res.Facets["genre"], want)
	}
	sum := 0
	for _, f := range res.Facets["type"] {
		sum += f.Count
	}
	if sum != res.Total {
		t.Errorf("type facet %v adds up to %d, total %d", res.Facets["type"], sum, res.Total)
	}
}

// errorIsUser reports whether err is the user's fault.
func errorIsUser(err error) (*QueryError, bool) {
	var qe *QueryError
	ok := errors.As(err, &qe)
	return qe, ok
}
