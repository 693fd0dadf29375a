package static

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search"
	"github.com/spf13/afero"
)

// exportFields are the indexed fields a query searches, numbered by their
// place here. Boosts are search/compile.go's (textFields, docKeyBoost).
var exportFields = []FieldSpec{
	{Name: "title", Boost: 4, Positions: true},
	{Name: "doc_number", Boost: 3, Positions: true},
	{Name: "section", Boost: 2, Positions: true},
	{Name: "body", Boost: 1, Positions: true, Blocks: true},
	{Name: "chars", Boost: 1},
	{Name: "doc_key", Boost: 6},
}

// facetNames are search's facets, in display order (search/mapping.go).
var facetNames = []string{"type", "issuer", "year", "department", "status", "level", "village", "genre"}

// Export reads the bleve index at indexDir (an OS path, opened read-only
// with bleve) and writes its static form into out under dir (e.g.
// "/_search/static"): content-hashed files and manifest.json, written last.
// dir must be empty or missing. It returns the manifest.
func Export(indexDir string, out afero.Fs, dir string) (*Manifest, error) {
	if err := checkEmpty(out, dir); err != nil {
		return nil, err
	}
	src, err := openSource(indexDir)
	if err != nil {
		return nil, err
	}
	defer src.close()
	return exportWith(defaultLayout, src, out, dir)
}

func exportWith(lay layout, src *source, out afero.Fs, dir string) (*Manifest, error) {
	// The export allocates many short-lived postings; collecting less often
	// saves a tenth of its time for about 200 MB more.
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	x := &exporter{lay: lay, src: src, files: newFiles(out, dir, lay.packSize), dict: newDictionary(),
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
	lay      layout
	src      *source
	files    *files
	dict     *dictionary
	recs     []record
	blockPos [][]int32 // per gid: where the positions of each body block start; nil for one block
	norms    []float32 // normOf for short fields
	bodys    []bodyRef // per gid

	trace bool
	start time.Time
}

// bodyRef locates a record's body blocks.
type bodyRef struct {
	blocks []ref
}

func (x *exporter) lap(what string) {
	if x.trace {
		fmt.Fprintf(os.Stderr, "static export: %-10s %v\n", what, time.Since(x.start).Round(time.Millisecond))
	}
}

func (x *exporter) run() (*Manifest, error) {
	x.start = time.Now()
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
	metaLens, metaPacks, err := x.sequence("m", x.metaChunks())
	if err != nil {
		return nil, err
	}
	man.MetaPacks = metaPacks
	if man.Groups, err = x.files.put("g", encodeGroups(x.recs)); err != nil {
		return nil, err
	}
	x.lap("meta")
	for fi := range exportFields {
		if err := x.exportField(fi); err != nil {
			return nil, err
		}
		x.lap(exportFields[fi].Name)
	}
	bucketLens, dictPacks, err := x.sequence("d", x.dict.buckets(x.lay.bucketBytes))
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

// sequence compresses objects in parallel and adds them to packs of kind
// in order. It returns each one's stored length and, per pack used, the
// pack and the first object in it: enough for a reader to locate object i.
func (x *exporter) sequence(kind string, objects [][]byte) ([]int, [][2]int, error) {
	lens := make([]int, len(objects))
	var packs [][2]int
	err := ordered(len(objects), 64, func(i int) ([]byte, error) {
		return x.files.gzipped(objects[i]), nil
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
//	nparts, per part: anchor, section, first rune; then the text in UTF-16LE
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
	x.blockPos = make([][]int32, len(x.recs))
	x.norms = make([]float32, 1<<16)
	for l := 1; l < len(x.norms); l++ {
		x.norms[l] = normOf(l)
	}
	return ordered(len(x.recs), 256, func(gid int) ([][]byte, error) {
		r := &x.recs[gid]
		if r.body == "" {
			return nil, nil
		}
		r.blocks = cutBlocks(r.body)
		if r.blocks == nil {
			r.blocks = []textBlock{{text: r.body}}
		} else {
			blockOffsets(r.blocks)
			starts := make([]int32, len(r.blocks))
			for k, b := range r.blocks {
				starts[k] = int32(b.pos)
			}
			x.blockPos[gid] = starts
		}
		out := make([][]byte, len(r.blocks))
		for k := range r.blocks {
			end := utf8.RuneCountInString(r.body)
			if k+1 < len(r.blocks) {
				end = r.blocks[k+1].rune
			}
			var b buf
			ps := partsOf(r.parts, r.blocks[k].rune, end)
			b.int(len(ps))
			for _, p := range ps {
				b.str(p.anchor)
				b.str(p.section)
				b.int(p.rune)
			}
			for _, u := range utf16.Encode([]rune(r.blocks[k].text)) {
				b = append(b, byte(u), byte(u>>8))
			}
			out[k] = b
			r.blocks[k].text = ""
		}
		return out, nil
	}, func(gid int, blocks [][]byte) error {
		for _, data := range blocks {
			at, err := x.files.add("b", data)
			if err != nil {
				return err
			}
			x.bodys[gid].blocks = append(x.bodys[gid].blocks, at)
		}
		return nil
	})
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

// metaChunks encodes what a hit shows, MetaChunk records per chunk:
//
//	per record: id ("" when it is the href), href, title, section, doc number,
//	  body runes, nblocks, per block: first rune - previous first rune,
//	  pos - previous pos, ref (see writeBodies)
//
// A ref is pack, offset, length.
func (x *exporter) metaChunks() [][]byte {
	metaChunk := x.lay.metaChunk
	out := make([][]byte, (len(x.recs)+metaChunk-1)/metaChunk)
	for c := range out {
		var b buf
		for gid := c * metaChunk; gid < min(len(x.recs), (c+1)*metaChunk); gid++ {
			r := &x.recs[gid]
			if r.id == r.href {
				b.str("")
			} else {
				b.str(r.id)
			}
			b.str(r.href)
			b.str(r.title)
			b.str(r.section)
			b.str(r.docNumber)
			b.int(utf8.RuneCountInString(r.body))
			b.int(len(r.blocks))
			lastRune, lastPos := 0, 0
			for k, blk := range r.blocks {
				b.int(blk.rune - lastRune)
				b.int(blk.pos - lastPos)
				x.bodys[gid].blocks[k].encode(&b)
				lastRune, lastPos = blk.rune, blk.pos
			}
		}
		out[c] = b
	}
	return out
}

// exportField writes every posting list of one field into the dictionary.
func (x *exporter) exportField(fi int) error {
	spec := exportFields[fi]
	var lists [][]string
	for _, sh := range x.src.shards {
		terms, err := termsOf(sh.reader, spec.Name)
		if err != nil {
			return fmt.Errorf("static: listing terms of %s: %w", spec.Name, err)
		}
		lists = append(lists, terms)
	}
	terms := mergeSorted(lists)
	fe := fieldEncoding{spec: spec, blockPos: x.blockPos, normCache: x.norms}
	var pool sync.Pool
	return ordered(len(terms), 64, func(i int) (encodedList, error) {
		sc, _ := pool.Get().(*scratch)
		if sc == nil {
			sc = &scratch{}
		}
		defer pool.Put(sc)
		ps, df, err := x.src.postingsOf(terms[i], spec.Name, spec.Positions, sc)
		if err != nil {
			return encodedList{}, fmt.Errorf("static: reading postings of %q in %s: %w", terms[i], spec.Name, err)
		}
		return x.encodeList(fi, fe, ps, df), nil
	}, func(i int, l encodedList) error {
		part, err := x.placeList(l)
		if err != nil {
			return err
		}
		x.dict.add(terms[i], part)
		return nil
	})
}

// encodedList is one list ready to be placed: the entry's head and the
// objects it refers to.
type encodedList struct {
	head   buf
	kind   int
	inline buf    // listInline
	medium []byte // listMedium: gzip of the inline form
	large  external
	member []byte // listExternal: gzip of the membership
}

func (x *exporter) encodeList(fi int, fe fieldEncoding, ps []posting, df []int) encodedList {
	var l encodedList
	l.head.int(fi)
	for _, n := range df {
		l.head.int(n)
	}
	if inline, ok := fe.inlineUpTo(ps, x.lay.mediumMax); ok {
		if len(inline) <= x.lay.inlineMax {
			l.kind, l.inline = listInline, inline
		} else {
			l.kind, l.medium = listMedium, inline // varints: gzip would save a sixth
		}
		return l
	}
	l.kind = listExternal
	l.large = fe.external(ps, x.lay)
	l.member = x.files.gzipped(l.large.membership)
	return l
}

// placeList adds a list's objects to the packs and returns its entry part.
func (x *exporter) placeList(l encodedList) ([]byte, error) {
	b := l.head
	b.int(l.kind)
	switch l.kind {
	case listInline:
		b.bytes(l.inline)
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

// mergeSorted merges sorted lists, dropping duplicates.
func mergeSorted(lists [][]string) []string {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	sort.Strings(all)
	out := all[:0]
	for i, t := range all {
		if i == 0 || t != all[i-1] {
			out = append(out, t)
		}
	}
	return out
}
