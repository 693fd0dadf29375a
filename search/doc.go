// Package search builds, opens and queries gongkai's prebuilt full-text
// index (bleve v2.6.1) and serves it over HTTP.
//
// # Building (gongkai build)
//
//	w, err := search.NewWriter(dir, search.Options{Synonyms: cfg.Synonyms}) // dir must not exist
//	defer w.Abort()                                                         // removes dir unless Close succeeded
//	err = w.Add(search.Record{...})                                         // from any goroutine
//	man, err := w.Close(contentHash)                                        // writes dir/manifest.json
//
// A Record is one searchable unit. Give each page one document record
// (Anchor "") with its title, 文号 and metadata, and one record per section
// or paragraph group with that part's text, its Section path and Anchor.
// Only the document record is found by the title; section records show it.
// When a page has section records, give its document record only a short
// Body (summary or opening paragraph); a page without sections puts all its
// text there. Repeating the whole text in the document record works, but on
// the laws corpus it made the index 1.7× bigger, the build 1.5× slower and
// queries 3× slower, and every match appears twice.
//
// The index directory holds manifest.json (Manifest: counts, content hash,
// shards, the synonym groups) and one bleve index per shard (shard-0, …);
// pages are spread over shards (all records of a page in one, chosen by its
// URL) so the build uses several CPUs. Each shard is written in one pass
// by package zapwrite: records are analysed in Add's goroutine, inverted
// by the shard's goroutine as they arrive, and Close writes one zap v15
// segment per shard, the same bytes bleve's own writer would produce, so
// any bleve opens it. A directory without manifest.json is
// an unfinished build, and Open refuses it. `gongkai serve` indexes nothing
// itself; with --watch it only replaces the records of edited pages.
//
// # Searching (gongkai serve, gongkai search)
//
//	ix, err := search.Open(dir)
//	res, err := ix.Search(ctx, search.Request{Query: "低保 -特困", Filters: map[string][]string{"type": {"policy"}}})
//
// Query syntax (ParseQuery in search/query): words separated by spaces must
// all match; a run of Han characters matches as an exact substring; "quotes"
// (also “” and 「」) keep spaces inside one phrase; a leading - excludes; OR
// or | between words makes alternatives. A single Han character (低) finds
// every record containing it. Width (ＡＢＣ１２３), spaces inside names ("刘  智" in
// the text or the query) and 文号 brackets (中发[2017]13号 = 中发〔2017〕13号) are
// normalised; terms containing a synonym (DefaultSynonyms, or site.yaml)
// also match the other members of its group. An article reference
// (第十一条, 第11条, 11条, also inside a word: 组织法第3条) asks for the unit
// with that anchor (the anchors field). Queries over MaxQueryRunes
// characters or MaxQueryTerms terms, pages beyond MaxPage, unknown filters
// and bad dates are *QueryError (HTTP 400, message in zh-CN). Every search
// has a QueryBudget; running out gives an error wrapping ErrTimeout.
//
// Results are documents (pages), not records: every group of the query may
// be satisfied by any record of a page, and a page is listed once, with up
// to three of its matching records as Hit.Parts (collect/documents.go,
// rules.go; the rules are SPEC14 §3). A Han run still matches inside one
// record's field only. When the query finds fewer than RelaxBelow
// documents, a relaxed pass (query.Query.Relaxed: question words dropped,
// Han runs matched by two thirds of their bigrams) adds documents after
// the exact ones (Result.Exact, Result.Relaxed) and may offer
// Result.Suggest, a query one character away from a title.
//
// Filters and facets: type, issuer, year, department, status, level,
// village, genre (plus topic, filter only). Totals, pages and facet counts
// count documents, exactly; a document's facet values are its document
// record's.
//
// # Updating in place (gongkai serve --watch)
//
//	ix, err := search.OpenWritable(dir)            // searches as on Open
//	err = ix.Update([]string{"/policies/x/"}, recs) // the page's new records
//
// Update deletes the records of the given page URLs and adds the new ones
// in one bleve batch per shard, so a search sees an edited page whole,
// before or after; it also writes the new counts to manifest.json. While an
// index is open writable, bbolt locks it: Open of it elsewhere fails after
// two seconds with ErrLocked (query the server's /api/search instead).
//
// # HTTP (package search/httpapi)
//
// httpapi.NewHandler serves GET /search (HTML through the theme's
// template, see httpapi.PageData), GET /search.csv (UTF-8 with BOM, at most
// httpapi.MaxCSVRows rows) and GET /api/search (JSON). Hand it
// Swapper.Current; after a rebuild, Swapper.Swap puts the new index in
// place and closes the old one once its searches have finished.
//
// # Where each part lives
//
// This package is the small API the generator and the CLI use: Open,
// OpenWritable, Index.Search and Update, NewWriter, Record, Manifest and
// the errors. The work is done in packages below it, each importing only
// those under it (httpapi → search → collect and query → searcher →
// mapping → analysis, and search → index → mapping):
//
//	search/analysis   normalising, tokenising, the CJK analysis, synonyms, text folding
//	search/mapping    Record and Part, the index fields, filters and facets, the bleve mapping
//	search/searcher   what reads segments: the phrase searcher, positions, postings, columns
//	search/query      the query language, its limits and errors, compiling to bleve queries
//	search/collect    the top-hits collector, facet counts, stored fields, snippets, hits
//	search/index      writing, opening, updating in place, the manifest, the lock
//	search/httpapi    the HTML, CSV and JSON handlers, admission, the Swapper
//	search/zapwrite   one-pass writer of zap v15 segments (used by index)
//	search/static     the index exported for static hosts
//
// # How Chinese is indexed
//
// See search/analysis (analysis.go): bleve's cjk analysis (width folding,
// lowercase, bigrams) plus run-edge markers and position gaps that make
// bigram phrases exact substrings, and a position-less one-token-per-
// character field for one-character queries. Snippets are cut from the
// stored body by search/collect (snippet.go), not by bleve's highlighter.
//
// # How a search runs
//
// search.go checks the request and parses the query (search/query);
// plan.go compiles each group, article and excluded term alone (Compile),
// with the filters; search/collect reads each on every shard's snapshot
// with bleve's searchers and scores, the group expected rarest in full and
// the others only in the documents still in (Advance). A record's page,
// whether it is the page's document record, its ID, date and facet values
// come from per-segment tables (search/searcher's columns.go and pages.go,
// read once per segment from doc values and the url and anchors
// dictionaries, not a cache of results), and stored fields are read only
// for the page's hits (stored.go). Exact phrases use search/searcher's
// phrase.go, which scores as bleve's does but reads positions into reused
// buffers and may check a middle bigram through a rarer run-end marker
// (phraseimplied.go). At most GOMAXPROCS searches run at once; the rest
// wait in arrival order (search/httpapi's admission.go), so that under
// load a search runs at full speed instead of sharing the CPUs with
// fifteen others. TestCollectorMatchesBleve holds the documents (totals,
// order, scores to the bit, parts, snippets, facets) to the rules of
// SPEC14 §3 applied to bleve's own per-group results.
package search
