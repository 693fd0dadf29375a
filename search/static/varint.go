package static

import (
	"encoding/binary"
	"errors"
)

// buf is an append-only byte buffer of varints and strings, the building
// block of every file format here.
type buf []byte

func (b *buf) uvarint(v uint64) { *b = binary.AppendUvarint(*b, v) }
func (b *buf) int(v int) {
	if uint(v) < 0x80 { // most are: lengths, deltas, frequencies
		*b = append(*b, byte(v))
		return
	}
	b.uvarint(uint64(v))
}
func (b *buf) bytes(p []byte) { *b = append(*b, p...) }

func (b *buf) str(s string) {
	b.int(len(s))
	*b = append(*b, s...)
}

// reader decodes what buf wrote; the first error sticks and every later read
// returns zero, so decoders check err once at the end.
type reader struct {
	p   []byte
	err error
}

var errShort = errors.New("static: truncated data")

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.p)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.p = r.p[n:]
	return v
}

func (r *reader) int() int { return int(r.uvarint()) }

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.p) {
		r.err = errShort
		return nil
	}
	out := r.p[:n]
	r.p = r.p[n:]
	return out
}

func (r *reader) str() string { return string(r.bytes(r.int())) }

func (r *reader) done() bool { return len(r.p) == 0 || r.err != nil }
