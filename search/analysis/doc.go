// Package analysis turns text into the terms gongkai's index holds and
// queries look for: character normalisation (widths, traditional
// characters, names padded with spaces, 文号 keys), tokenising, the CJK analysis (bigrams with run-edge
// markers and position gaps, one token per character for the chars field),
// the synonym groups, and the folding that decides whether a query is a
// substring of a text, which snippets use.
//
// It owns the meaning of "matches": index, queries, snippets and the static
// client (search/static, themes/default/static/js/search.js) must all agree
// with it. It must not know the index's fields, records or how a search
// runs; the packages above it (mapping, searcher, query, collect) build on
// these functions.
package analysis
