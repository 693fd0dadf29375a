// Package collect turns a compiled query into a page of hits: it runs the
// query on every shard's snapshot with its own top-hits collector in
// place of bleve's (Collect: same scores and order, ties broken by record
// ID), counts facets as bleve's index alias does (each shard's top
// FacetSize values, summed), reads stored fields only for the page's hits,
// and makes each hit what a result shows (HitOf): the snippet with its
// marks and, for a record grouping several parts, the link to the part
// that matches.
//
// It must not know how a query was typed or parsed (query), how the index
// was written or opened (index) or how results are served (httpapi); the
// forms a snippet marks come in as plain strings.
package collect
