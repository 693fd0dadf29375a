package search

import "github.com/gongkai/gongkai/search/analysis"

// DefaultSynonyms returns the abbreviation groups used when site.yaml gives
// none (analysis.DefaultSynonyms).
func DefaultSynonyms() [][]string { return analysis.DefaultSynonyms() }
