// Package static exports gongkai's prebuilt bleve search index as files a
// browser can search without a gongkai server: Export writes them, the client
// themes/default/static/js/search.js reads them, and Reader decodes them for
// tests and tools.
//
// # What is exported, and why it gives the server's results
//
// Everything comes from the bleve index itself: the postings of every term of
// every searched field (frequency, field length recovered from bleve's norm,
// positions), the stored fields of every record, and the keyword fields
// behind the facets. The browser never analyses text for the index; it only
// analyses the query, as search/query's ParseQuery and Compile do, and then
// scores the way bleve scores the compiled query: tf-idf with each shard's
// document count and document frequency, field boosts, coordination factors,
// the query norm, children summed in bleve's order, and Go's math.Log ported
// so that idf is equal to the bit. Hits are ordered by score, then record ID
// (search sorts by _id on ties), with date first when sorting by date;
// facets are each shard's top 20 merged and cut to 20 again, as bleve's
// index alias does; snippets and the unit a grouped record links to follow
// search/collect/snippet.go. The node tests in js_test compare the client with
// search.Index on 42 requests (totals, order, scores, snippets, facets); the
// browser test does the same for the example site on a plain file server.
//
// Known differences: a disjunction of more than ten clauses (a term with
// three synonym forms) sums in bleve's heap order, which the client cannot
// know, so its scores may differ in the last bit; string ties compare in
// UTF-16 order, which differs from Go's only for characters outside the
// Basic Multilingual Plane; half-width katakana in a query is not folded.
//
// # Files (under the export directory)
//
//	manifest.json  Manifest: counts, shards, fields, pack names, synonyms, labels
//	i/<hash>.bin   directory (gzip): the byte length of every dictionary bucket
//	               and metadata chunk, which lie back to back in their packs
//	g/<hash>.bin   groups (gzip, groups.go): facet values and dates, per run of records
//	p/range-probe.bin  a few fixed bytes: the client asks for two ranges of it
//	               to learn whether the host answers several ranges at once
//	k/<hash>.bin   packs: every other object, back to back, read with HTTP Range
//
// Names are content hashes, so a host may cache them forever. Objects in
// packs are located by pack, offset and length; a host that ignores Range
// still works, the client then keeping each whole pack it received. The
// objects: dictionary buckets (raw, dict.go), posting lists (lists.go),
// metadata chunks (gzip) and body blocks (export.go).
//
// Records are numbered ("gid") shard by shard, within a shard in the byte
// order of their IDs, so that gid order is tie order inside a shard.
//
// # How the client answers a query
//
//  1. It parses the query and builds bleve's query tree: per term and form,
//     a phrase (or single term) per text field, the chars field for one Han
//     character, the doc_key field for a 文号.
//  2. It reads the dictionary bucket of each term and the membership of each
//     list (gids only), intersects them into candidates, and checks phrases
//     on the candidates only, reading the positions of those records (large
//     lists are addressed ChunkSize postings at a time).
//  3. Exact matches give the total and the facets (from the groups file).
//  4. To rank, it reads impact blocks, each list's best postings first,
//     until no record it has not scored can reach the page (an upper bound
//     from the list's last impact); records in doubt are read from details,
//     at once when that costs less than the next impact blocks. Sorted by
//     date, hits are ranked one date at a time the same way, only for the
//     dates that reach the page (the server breaks ties by score).
//  5. For the page's hits it reads their metadata chunk and the one body
//     block that holds the first match (postings carry that block), and cuts
//     the snippet there.
//
// # How the export runs
//
// Export reads the segments of each shard through scorch's segment API
// (terms.go, postings.go, records.go): dictionaries, posting lists and
// iterators are reused from term to term, and each posting is encoded as it
// is read. The build passes the index writer's postings, kept in memory
// (ExportOptions): terms and postings of a shard still as the writer wrote
// it are read there instead, the same postings without decoding zap, and
// the files written are the same (TestExportFromMemoryIsIdentical). A
// shard the writer wrote in several segments, to stay within its memory
// budget, has its postings kept in files, read a bounded chunk at a time
// (TestSpilledIndexExportsTheSame). Terms
// are listed in the background while the bodies are cut. Work runs on
// every CPU (parallel.go) and objects are placed in a fixed order, so the
// same index always gives the same bytes. On the laws corpus, in the build,
// it takes 1.7–2.3 s and 3.2–4.4 CPU-seconds on two cores (this machine's
// speed drifts by a quarter between runs); reading and encoding postings
// (45%), gzip of metadata chunks and memberships (about 15%) and cutting
// bodies are most of it. GONGKAI_EXPORT_TRACE=1 prints its phases and CPU
// time; BenchmarkExport measures the example site and
// generator/build's BenchmarkStaticExport any site, alone.
//
// # Costs, measured on the laws corpus (3,476 laws, 22,167 records)
//
// See bench/staticsearch. A query term costs a bucket of about a kilobyte;
// a two-character word, its membership and first impact block; a phrase, the
// positions of its candidates, which for a common legal phrase (人民法院,
// 3,600 matching records) is a few hundred kilobytes; a page of hits about
// twelve kilobytes. Chrome counts every request as 300 bytes of headers, so
// neighbouring objects are read in one request, reads asked for in the same
// step share one, and where the host answers several ranges at once
// (multipart/byteranges, about 150 bytes a part with Go's file server, 110
// with nginx) all of a pack's objects of one step come in one. Median of the
// later bench queries: 64.1 KB with one range per request, 55.6 KB with
// several on Go's file server, 51.9 KB on nginx; the same sorted by date.
package static
