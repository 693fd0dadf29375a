// Package mapping is the shape of gongkai's index: the Record the
// generator hands over and its Parts, the index fields a record maps onto
// (Fields) with the stored parts JSON (DecodeParts), which fields filters
// and facets use, and the bleve index mapping (New) with the analyzers of
// package analysis.
//
// It is the one place that names fields. It must not know how an index is
// written or opened (package index), how queries are parsed (query) or how
// hits are read (searcher, collect).
package mapping
