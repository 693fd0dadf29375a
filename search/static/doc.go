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
// so that idf is equal to the bit. Documents (pages) are the unit of results
// (issue 14, search/collect: rules.go, match.go, dochit.go): each group, each
// article reference and each bigram of a relaxed term is scored as a query
// of its own, a document's score sums its best record per clause and its
// best record holding every group, and the client ports those rules line
// for line. Documents are ordered by score, then URL (the groups file numbers
// them in URL byte order), with date first when sorting by date; facets
// count documents exactly; parts, snippets and the unit a grouped record
// links to follow search/collect (dochit.go, snippet.go); a near miss runs
// the relaxed pass and makes the suggestion as search does. The node tests
// in js_test compare the client with search.Index on 73 requests (totals,
// order, scores, parts, snippets, facets, exact/relaxed/suggest); the
// browser test does the same for the example site on a plain file server.
//
// Known differences: a disjunction of more than ten clauses (a term with
// three synonym forms) sums in bleve's heap order, which the client cannot
// know, so its scores may differ in the last bit; facet values of equal
// count compare in UTF-16 order, which differs from Go's only for characters
// outside the Basic Multilingual Plane (documents and parts tie in Go's byte
// order: the export numbers them so); half-width katakana in a query is not
// folded.
//
// # Files (under the export directory)
//
//	manifest.json  Manifest: counts, shards, fields, pack names, synonyms, labels
//	i/<hash>.bin   directory (gzip): the byte length of every dictionary bucket
//	               and metadata chunk, which lie back to back in their packs
//	g/<hash>.bin   groups (gzip, groups.go): facet values and dates, per run of
//	               records; each record's document and each document's record
//	f/<hash>.bin   the traditional→simplified fold table (gzip, fold.go): its keys,
//	               read with the directory, and its values, read when a text needs them
//	p/range-probe.bin  a few fixed bytes: the client asks for two ranges of it
//	               to learn whether the host answers several ranges at once
//	k/<hash>.bin   packs: every other object, back to back, read with HTTP Range;
//	               1 MB each, 16 MB for body blocks (files.go bodyPackFactor)
//
// Names are content hashes, so a host may cache them forever. Objects in
// packs are located by pack, offset and length; a host that ignores Range
// still works, the client then keeping each whole pack it received. The
// objects: dictionary buckets (raw, dict.go), posting lists (lists.go),
// metadata chunks (raw) and body blocks (export.go).
//
// Records are numbered ("gid") shard by shard, within a shard in the byte
// order of their IDs, so that gid order is tie order inside a shard.
//
// # How the client answers a query
//
//  1. It parses the query and builds bleve's query tree for each clause (a
//     group, an article reference, a bigram of a relaxed term): per term and
//     form, a phrase (or single term) per text field, the chars field for one
//     Han character, the doc_key field for a 文号, the anchors field for an
//     article reference (第十一条).
//  2. It reads the dictionary bucket of each term and the membership of each
//     list (gids only), keeps the documents every required clause may match
//     (the groups file maps a record to its document), and checks phrases
//     on those documents' candidate records only, reading their positions
//     (large lists are addressed ChunkSize postings at a time).
//  3. Matching documents give the total and the facets (from the groups file).
//  4. To rank, it reads impact blocks, each list's best postings first,
//     until no document it has not scored can reach the page: a document's
//     bound takes its unread records at their lists' last impact, and a
//     clause is settled once its best known record beats every bound, so a
//     law of a hundred articles needs the postings of a few. Records in doubt
//     are read from details, at once when that costs less than the next
//     impact blocks. Sorted by date, documents are ranked one date at a time
//     the same way, only for the dates that reach the page.
//  5. A page's documents list up to three parts: their candidate records are
//     ordered with exact scores only where they may be among the first three.
//     For each document and part it reads the metadata chunk (which lists a
//     grouped record's units by anchor) and the body block that holds the
//     first match (postings carry that block), or every block of the unit an
//     article reference names, and cuts the snippet there.
//  6. When fewer than three documents match, the relaxed query runs the same
//     way, documents found exactly are left out of it, and the suggestion
//     reads the titles of its first ten documents.
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
// (45%), gzip of memberships and cutting bodies are most of it.
// GONGKAI_EXPORT_TRACE=1 prints its phases and CPU
// time; BenchmarkExport measures the example site and
// generator/build's BenchmarkStaticExport any site, alone.
//
// # Costs, measured on the laws corpus (3,476 laws, 22,167 records)
//
// See bench/staticsearch. A query term costs a bucket of about a kilobyte;
// a two-character word, its membership and first impact block; a phrase, the
// positions of its candidates, which for a common legal phrase (人民法院,
// 3,600 matching records) is a few hundred kilobytes; a page of ten
// documents with their parts 20 to 35 kilobytes (the metadata and snippet
// blocks of up to forty records: the parts are what the page costs more
// than a page of ten records did, about 12 KB). Chrome counts every request
// as 300 bytes of headers, so neighbouring objects are read in one request,
// reads asked for in the same step share one, and where the host answers
// several ranges at once (multipart/byteranges, about 150 bytes a part with
// Go's file server, 110 with nginx) all of a pack's objects of one step come
// in one. Median of the later bench queries on Go's file server: 79.5 KB
// (before documents and parts: 55.6 KB; 64.1 KB with one range per request,
// 51.9 KB on nginx), the largest 398 KB (中华人民共和国; was 368 KB). The
// queries of laws-dev.tsv that fall back to the relaxed pass cost 50 to
// 111 KB, each read fresh at most 103 KB; an article reference reads the
// record holding the article whole (its blocks list its units).
//
// Those figures are format 3's. Format 4 (units.go: unit names as shared
// prefixes; one record per metadata chunk, stored raw; body blocks in 16 MB
// packs) reads a page's parts in fewer bytes: on the bench queries over a
// fifth of the laws corpus (every fifth file), counted by a node client on a
// multipart host at 300 bytes a request, the later-query median went from
// 40.4 to 35.3 KB (one range a request: 47.9 to 44.7 KB), the page's
// metadata from 6.0 to 4.7 KB and its body blocks from 14.9 KB in 4.9
// requests to 12.7 KB in 1.1. The 16 MB body packs were then given up (a
// host without Range support would send them whole; files.go
// bodyPackFactor), so a page's body blocks come from about eight 1 MB packs,
// a request each.
//
// Where a query's bytes go, format 4 on the whole laws corpus in Chromium
// (bench/staticsearch counts what the file server sends per kind of pack,
// Reader.PackKinds; 300 bytes a request): first query 150.2 KB, later
// queries median 76.0 KB, max 396 KB; their mean by kind: posting lists
// 91.2 KB, body blocks 15.3, metadata 6.1, dictionary 2.5. At the median
// (食品安全, 劳动合同 解除, 未成年人 保护: 75–76 KB) lists are 44–47 KB,
// body blocks 19–21 KB in 8–12 requests (a range a snippet, 28–30),
// metadata 7–8.5 KB. Nearly all list bytes
// are phrase checks (the positions of candidate records, read as detail
// chunks: 食品安全 reads 19 KB of them for 302 candidate records, scattered,
// so about half of what it costs is multipart part headers). The parts
// cost what the page costs more than before issue 14: a node count of the
// same queries without any snippet or part gives a median of 50 KB (72 with
// them), with the parts of the first three hits only 57 KB. A body block
// read for a snippet brings 182 characters where the snippet shows 120, and
// its unit list (anchors and sections, long for headings) is a fifth of its
// bytes; blocks of 60 or 40 characters read no fewer bytes, as their unit
// lists and metadata grow. Chunks of 8 postings instead of 4 change nothing,
// and neither would checking a phrase on one candidate record a document
// (食品安全's 302 candidates lie in 120 documents): done so, ranking aside,
// its lists cost 35 KB instead of 40, as a document's records are
// neighbours whose chunks come in the same ranges.
package static
