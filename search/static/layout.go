package static

// layout holds the sizes that shape an export. Export uses defaultLayout;
// tests shrink it so a handful of records exercises every form.
type layout struct {
	metaChunk   int // records per metadata chunk
	chunkSize   int // postings per detail chunk of a large list
	impactBlock int // postings in the first impact block; each next one doubles
	impactCap   int // postings kept in impact blocks; the rest is in the details
	impactMin   int // lists of at most this many postings have no impact blocks
	inlineMax   int // a list up to this many bytes stays in its dictionary entry
	mediumMax   int // a list up to this many bytes is one object, read whole
	packSize    int // a pack is closed once it holds this many bytes
	bucketBytes int // a dictionary bucket aims at this many bytes before compression
}

// defaultLayout was tuned on the laws corpus (3,476 laws, 22,167 records),
// measuring the bytes of the bench queries (bench/staticsearch):
//
//   - chunkSize 4: a phrase check reads the positions of its candidates and
//     few others; 2,048-gid ranges read four times as much. Chrome counts
//     300 bytes a request, so single postings (more requests) cost as much.
//   - inlineMax 32, bucketBytes 512: a query term costs a bucket of about
//     400 bytes instead of 3 KB; the rare lists this moves out are read only
//     when their term is searched. 256 saves 1 KB a query more but adds
//     17 KB to the first (the directory lists every bucket).
//   - metaChunk 1: a page of ten documents with up to three parts each
//     reads the metadata of up to forty records, rarely neighbours; with
//     several ranges a request, a smaller chunk costs a part header, not a
//     request (8 was best at one range a request, 2 before parts: 1 reads
//     6.0 → 5.6 KB of metadata a query on a fifth of the laws corpus).
//
// Retuned for multipart range reads (bench median 65 → 61.5 KB with Go's
// file server): bucketBytes 1 KB → 512, metaChunk 8 → 2, and body blocks
// (blocks.go) 320 → 120 characters.
var defaultLayout = layout{
	metaChunk:   1,
	chunkSize:   4,
	impactBlock: 32,
	impactCap:   32 * 63,
	impactMin:   256,
	inlineMax:   32,
	mediumMax:   4 << 10,
	packSize:    1 << 20,
	bucketBytes: 512,
}
