package collect

import (
	"sort"

	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/searcher"
)

// Facet counting follows bleve's index alias: each shard lists its top
// FacetSize values (most hits first, then by value), the lists are summed
// and cut to FacetSize again. The static client (search/static) does the
// same. (bleve's own merge also drops a value that one shard cut and
// another listed, depending on which shard answered first; that race is
// not reproduced.)

// shardFacets turns one shard's per-segment counts (segment, facet, value
// index) into its top values per facet.
func shardFacets(cols []*searcher.Columns, counts [][][]int) [][]Facet {
	out := make([][]Facet, len(mapping.Facets))
	for f := range mapping.Facets {
		byValue := map[string]int{}
		for s, c := range cols {
			for v, n := range counts[s][f] {
				if n > 0 {
					byValue[c.Facets[f].Values[v]] += n
				}
			}
		}
		out[f] = TopFacets(byValue)
	}
	return out
}

// mergeFacets sums the shards' lists, keyed by filter name.
func mergeFacets(shards []*shardHits) map[string][]Facet {
	out := make(map[string][]Facet, len(mapping.Facets))
	for f, name := range mapping.Facets {
		byValue := map[string]int{}
		for _, sh := range shards {
			for _, fc := range sh.facets[f] {
				byValue[fc.Value] += fc.Count
			}
		}
		fs := TopFacets(byValue)
		if name == mapping.FieldYear {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		}
		out[name] = fs
	}
	return out
}

// TopFacets lists the FacetSize values with the most hits, ties by value.
func TopFacets(byValue map[string]int) []Facet {
	fs := make([]Facet, 0, len(byValue))
	for v, n := range byValue {
		fs = append(fs, Facet{Value: v, Count: n})
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Count != fs[j].Count {
			return fs[i].Count > fs[j].Count
		}
		return fs[i].Value < fs[j].Value
	})
	return fs[:min(len(fs), FacetSize)]
}

// EmptyFacets is the facets of a search without hits.
func EmptyFacets() map[string][]Facet {
	out := make(map[string][]Facet, len(mapping.Facets))
	for _, name := range mapping.Facets {
		out[name] = []Facet{}
	}
	return out
}
