// Package query is gongkai's query language: ParseQuery turns what a user
// typed into groups of terms (words, "quoted phrases", -exclusions, OR),
// with widths folded, padded names joined, 文号 keys and synonym
// alternatives, and the article references in it (第13条 → the anchor
// 第十三条, article.go); the relaxed query of the near-miss pass
// (Relaxed); its limits and zh-CN errors (Error); and Compile, which
// turns a parsed query, the filters and a date range into the bleve query
// a search runs, with the field weights and the phrase queries of package
// searcher (ArticleQuery for an article).
//
// The grammar is shared with the static client: search/static's
// testdata/query_cases.json is the table both parsers answer to. This
// package must not know how hits are collected, ranked into pages or
// shown (collect, search, httpapi).
package query
