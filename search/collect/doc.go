// Package collect turns a search plan (Plan: each group, article and
// excluded term of a query compiled alone, with the filters) into a page
// of documents (FindDocuments), the rules of SPEC14 §3–4:
//
//   - match.go reads each clause on every shard's snapshot with bleve's
//     searchers and scores, the first group in full and the others only
//     in the documents still in (by Advance), maps each matching record to
//     its page through per-segment columns (search/searcher's pages.go),
//     and matches Bag terms of the relaxed pass by their bigrams;
//   - rules.go holds each ranking rule as one function on plain values
//     (docScore, bagScore, docLess, partLess), which the static client
//     ports line for line;
//   - documents.go runs the exact pass and, when it finds fewer than
//     RelaxBelow documents, the relaxed one; counts documents and their
//     facets exactly; reads stored fields only for the page's hits;
//   - dochit.go makes each hit: the document record's fields, up to
//     MaxParts parts (one unit each, its link, section and snippet).
//
// HitOf and Snippet make what one record shows (snippet.go): the snippet
// with its marks and, for a record grouping several units, the unit its
// first match falls in.
//
// It must not know how a query was typed or parsed (query), how the index
// was written or opened (index) or how results are served (httpapi); the
// forms a snippet marks come in as plain strings.
package collect
