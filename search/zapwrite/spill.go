package zapwrite

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// A segment's kept postings are as large as a third of what its Builder
// held. A writer that spills segments to stay within a memory budget keeps
// their postings in a file instead (KeepPostingsIn): written as each field
// is, read back a bounded chunk at a time by a ListReader.

// spillFile is the file a segment's kept postings are written to.
type spillFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
	at   int64
	err  error
	tmp  []byte
}

// KeepPostingsIn is KeepPostings with the postings lists written to a new
// file in dir ("" is os.TempDir()) rather than held in memory; the terms
// and field lengths stay in memory. Postings.Close removes the file.
func (b *Builder) KeepPostingsIn(dir string) error {
	f, err := os.CreateTemp(dir, "gongkai-postings-*")
	if err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	b.kept = &Postings{fields: map[string]*FieldPostings{}, spill: &spillFile{path: f.Name(), f: f, w: bufio.NewWriterSize(f, 1<<20)}}
	return nil
}

// write appends a field's postings and positions and returns where each starts.
func (s *spillFile) write(postings []posting, locs []uint32) (postAt, locAt int64) {
	postAt = s.at
	for len(postings) > 0 && s.err == nil {
		n := min(len(postings), 8192)
		s.tmp = s.tmp[:0]
		for _, p := range postings[:n] {
			s.tmp = binary.LittleEndian.AppendUint32(s.tmp, p.doc)
			s.tmp = binary.LittleEndian.AppendUint32(s.tmp, p.freq)
		}
		s.put(s.tmp)
		postings = postings[n:]
	}
	locAt = s.at
	for len(locs) > 0 && s.err == nil {
		n := min(len(locs), 16384)
		s.tmp = s.tmp[:0]
		for _, l := range locs[:n] {
			s.tmp = binary.LittleEndian.AppendUint32(s.tmp, l)
		}
		s.put(s.tmp)
		locs = locs[n:]
	}
	return postAt, locAt
}

func (s *spillFile) put(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
		s.at += int64(len(b))
	}
}

// finishSpill flushes the spill file once every field is written.
func (p *Postings) finishSpill() error {
	if p.spill == nil {
		return nil
	}
	if p.spill.err == nil {
		p.spill.err = p.spill.w.Flush()
	}
	p.spill.w, p.spill.tmp = nil, nil
	if p.spill.err != nil {
		return fmt.Errorf("zapwrite: keeping postings in %s: %w", p.spill.path, p.spill.err)
	}
	return nil
}

// Close lets go of postings kept in a file (KeepPostingsIn) and removes
// it; for postings in memory it does nothing. They must not be read after.
func (p *Postings) Close() error {
	if p == nil || p.spill == nil || p.spill.f == nil {
		return nil
	}
	err := p.spill.f.Close()
	p.spill.f = nil
	return errors.Join(err, os.Remove(p.spill.path))
}

// OnDisk reports whether the postings lists are in a file (KeepPostingsIn).
func (p *Postings) OnDisk() bool { return p.spill != nil }

// ListReader reads the postings lists of one field wherever they are kept,
// from a file a chunk at a time: reading terms in dictionary order, most
// lists are then in the chunk read for an earlier one. Not safe for
// concurrent use: one per goroutine.
type ListReader struct {
	f     *FieldPostings
	posts []posting // postings [pFrom, pFrom+len(posts)) of the field
	pFrom int
	locs  []uint32 // positions [lFrom, lFrom+len(locs))
	lFrom int
	raw   []byte
}

// How much a ListReader reads at once, at least: 256 KB of each.
const (
	readPostings = 32 << 10
	readLocs     = 64 << 10
)

// NewReader returns a reader of the field's lists.
func (f *FieldPostings) NewReader() *ListReader { return &ListReader{f: f} }

// List returns the postings of Terms()[term]; they live in the reader
// until its next List.
func (r *ListReader) List(term int) (List, error) {
	f := r.f
	if f.file == nil {
		return f.List(term), nil
	}
	ps, pe := int(f.starts[term]), int(f.starts[term+1])
	ls, le := int(f.locStarts[term]), int(f.locStarts[term+1])
	if ps < r.pFrom || pe > r.pFrom+len(r.posts) {
		n := min(max(pe-ps, readPostings), int(f.starts[len(f.terms)])-ps)
		if err := r.read(f.postAt+8*int64(ps), 8*n); err != nil {
			return List{}, err
		}
		r.posts = r.posts[:0]
		for i := 0; i < len(r.raw); i += 8 {
			r.posts = append(r.posts, posting{doc: binary.LittleEndian.Uint32(r.raw[i:]), freq: binary.LittleEndian.Uint32(r.raw[i+4:])})
		}
		r.pFrom = ps
	}
	if ls < r.lFrom || le > r.lFrom+len(r.locs) {
		n := min(max(le-ls, readLocs), int(f.locStarts[len(f.terms)])-ls)
		if err := r.read(f.locAt+4*int64(ls), 4*n); err != nil {
			return List{}, err
		}
		r.locs = r.locs[:0]
		for i := 0; i < len(r.raw); i += 4 {
			r.locs = append(r.locs, binary.LittleEndian.Uint32(r.raw[i:]))
		}
		r.lFrom = ls
	}
	return List{
		postings: r.posts[ps-r.pFrom : pe-r.pFrom],
		locs:     r.locs[ls-r.lFrom : le-r.lFrom],
		norms:    f.norms,
	}, nil
}

func (r *ListReader) read(at int64, n int) error {
	if cap(r.raw) < n {
		r.raw = make([]byte, n)
	}
	r.raw = r.raw[:n]
	if _, err := r.f.file.ReadAt(r.raw, at); err != nil {
		return fmt.Errorf("zapwrite: reading kept postings: %w", err)
	}
	return nil
}
