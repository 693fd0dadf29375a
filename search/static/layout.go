package static

// layout holds the sizes that shape an export. Export uses defaultLayout;
// tests shrink it so a handful of records exercises every form.
type layout struct {
	metaChunk   int // records per metadata chunk
	rangeSize   int // gids per detail chunk of a large list
	impactBlock int // postings in the first impact block; each next one doubles
	impactCap   int // postings kept in impact blocks; the rest is in the details
	inlineMax   int // a list up to this many bytes stays in its dictionary entry
	mediumMax   int // a list up to this many bytes is one object, read whole
	packSize    int // a pack is closed once it holds this many bytes
	bucketBytes int // a dictionary bucket aims at this many bytes before compression
}

// defaultLayout was measured on the laws corpus (263,875 records): it keeps
// a typical query under a few dozen requests and the export to a few
// hundred files.
var defaultLayout = layout{
	metaChunk:   32,
	rangeSize:   2048,
	impactBlock: 32,
	impactCap:   32 * 63,
	inlineMax:   384,
	mediumMax:   12 << 10,
	packSize:    1 << 20,
	bucketBytes: 4 << 10,
}
