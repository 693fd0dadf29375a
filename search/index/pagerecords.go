package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/mapping"
)

// storedRecord is a record found in the index by its page URL.
type storedRecord struct {
	id    string
	url   string
	shard int
	doc   bool // the page's document record (no anchor)
}

// urlsPerQuery bounds the term queries in one disjunction when looking up
// pages; hitsPerPage is how many records one lookup search returns.
const (
	urlsPerQuery = 256
	hitsPerPage  = 10000
)

// pageRecords finds the records of the pages in urls, in every shard.
func (ix *Index) pageRecords(urls []string) ([]storedRecord, error) {
	want := map[string]bool{}
	var list []string
	for _, u := range urls {
		if u != "" && !want[u] {
			want[u] = true
			list = append(list, u)
		}
	}
	var out []storedRecord
	for from := 0; from < len(list); from += urlsPerQuery {
		chunk := list[from:min(from+urlsPerQuery, len(list))]
		terms := make([]bquery.Query, len(chunk))
		for i, u := range chunk {
			tq := bquery.NewTermQuery(u)
			tq.SetField(mapping.FieldURL)
			terms[i] = tq
		}
		q := bquery.NewDisjunctionQuery(terms)
		for shard, bi := range ix.shards {
			hits, err := allHits(bi, q, mapping.FieldHref)
			if err != nil {
				return nil, fmt.Errorf("search: finding the records to replace in %s: %w", ix.dir, err)
			}
			for _, h := range hits {
				href, _ := h.Fields[mapping.FieldHref].(string)
				url, doc := pageOf(href, want)
				out = append(out, storedRecord{id: h.ID, url: url, shard: shard, doc: doc})
			}
		}
	}
	return out, nil
}

// allHits returns every match of q in bi, in ID order, with field loaded.
func allHits(bi bleve.Index, q bquery.Query, field string) ([]*bsearch.DocumentMatch, error) {
	var out []*bsearch.DocumentMatch
	for from := 0; ; from += hitsPerPage {
		sr := bleve.NewSearchRequestOptions(q, hitsPerPage, from, false)
		sr.Fields = []string{field}
		sr.SortBy([]string{"_id"})
		res, err := bi.Search(sr)
		if err != nil {
			return nil, err
		}
		out = append(out, res.Hits...)
		if len(res.Hits) < hitsPerPage || len(out) >= int(res.Total) {
			return out, nil
		}
	}
}

// pageOf tells which of the wanted pages a stored href (URL or URL#anchor)
// belongs to, and whether it is the page's document record. The url field
// is indexed but not stored, so the href is all a hit brings back.
func pageOf(href string, want map[string]bool) (url string, doc bool) {
	if want[href] {
		return href, true
	}
	for i := strings.IndexByte(href, '#'); i >= 0; {
		if want[href[:i]] {
			return href[:i], false
		}
		next := strings.IndexByte(href[i+1:], '#')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return "", false
}
