// Package searcher reads index segments for a search: the exact-phrase
// query and its searcher (PhraseQuery: bleve's scores, positions read into
// reused buffers, middle bigrams checked through rarer run-end markers),
// the term searcher with positions and the postings walk under it, and the
// per-segment columns (Columns, ColumnCache) that give the collector each
// hit's record ID, date and facet values without reading stored fields.
//
// It works on bleve's scorch snapshots and segments. It must not know how
// a user's query is parsed or compiled (package query), how hits are
// ranked into pages or faceted (collect), or how an index is written
// (index); it knows the field names of package mapping and the run-edge
// markers of package analysis.
package searcher
