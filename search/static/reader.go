package static

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/spf13/afero"
)

// Reader decodes an export the way the browser client does, for tests and
// tools. It reads from an afero.Fs instead of over HTTP.
type Reader struct {
	fs      afero.Fs
	dir     string
	man     *Manifest
	buckets []ref
	metas   []ref
	groups  *groupTable
	packs   map[int][]byte
}

// OpenReader reads the manifest, directory and groups of the export at dir.
func OpenReader(fs afero.Fs, dir string) (*Reader, error) {
	man, err := ReadManifest(fs, dir)
	if err != nil {
		return nil, err
	}
	r := &Reader{fs: fs, dir: dir, man: man, packs: map[int][]byte{}}
	d, err := r.file(man.Directory)
	if err != nil {
		return nil, err
	}
	rd := &reader{p: d}
	r.buckets = locate(rd, man.DictPacks)
	r.metas = locate(rd, man.MetaPacks)
	if rd.err != nil || len(r.buckets) != man.Buckets {
		return nil, fmt.Errorf("static: %s is damaged; rebuild the site", man.Directory)
	}
	g, err := r.file(man.Groups)
	if err != nil {
		return nil, err
	}
	if r.groups, err = decodeGroups(g, len(man.GroupFields), man.Records); err != nil {
		return nil, fmt.Errorf("static: %s: %w", man.Groups, err)
	}
	return r, nil
}

// locate turns a directory's lengths into object locations, given the
// first object of each pack.
func locate(rd *reader, packs [][2]int) []ref {
	n := rd.int()
	out := make([]ref, 0, n)
	p, off := -1, 0
	for i := 0; i < n && rd.err == nil; i++ {
		if p+1 < len(packs) && packs[p+1][1] == i {
			p++
			off = 0
		}
		if p < 0 {
			rd.err = errShort
			break
		}
		l := rd.int()
		out = append(out, ref{pack: packs[p][0], off: off, len: l})
		off += l
	}
	return out
}

// Manifest returns the export's manifest.
func (r *Reader) Manifest() *Manifest { return r.man }

func (r *Reader) file(name string) ([]byte, error) {
	data, err := afero.ReadFile(r.fs, path.Join(r.dir, name))
	if err != nil {
		return nil, fmt.Errorf("static: reading %s: %w", name, err)
	}
	return gunzip(data)
}

func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// object reads bytes of a pack, decompressing when gz.
func (r *Reader) object(at ref, gz bool) ([]byte, error) {
	p, ok := r.packs[at.pack]
	if !ok {
		if at.pack < 0 || at.pack >= len(r.man.Packs) {
			return nil, fmt.Errorf("static: pack %d does not exist", at.pack)
		}
		var err error
		if p, err = afero.ReadFile(r.fs, path.Join(r.dir, r.man.Packs[at.pack])); err != nil {
			return nil, err
		}
		r.packs[at.pack] = p
	}
	if at.off < 0 || at.len < 0 || at.off+at.len > len(p) {
		return nil, fmt.Errorf("static: object %+v lies outside its pack", at)
	}
	data := p[at.off : at.off+at.len]
	if gz {
		return gunzip(data)
	}
	return data, nil
}

func readRef(rd *reader) ref { return ref{pack: rd.int(), off: rd.int(), len: rd.int()} }

// Posting is one decoded posting.
type Posting struct {
	GID, TF, Len int
	Long         bool  // body field: the record's body is cut into blocks
	FirstBlock   int   // body field of a long record: block of the first position
	Pos          []int // positions, for fields that keep them
}

// List is one term's postings in one field.
type List struct {
	Form     string // inline, medium or large
	DF       []int  // per shard
	Postings []Posting
	Impact   []Posting // large lists: the impact blocks, in order
}

// Lookup decodes every list of term, keyed by field name; nil when the
// export does not know the term.
func (r *Reader) Lookup(term string) (map[string]*List, error) {
	data, err := r.object(r.buckets[bucketOf(term, r.man.Buckets)], false)
	if err != nil {
		return nil, err
	}
	rd := &reader{p: data}
	for n := rd.int(); n > 0 && rd.err == nil; n-- {
		t := rd.str()
		lists, err := r.entry(rd)
		if err != nil {
			return nil, fmt.Errorf("static: entry %q: %w", t, err)
		}
		if t == term {
			return lists, nil
		}
	}
	return nil, rd.err
}

func (r *Reader) entry(rd *reader) (map[string]*List, error) {
	out := map[string]*List{}
	for nf := rd.int(); nf > 0 && rd.err == nil; nf-- {
		fi := rd.int()
		if fi >= len(r.man.Fields) {
			return nil, fmt.Errorf("unknown field %d", fi)
		}
		spec := r.man.Fields[fi]
		l := &List{DF: make([]int, len(r.man.Shards))}
		total := 0
		for i := range l.DF {
			l.DF[i] = rd.int()
			total += l.DF[i]
		}
		var err error
		switch kind := rd.int(); kind {
		case listInline:
			l.Form = "inline"
			l.Postings = decodePostings(rd, spec, total, -1, true)
		case listMedium:
			l.Form = "medium"
			var data []byte
			if data, err = r.object(readRef(rd), false); err == nil {
				l.Postings = decodePostings(&reader{p: data}, spec, total, -1, true)
			}
		case listExternal:
			l.Form = "large"
			err = r.large(rd, spec, l)
		default:
			err = fmt.Errorf("unknown list kind %d", kind)
		}
		if err == nil && rd.err == nil && len(l.Postings) != total {
			err = fmt.Errorf("field %s: %d postings, df says %d", spec.Name, len(l.Postings), total)
		}
		if err != nil {
			return nil, err
		}
		out[spec.Name] = l
	}
	return out, rd.err
}

// large decodes the three objects of a large list and checks that they
// agree with each other.
func (r *Reader) large(rd *reader, spec FieldSpec, l *List) error {
	memberAt, detailsAt, impactAt := readRef(rd), readRef(rd), readRef(rd)
	var blocks []int
	for n := rd.int(); n > 0 && rd.err == nil; n-- {
		blocks = append(blocks, rd.int())
	}
	member, err := r.object(memberAt, true)
	if err != nil {
		return err
	}
	mr := &reader{p: member}
	n := mr.int()
	gids := make([]int, 0, n)
	for g := -1; len(gids) < n && mr.err == nil; {
		g += 1 + mr.int()
		gids = append(gids, g)
	}
	details, err := r.object(detailsAt, false)
	if err != nil {
		return err
	}
	off := 0
	for i := 0; i < n && mr.err == nil; i += r.man.ChunkSize {
		size := mr.int()
		if off+size > len(details) {
			return errShort
		}
		cr := &reader{p: details[off : off+size]}
		for k := i; k < min(i+r.man.ChunkSize, n); k++ {
			p := decodePostings(cr, spec, 1, -1, false)
			if len(p) == 0 {
				return errShort
			}
			p[0].GID = gids[k]
			l.Postings = append(l.Postings, p[0])
		}
		if !cr.done() || cr.err != nil {
			return fmt.Errorf("detail chunk at %d has %d bytes left over", i, len(cr.p))
		}
		off += size
	}
	if mr.err != nil || !mr.done() || off != len(details) {
		return fmt.Errorf("membership and details disagree")
	}
	impact, err := r.object(impactAt, false)
	if err != nil {
		return err
	}
	off = 0
	for _, n := range blocks {
		if off+n > len(impact) {
			return errShort
		}
		br := &reader{p: impact[off : off+n]}
		for !br.done() {
			p := Posting{GID: br.int(), TF: br.int(), FirstBlock: -1}
			decodeLength(br, spec, &p)
			l.Impact = append(l.Impact, p)
		}
		if br.err != nil {
			return br.err
		}
		off += n
	}
	return rd.err
}

// decodePostings reads n postings of the inline form; gids continue from
// prev. Detail chunks have no gids (withGid false).
func decodePostings(rd *reader, spec FieldSpec, n, prev int, withGid bool) []Posting {
	var out []Posting
	for ; n > 0 && rd.err == nil; n-- {
		p := Posting{GID: prev, FirstBlock: -1}
		if withGid {
			p.GID = prev + 1 + rd.int()
		}
		p.TF = rd.int()
		decodeLength(rd, spec, &p)
		if spec.Positions {
			last := 0
			for k := 0; k < p.TF && rd.err == nil; k++ {
				last += rd.int()
				p.Pos = append(p.Pos, last)
			}
		}
		prev = p.GID
		out = append(out, p)
	}
	return out
}

func decodeLength(rd *reader, spec FieldSpec, p *Posting) {
	v := rd.int()
	if !spec.Blocks {
		p.Len = v
		return
	}
	p.Len, p.Long = v>>1, v&1 == 1
	if p.Long {
		p.FirstBlock = rd.int()
	}
}

// Record is one record as a hit shows it.
type Record struct {
	ID, Href, Title, Section, DocNumber string
	Parts                               []Part
	Body                                string
	BodyRunes                           int
	Blocks                              []Block // nil for a short body
	Facets                              map[string][]string
	Date                                time.Time // zero when the record has none
	Doc                                 int       // document number: page URLs in byte order
	DocRecord                           int       // gid of the document's record without anchor, or -1
}

// Part is one unit of a grouped record; Rune is its offset in the body.
type Part struct {
	Anchor, Section string
	Rune            int
}

// Block is where one block of a long body starts.
type Block struct{ Rune, Pos int }

// Record decodes record gid, reading every block of its body.
func (r *Reader) Record(gid int) (*Record, error) {
	if gid < 0 || gid >= r.man.Records {
		return nil, fmt.Errorf("static: no record %d", gid)
	}
	data, err := r.object(r.metas[gid/r.man.MetaChunk], true)
	if err != nil {
		return nil, err
	}
	rd := &reader{p: data}
	for i := gid - gid%r.man.MetaChunk; rd.err == nil; i++ {
		rec := &Record{ID: rd.str(), Href: rd.str(), Title: rd.str(), Section: rd.str(), DocNumber: rd.str(), BodyRunes: rd.int()}
		if rec.ID == "" {
			rec.ID = rec.Href
		}
		var body strings.Builder
		seen := map[Part]bool{}
		lastRune, lastPos := 0, 0
		for nb := rd.int(); nb > 0 && rd.err == nil; nb-- {
			lastRune += rd.int()
			lastPos += rd.int()
			at := readRef(rd)
			if i != gid {
				continue
			}
			rec.Blocks = append(rec.Blocks, Block{Rune: lastRune, Pos: lastPos})
			b, err := r.object(at, false)
			if err != nil {
				return nil, err
			}
			br := &reader{p: b}
			for n := br.int(); n > 0 && br.err == nil; n-- {
				p := Part{Anchor: br.str(), Section: br.str(), Rune: br.int()}
				if !seen[p] {
					seen[p] = true
					rec.Parts = append(rec.Parts, p)
				}
			}
			if br.err != nil || len(br.p)%2 != 0 {
				return nil, fmt.Errorf("static: body block of record %d is damaged", gid)
			}
			u := make([]uint16, len(br.p)/2)
			for k := range u {
				u[k] = uint16(br.p[2*k]) | uint16(br.p[2*k+1])<<8
			}
			body.WriteString(string(utf16.Decode(u)))
		}
		if i == gid {
			rec.Body = body.String()
			rec.Facets, rec.Date = r.groups.of(gid, r.man.GroupFields)
			rec.Doc = r.groups.docOf[gid]
			rec.DocRecord = r.groups.docRec[rec.Doc]
			if rd.err == nil && strings.HasPrefix(rec.Href, "#") { // a part: the rest is its document's
				rep := rec.DocRecord
				if rep < 0 {
					rep = r.groups.first(rec.Doc)
				}
				if rep == gid {
					return nil, fmt.Errorf("static: record %d has no link", gid)
				}
				d, err := r.Record(rep)
				if err != nil {
					return nil, err
				}
				short := rec.Href
				rec.Href = docURL(d.Href) + short
				rec.Title, rec.DocNumber = d.Title, d.DocNumber
				if rec.ID == short { // an ID equal to its link is written as ""
					rec.ID = rec.Href
				}
			}
			return rec, rd.err
		}
	}
	return nil, rd.err
}

// groupTable is the decoded groups file (see groups.go).
type groupTable struct {
	groups  [][][]string // group → field → values
	dates   []int64      // group → Unix seconds, or noDate
	runs    []int        // run i ends before gid runs[i]
	runGrp  []int
	docOf   []int // gid → document number (URL order)
	docRec  []int // document → its document record's gid, or -1
	firstOf []int // document → its first gid
}

func (t *groupTable) first(d int) int { return t.firstOf[d] }

const noDate = -1 << 63

func decodeGroups(data []byte, nfields, records int) (*groupTable, error) {
	rd := &reader{p: data}
	strs := make([]string, rd.int())
	for i := range strs {
		strs[i] = rd.str()
	}
	t := &groupTable{}
	for n := rd.int(); n > 0 && rd.err == nil; n-- {
		g := make([][]string, nfields)
		for f := range g {
			for k := rd.int(); k > 0 && rd.err == nil; k-- {
				if s := rd.int(); s < len(strs) {
					g[f] = append(g[f], strs[s])
				} else {
					rd.err = errShort
				}
			}
		}
		t.groups = append(t.groups, g)
		d := int64(noDate)
		if v := rd.uvarint(); v > 0 {
			d = unzigzag(v - 1)
		}
		t.dates = append(t.dates, d)
	}
	end := 0
	for n := rd.int(); n > 0 && rd.err == nil; n-- {
		end += rd.int()
		t.runs = append(t.runs, end)
		t.runGrp = append(t.runGrp, rd.int())
	}
	if rd.err == nil && end != records {
		return nil, fmt.Errorf("runs cover %d records, not %d", end, records)
	}
	if rd.err != nil {
		return nil, rd.err
	}
	if err := t.decodeDocs(rd, records); err != nil {
		return nil, err
	}
	return t, rd.err
}

// decodeDocs reads the document table (groups.go encodeDocs).
func (t *groupTable) decodeDocs(rd *reader, records int) error {
	ndocs := rd.int()
	t.docOf = make([]int, 0, records)
	first := make([]int, ndocs)
	for i := range first {
		first[i] = -1
	}
	doc := 0
	for n := rd.int(); n > 0 && rd.err == nil; n-- {
		length := rd.int()
		doc += int(unzigzag(rd.uvarint()))
		if doc < 0 || doc >= ndocs || length > records-len(t.docOf) {
			return fmt.Errorf("document table is damaged")
		}
		if first[doc] < 0 {
			first[doc] = len(t.docOf)
		}
		for ; length > 0; length-- {
			t.docOf = append(t.docOf, doc)
		}
	}
	if rd.err == nil && len(t.docOf) != records {
		return fmt.Errorf("document runs cover %d records, not %d", len(t.docOf), records)
	}
	t.firstOf = first
	t.docRec = make([]int, ndocs)
	for d := range t.docRec {
		t.docRec[d] = -1
		if v := rd.int(); v > 0 {
			t.docRec[d] = first[d] + v - 1
		}
	}
	return rd.err
}

func (t *groupTable) of(gid int, names []string) (map[string][]string, time.Time) {
	i := 0
	for i < len(t.runs) && t.runs[i] <= gid {
		i++
	}
	g := t.runGrp[i]
	out := map[string][]string{}
	for f, vs := range t.groups[g] {
		if len(vs) > 0 {
			out[names[f]] = vs
		}
	}
	var d time.Time
	if t.dates[g] != noDate {
		d = time.Unix(t.dates[g], 0).UTC()
	}
	return out, d
}
