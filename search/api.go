package search

import (
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/query"
)

// DefaultSynonyms returns the abbreviation groups used when site.yaml gives
// none (analysis.DefaultSynonyms).
func DefaultSynonyms() [][]string { return analysis.DefaultSynonyms() }

// FilterNames returns the filter keys Request.Filters accepts.
func FilterNames() []string { return append([]string(nil), mapping.Filters...) }

// Record is one searchable unit (mapping.Record).
type Record = mapping.Record

// Part is one unit inside a record that groups several (mapping.Part).
type Part = mapping.Part

// QueryError is a problem with what the user asked for (query.Error): HTTP
// handlers answer it with 400 and show its Message.
type QueryError = query.Error
