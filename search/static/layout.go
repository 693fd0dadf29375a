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
//   - inlineMax 32, bucketBytes 1 KB: a query term costs a bucket of about
//     700 bytes instead of 3 KB; the rare lists this moves out are read only
//     when their term is searched.
//   - metaChunk 8: the ten hits of a page touch up to ten chunks.
var defaultLayout = layout{
	metaChunk:   8,
	chunkSize:   4,
	impactBlock: 32,
	impactCap:   32 * 63,
	impactMin:   256,
	inlineMax:   32,
	mediumMax:   4 << 10,
	packSize:    1 << 20,
	bucketBytes: 1 << 10,
}
