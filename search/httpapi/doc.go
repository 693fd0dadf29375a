// Package httpapi serves searches over HTTP: the results page rendered by
// the theme (PageData, with every link a plain href), the CSV export and
// the JSON API (NewHandler), admission that lets at most GOMAXPROCS
// searches run at once and queues the rest in arrival order, and the
// Swapper that puts a rebuilt index in place while requests run.
//
// It knows only package search's API (Index, Request, Result, the filter
// and facet names, the labels); it must not know the index's fields,
// the query language or how hits are collected.
package httpapi
