package static

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/cputime"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/zapwrite"
	"github.com/spf13/afero"
)

// exportFields are the indexed fields a query searches, numbered by their
// place here. Boosts are search/query/compile.go's (textFields, docKeyBoost,
// articleBoost). New fields go last: a field's number is its place.
var exportFields = []FieldSpec{
	{Name: "title", Boost: 4, Positions: true},
	{Name: "doc_number", Boost: 3, Positions: true},
	{Name: "section", Boost: 2, Positions: true},
	{Name: "body", Boost: 1, Positions: true, Blocks: true},
	{Name: "chars", Boost: 1},
	{Name: "doc_key", Boost: 6},
	{Name: "anchors", Boost: 8},
	{Name: "title_key", Boost: 1}, // not scored: search/plan.go titlesQuery
}

// facetNames are search's facets, in display order (search/mapping).
var facetNames = []string{"type", "issuer", "year", "department", "status", "level", "village", "genre"}

// Export reads the bleve index at indexDir (an OS path, opened read-only
// with bleve) and writes its static form into out under dir (e.g.
// "/_search/static"): content-hashed files and manifest.json, written last.
// dir must be empty or missing. It returns the manifest.
func Export(indexDir string, out afero.Fs, dir string) (*Manifest, error) {
	return ExportUsing(indexDir, out, dir, ExportOptions{})
}

// ExportOptions are what the caller of Export may add to the index.
type ExportOptions struct {
	// Postings are the index writer's postings of the shards it wrote, by
	// shard directory name, one per segment (search.Writer.KeepPostings,
	// TakePostings). Terms and postings of those shards are read from them
	// instead of decoded back from the segments, which halves the time
	// spent reading postings; the files written are the same. A shard
	// changed since it was written (other segments, deletions, other
	// documents) is read from its segments.
	Postings map[string][]*zapwrite.Postings
}

// ExportUsing is Export with options.
func ExportUsing(indexDir string, out afero.Fs, dir string, opts ExportOptions) (*Manifest, error) {
	if err := checkEmpty(out, dir); err != nil {
		return nil, err
	}
	src, err := openSource(indexDir, opts.Postings)
	if err != nil {
		return nil, err
	}
	defer src.close()
	return exportWith(defaultLayout, src, out, dir)
}

func exportWith(lay layout, src *source, out afero.Fs, dir string) (*Manifest, error) {
	x := &exporter{lay: lay, src: src, files: newFiles(out, dir, lay.packSize), dict: newDictionary(len(exportFields)),
		trace: os.Getenv("GONGKAI_EXPORT_TRACE") != ""}
	return x.run()
}

func checkEmpty(fs afero.Fs, dir string) error {
	names, err := afero.ReadDir(fs, dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("static: reading %s: %w", dir, err)
	}
	if len(names) > 0 {
		return fmt.Errorf("static: %s is not empty; export into a fresh directory", dir)
	}
	return nil
}

type exporter struct {
	lay    layout
	src    *source
	files  *files
	dict   *dictionary
	terms  *termLists // of exportFields
	recs   []record
	blocks blockStarts
	norms  []float32 // normOf for short fields
	docs   *docTable
	bodys  []bodyRef // per gid

	trace bool
	start time.Time
	cpu   time.Duration // cputime.Process() at the start
}

// bodyRef locates a record's body blocks.
type bodyRef struct {
	blocks []ref
}

func (x *exporter) lap(what string) {
	if x.trace {
		fmt.Fprintf(os.Stderr, "static export: %-10s %v cpu %v\n", what, time.Since(x.start).Round(time.Millisecond),
			(cputime.Process() - x.cpu).Round(time.Millisecond))
	}
}

func (x *exporter) run() (*Manifest, error) {
	x.start = time.Now()
	if x.trace {
		x.cpu = cputime.Process()
		mem := 0
		for _, sh := range x.src.shards {
			mem += b2i(sh.mem != nil)
		}
		fmt.Fprintf(os.Stderr, "static export: postings of %d of %d shards from memory\n", mem, len(x.src.shards))
	}
	x.terms = x.src.listTerms(exportFields)
	defer x.terms.wait()
	recs, err := x.src.readRecords()
	if err != nil {
		return nil, err
	}
	x.recs = recs
	x.lap("records")
	if err := x.writeBodies(); err != nil {
		return nil, err
	}
	x.lap("bodies")
	man := &Manifest{
		Format:      FormatVersion,
		ContentHash: x.src.manifest.ContentHash,
		Records:     x.src.records,
		Documents:   x.src.manifest.Documents,
		Fields:      exportFields,
		MetaChunk:   x.lay.metaChunk,
		ChunkSize:   x.lay.chunkSize,
		ImpactBlock: x.lay.impactBlock,
		Synonyms:    x.src.manifest.Synonyms,
		GroupFields: groupFields[:],
		Facets:      facetNames,
		FacetLabels: search.FacetLabels(),
		TypeLabels:  search.TypeLabels(),
	}
	for _, sh := range x.src.shards {
		man.Shards = append(man.Shards, sh.docs)
	}
	x.docs = newDocTable(x.recs)
	// Metadata chunks are stored raw, like buckets: a chunk is one record
	// of some hundred bytes, mostly varints and short names, which gzip's
	// 18 bytes of header and trailer ate most of the gain of (bench
	// queries over a fifth of the laws corpus: 5.2 → 4.9 KB a query).
	metaLens, metaPacks, err := x.sequence("m", (len(x.recs)+x.lay.metaChunk-1)/x.lay.metaChunk, x.metaChunk, false)
	if err != nil {
		return nil, err
	}
	man.MetaPacks = metaPacks
	if man.Groups, err = x.files.put("g", encodeGroups(x.recs)); err != nil {
		return nil, err
	}
	if man.Fold, err = x.writeFold(); err != nil {
		return nil, err
	}
	x.lap("meta")
	for fi := range exportFields {
		if err := x.exportField(fi); err != nil {
			return nil, err
		}
		x.lap(exportFields[fi].Name)
	}
	nbuckets, bucket := x.dict.buckets(x.lay.bucketBytes)
	// Buckets are stored raw: gzip saved 3% of their bytes (laws: 405
	// bytes of 416 on average) for a fifth of the export's gzip time, and
	// the client then has one decompression less per query term.
	bucketLens, dictPacks, err := x.sequence("d", nbuckets, bucket, false)
	x.lap("dictionary")
	if err != nil {
		return nil, err
	}
	man.Buckets, man.DictPacks = len(bucketLens), dictPacks
	var dir buf
	for _, lens := range [][]int{bucketLens, metaLens} {
		dir.int(len(lens))
		for _, n := range lens {
			dir.int(n)
		}
	}
	if man.Directory, err = x.files.put("i", dir); err != nil {
		return nil, err
	}
	// A few fixed bytes the client asks for as two ranges: a host that answers
	// with two parts reads several ranges a request (Store.probe in the client).
	man.Probe = "p/range-probe.bin"
	if err := x.files.write(man.Probe, []byte("gongkai range probe\n")); err != nil {
		return nil, err
	}
	if err := x.files.finish(); err != nil {
		return nil, err
	}
	man.Packs = x.files.packs
	man.Files, man.Bytes = x.files.count+1, x.files.bytes
	if err := writeManifest(x.files, man); err != nil {
		return nil, err
	}
	x.lap("done")
	return man, nil
}

// sequence encodes n objects with object, and gzips them when compress, in
// parallel, and adds them to packs of kind in order. It returns each one's
// stored length and, per pack used, the pack and the first object in it:
// enough for a reader to locate object i.
func (x *exporter) sequence(kind string, n int, object func(i int) []byte, compress bool) ([]int, [][2]int, error) {
	lens := make([]int, n)
	var packs [][2]int
	err := ordered(n, 64, func(_, i int) ([]byte, error) {
		if !compress {
			return object(i), nil
		}
		return x.files.gzipped(object(i)), nil
	}, func(i int, data []byte) error {
		r, err := x.files.add(kind, data)
		if err != nil {
			return err
		}
		lens[i] = r.len
		if len(packs) == 0 || packs[len(packs)-1][0] != r.pack {
			packs = append(packs, [2]int{r.pack, i})
		}
		return nil
	})
	return lens, packs, err
}

// writeBodies stores every body in blocks (see blocks.go), with the
// position offset of each block (positions.go). A block starts with the units
// of a grouped record it shows, so a hit can link to the unit its first match
// is in without reading the others:
//
//	nparts, per part: anchor, section, first rune (units.go); then the text
//	in UTF-16LE
//
// UTF-16 takes two bytes for a Han character where UTF-8 takes three; on
// blocks of law text it is 15% larger than gzip, costs nothing to write,
// and the browser decodes it natively. (Compressing 67,000 small objects
// was a third of the export's time.)
//
// The parts are the one in force at the block's start and those starting in
// it (or the record's first part, when neither exists).
func (x *exporter) writeBodies() error {
	x.bodys = make([]bodyRef, len(x.recs))
	x.blocks = blockStarts{at: make([]int32, len(x.recs)+1)}
	x.norms = normTable()
	type body struct {
		blocks [][]byte
		starts []int32 // nil for one block
	}
	return ordered(len(x.recs), 256, func(_, gid int) (body, error) {
		r := &x.recs[gid]
		if r.body == "" {
			return body{}, nil
		}
		var out body
		r.blocks, r.runes = cutBlocks(r.body)
		if r.blocks == nil {
			r.blocks = []textBlock{{text: r.body}}
		} else {
			blockOffsets(r.blocks)
			out.starts = make([]int32, len(r.blocks))
			for k, b := range r.blocks {
				out.starts[k] = int32(b.pos)
			}
		}
		out.blocks = make([][]byte, len(r.blocks))
		for k := range r.blocks {
			end := r.runes
			if k+1 < len(r.blocks) {
				end = r.blocks[k+1].rune
			}
			ps := partsOf(r.parts, r.blocks[k].rune, end)
			size := 1 + 2*(end-r.blocks[k].rune)
			for _, p := range ps {
				size += len(p.anchor) + len(p.section) + 12
			}
			b := make(buf, 0, size)
			appendUnits(&b, ps)
			out.blocks[k] = appendUTF16LE(b, r.blocks[k].text)
			r.blocks[k].text = ""
		}
		// The blocks hold them now: on a large site the bodies are a copy
		// of its whole text, which the rest of the export does not need.
		r.body, r.parts = "", nil
		return out, nil
	}, func(gid int, body body) error {
		for _, data := range body.blocks {
			at, err := x.files.add("b", data)
			if err != nil {
				return err
			}
			x.bodys[gid].blocks = append(x.bodys[gid].blocks, at)
		}
		x.blocks.add(gid, body.starts)
		return nil
	})
}

// appendUTF16LE appends s in UTF-16LE, as utf16.Encode([]rune(s)) does.
func appendUTF16LE(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, c, 0)
			i++
			continue
		}
		if r, ok := han3(s, i); ok {
			b = append(b, byte(r), byte(r>>8))
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x10000 {
			b = append(b, byte(r), byte(r>>8))
			continue
		}
		r1, r2 := utf16.EncodeRune(r)
		b = append(b, byte(r1), byte(r1>>8), byte(r2), byte(r2>>8))
	}
	return b
}

// partsOf lists the parts a block from rune start to end needs.
func partsOf(parts []part, start, end int) []part {
	var out []part
	for i, p := range parts {
		if p.rune <= start && (i+1 == len(parts) || parts[i+1].rune > start) {
			out = append(out, p)
		} else if p.rune > start && p.rune < end {
			out = append(out, p)
		}
	}
	if len(out) == 0 && len(parts) > 0 {
		out = append(out, parts[0])
	}
	return out
}

// metaChunk encodes what a hit shows, MetaChunk records per chunk:
//
//	per record: id ("" when it is the href), href, title, section, doc number
//	  (a record other than its document's rep: "#anchor", "", section as
//	  the prefix it shares with the anchor and the rest, ""),
//	  body runes, nblocks, per block: first rune - previous first rune,
//	  pos - previous pos, ref (see writeBodies)
//
// A ref is pack, offset, length; after the first block, 2×length when the
// block follows the previous one in its pack (writeBodies adds a record's
// blocks in order, so all but one at a pack's end do), else 2×length+1,
// pack, offset: a third of a long record's metadata was offsets.
func (x *exporter) metaChunk(c int) []byte {
	var b buf
	for gid := c * x.lay.metaChunk; gid < min(len(x.recs), (c+1)*x.lay.metaChunk); gid++ {
		r := &x.recs[gid]
		if r.id == r.href {
			b.str("")
		} else {
			b.str(r.id)
		}
		// Hits are documents (issue 14): title and 文号 are shown from the
		// record that stands for the document; a part only needs its anchor.
		if rep := x.docs.rep(x.docs.of[gid]); rep != gid && strings.HasPrefix(r.href, docURL(x.recs[rep].href)+"#") {
			anchor := r.href[len(docURL(x.recs[rep].href)):]
			b.str(anchor)
			b.str("")
			n, rest := sharedPrefix(anchor[1:], r.section) // as in body blocks (units.go)
			b.int(n)
			b.str(rest)
			b.str("")
		} else {
			b.str(r.href)
			b.str(r.title)
			b.str(r.section)
			b.str(r.docNumber)
		}
		b.int(r.runes)
		b.int(len(r.blocks))
		lastRune, lastPos := 0, 0
		for k, blk := range r.blocks {
			b.int(blk.rune - lastRune)
			b.int(blk.pos - lastPos)
			at := x.bodys[gid].blocks[k]
			if k == 0 {
				at.encode(&b)
			} else if prev := x.bodys[gid].blocks[k-1]; at.pack == prev.pack && at.off == prev.off+prev.len {
				b.int(2 * at.len)
			} else {
				b.int(2*at.len + 1)
				b.int(at.pack)
				b.int(at.off)
			}
			lastRune, lastPos = blk.rune, blk.pos
		}
	}
	return b
}

// exportField writes every posting list of one field into the dictionary.
func (x *exporter) exportField(fi int) error {
	spec := exportFields[fi]
	terms, err := x.terms.of(fi)
	if err != nil {
		return err
	}
	x.dict.setTerms(fi, terms)
	fe := fieldEncoding{spec: spec, blocks: &x.blocks, normCache: x.norms}
	readers := make([]*postingsReader, workers())
	for w := range readers {
		r, err := x.src.newPostingsReader(fe)
		if err != nil {
			return err
		}
		readers[w] = r
	}
	scratch := make([]listScratch, len(readers))
	return ordered(len(terms), 64, func(w, i int) (encodedList, error) {
		ps, enc, df, err := readers[w].postingsOf(terms[i])
		if err != nil {
			return encodedList{}, fmt.Errorf("static: reading postings: %w", err)
		}
		l := x.encodeList(fi, fe, ps, enc, df, &scratch[w])
		l.hash = termHash(terms[i])
		return l, nil
	}, func(i int, l encodedList) error {
		part, err := x.placeList(l)
		if err != nil {
			return err
		}
		x.dict.add(fi, i, l.hash, part)
		return nil
	})
}

// encodedList is one list ready to be placed: the start of its entry part
// and the objects it refers to.
type encodedList struct {
	hash uint32 // of the term
	// part is the entry's field number, df…, kind and, for listInline,
	// the list: the whole part; the others' refs follow when placed.
	part   buf
	kind   int
	medium []byte // listMedium: the inline form, stored raw
	large  external
	member []byte // listExternal: gzip of the membership
}

func (x *exporter) encodeList(fi int, fe fieldEncoding, ps []posting, enc []byte, df []int, sc *listScratch) encodedList {
	var l encodedList
	head := sc.head[:0]
	head.int(fi)
	for _, n := range df {
		head.int(n)
	}
	sc.head = head
	if inline, ok := inlineUpTo(ps, enc, x.lay.mediumMax, sc); ok {
		if len(inline) <= x.lay.inlineMax {
			l.kind, l.part = listInline, entryPart(head, listInline, inline, 0)
		} else {
			// varints: gzip would save a sixth
			l.kind, l.part, l.medium = listMedium, entryPart(head, listMedium, nil, 3*binary.MaxVarintLen32), slices.Clone(inline)
		}
		return l
	}
	l.kind = listExternal
	l.part = entryPart(head, listExternal, nil, 0)
	l.large = fe.external(ps, enc, x.lay, sc)
	l.member = x.files.gzipped(l.large.membership)
	l.large.membership = nil // the scratch's
	return l
}

// entryPart copies head, kind and list into a part of its own, with room
// for spare more bytes: most terms' lists are inline, and a part made at
// its final size spares them copies and allocations.
func entryPart(head buf, kind int, list []byte, spare int) buf {
	b := make(buf, 0, len(head)+1+len(list)+spare)
	b = append(b, head...)
	b.int(kind)
	return append(b, list...)
}

// placeList adds a list's objects to the packs and returns its entry part.
func (x *exporter) placeList(l encodedList) ([]byte, error) {
	b := l.part
	switch l.kind {
	case listInline:
		return b, nil
	case listMedium:
		r, err := x.files.add("l", l.medium)
		r.encode(&b)
		return b, err
	}
	member, err := x.files.add("l", l.member)
	if err != nil {
		return nil, err
	}
	details, err := x.files.add("q", l.large.details)
	if err != nil {
		return nil, err
	}
	impact, err := x.files.add("q", l.large.impact)
	if err != nil {
		return nil, err
	}
	member.encode(&b)
	details.encode(&b)
	impact.encode(&b)
	b.int(len(l.large.blocks))
	for _, n := range l.large.blocks {
		b.int(n)
	}
	return b, nil
}
