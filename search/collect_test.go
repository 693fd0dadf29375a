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
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/collect"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/query"
	"github.com/gongkai/gongkai/search/searcher"
)

// The collector (collect.go), the columns (columns.go) and the phrase
// searcher (phrase.go, positions.go) replace bleve's top-N collector, facet
// builders and phrase searcher. These tests run the same queries both ways
// on indexes built to collide: few distinct characters, punctuation and
// digits between them, ties, dates, many facet values, several shards and
// segments, deleted records. Totals, order, scores and facets must agree.

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

// bleveSearch is how Index.search ran before collect.go: bleve's alias,
// top-N collector, facet builders and phrase searcher.
func bleveSearch(t *testing.T, ix *Index, req Request) *Result {
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
	sr := bleve.NewSearchRequestOptions(blevePhrases(query.Compile(pq, req.Filters, dates)), req.Size, (req.Page-1)*req.Size, false)
	sr.Fields = collect.HitFields
	for _, name := range mapping.Facets {
		sr.AddFacet(name, bleve.NewFacetRequest(name, collect.FacetSize))
	}
	if req.Sort == "" {
		sr.SortByCustom(bsearch.SortOrder{&bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}})
	} else {
		sr.SortByCustom(bsearch.SortOrder{
			&bsearch.SortField{Field: mapping.FieldDate, Desc: req.Sort == "-date", Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortScore{Desc: true},
			&bsearch.SortDocID{},
		})
	}
	out := &Result{Facets: collect.EmptyFacets()}
	var res *bleve.SearchResult
	err = ix.ix.Read(func(shards []bleve.Index) error {
		if len(shards) == 0 {
			return nil
		}
		var err error
		res, err = bleve.NewIndexAlias(shards...).SearchInContext(context.Background(), sr)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		return out
	}
	out.Total = int(res.Total)
	for _, name := range mapping.Facets {
		if fr := res.Facets[name]; fr != nil && fr.Terms != nil {
			fs := []Facet{}
			for _, tf := range fr.Terms.Terms() {
				fs = append(fs, Facet{Value: tf.Term, Count: tf.Count})
			}
			if name == mapping.FieldYear {
				sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
			}
			out.Facets[name] = fs
		}
	}
	forms := pq.Forms()
	for _, h := range res.Hits {
		rec := collect.StoredFields{}
		for name, v := range h.Fields {
			switch v := v.(type) {
			case string:
				rec[name] = v
			case []interface{}:
				rec[name], _ = v[0].(string)
			}
		}
		out.Hits = append(out.Hits, collect.HitOf(rec, h.Score, forms))
	}
	return out
}

// sameResult compares what the JSON API shows.
func sameResult(t *testing.T, label string, got, want *Result) {
	t.Helper()
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Errorf("%s: %d hits (%d shown), bleve %d (%d shown)", label, got.Total, len(got.Hits), want.Total, len(want.Hits))
		return
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.URL != w.URL || g.Score != w.Score || g.Snippet != w.Snippet || g.Title != w.Title || !g.Date.Equal(w.Date) || g.Section != w.Section || g.DocNumber != w.DocNumber || g.Type != w.Type {
			t.Errorf("%s: hit %d is %s (%v, %q), bleve %s (%v, %q)", label, i, g.URL, g.Score, g.Snippet, w.URL, w.Score, w.Snippet)
			return
		}
	}
	for _, name := range mapping.Facets {
		if fmt.Sprint(got.Facets[name]) != fmt.Sprint(want.Facets[name]) {
			t.Errorf("%s: facet %s = %v, bleve %v", label, name, got.Facets[name], want.Facets[name])
		}
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
			for _, req := range collidingRequests(rand.New(rand.NewPCG(7+seed, uint64(shards))), 400) {
				label := fmt.Sprintf("%d shards, %s: %+v", shards, stage, req)
				got, err := ix.Search(context.Background(), req)
				if err != nil {
					if _, user := errorIsUser(err); user {
						continue
					}
					t.Fatalf("%s: %v", label, err)
				}
				sameResult(t, label, got, bleveSearch(t, ix, req))
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
				if rng.IntN(3) == 0 || (len(urls) > 0 && urls[len(urls)-1] == r.URL) {
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
	sameResult(t, "中华人民", res, bleveSearch(t, ix, Request{Query: "中华人民", Size: 50}))
}

// TestFacetsPerShardTop: each shard lists its top collect.FacetSize values, the
// lists are summed and cut again, as the static client does.
func TestFacetsPerShardTop(t *testing.T) {
	const shards = 3
	var rs []mapping.Record
	genreOf := map[string]string{}
	rng := rand.New(rand.NewPCG(9, 9))
	for p := 0; p < 300; p++ {
		url := fmt.Sprintf("/f%03d/", p)
		genre := fmt.Sprintf("类%02d", rng.IntN(40))
		rs = append(rs, mapping.Record{ID: url, URL: url, Title: "标题", Type: "page", Genre: genre, Body: "正文"})
		genreOf[url] = genre
	}
	ix := buildIndex(t, Options{Shards: shards}, rs...)
	counts := make([]map[string]int, shards)
	for i := range counts {
		counts[i] = map[string]int{}
	}
	if err := ix.ix.Read(func(bis []bleve.Index) error { // which shard each record went to
		for i, bi := range bis {
			res, err := bi.Search(bleve.NewSearchRequestOptions(bquery.NewMatchAllQuery(), len(rs), 0, false))
			if err != nil {
				return err
			}
			for _, h := range res.Hits {
				counts[i][genreOf[h.ID]]++
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Request{Query: "正文"})
	if err != nil {
		t.Fatal(err)
	}
	summed := map[string]int{}
	for _, c := range counts {
		for _, f := range collect.TopFacets(c) {
			summed[f.Value] += f.Count
		}
	}
	want := collect.TopFacets(summed)
	if fmt.Sprint(res.Facets["genre"]) != fmt.Sprint(want) {
		t.Errorf("genre facets %v, want %v", res.Facets["genre"], want)
	}
	if len(want) != collect.FacetSize || res.Total != 300 {
		t.Errorf("%d values of %d hits; the test wants more values than a facet lists", len(want), res.Total)
	}
}

// errorIsUser reports whether err is the user's fault.
func errorIsUser(err error) (*QueryError, bool) {
	var qe *QueryError
	ok := errors.As(err, &qe)
	return qe, ok
}
