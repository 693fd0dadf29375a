// Package static exports gongkai's prebuilt bleve search index as small
// immutable files that a browser can search without a gongkai server
// (themes/default/static/js/search.js reads them).
//
// Everything is derived from the bleve index itself: the postings (term,
// frequency, field length, positions) that bleve's own analysis wrote, the
// stored fields of every record, and the keyword fields behind the facets.
// The browser therefore needs no analyser of its own beyond the query side,
// and applies the very scoring bleve applies (tf-idf with the shard's
// document counts, field boosts, coordination and query norm), so results
// and their order match `gongkai search`.
//
// # Layout (under the export directory)
//
//	manifest.json          Manifest: counts, shards, file names, synonyms, labels
//	g/<hash>.bin           groups: facet values and dates, and which records have them
//	d/<hash>/<bucket>.bin  dictionary: every term, hashed (FNV-1a) into buckets
//	p/<hash>.bin           membership of a large posting list: record numbers only
//	q/<hash>.bin           details of a large posting list, read with Range requests
//	m/<hash>/<chunk>.bin   record metadata and short bodies, MetaChunk records each
//	x/<hash>.bin           one block of a long body (snippets of long records)
//
// Files ending in .bin are gzip-compressed except q/ files, whose parts are
// fetched by byte range. Names are content hashes (a directory name is the
// hash of everything inside), so a host may cache them forever. See
// format.go for the byte layout of each file.
//
// Records are numbered shard by shard in bleve's own document order (the
// "gid"), which is also the order bleve breaks score ties in.
package static
