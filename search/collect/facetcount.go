package collect

import (
	"sort"

	"github.com/gongkai/gongkai/search/mapping"
)

// Facets count documents, exactly, over every shard: a document's values
// are its document record's (documents.go). Both engines list each
// facet's values by count, then value, first FacetSize.

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
