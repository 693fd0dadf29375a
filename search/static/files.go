package static

import (
	"bytes"
	stdgzip "compress/gzip"
	"encoding/binary"
	"fmt"
	"path"
	"sync"

	"github.com/cespare/xxhash/v2"
	"github.com/klauspost/compress/gzip"
	"github.com/spf13/afero"
)

// hashLen is how many bytes of a content hash name a file: 48 bits keep
// the chance of two files sharing a name negligible.
const hashLen = 6

// contentName is kind/<hash>.bin for a file holding data, the hash written
// in the letters a–p (one a nibble), never in digits: a hex name such as
// 18643897705f reads as a mobile number to the build's privacy guard, which
// then refuses to publish (it happened on a ×10 laws build). The hash only
// names the file for caches, so it need not be cryptographic: xxHash reads
// the laws export's 190 MB in a tenth of the time SHA-256 took (0.18 CPU-s,
// 5% of the export).
func contentName(kind string, data []byte) string {
	var sum [8]byte
	binary.BigEndian.PutUint64(sum[:], xxhash.Sum64(data))
	name := make([]byte, 0, 2*hashLen)
	for _, b := range sum[:hashLen] {
		name = append(name, 'a'+b>>4, 'a'+b&15)
	}
	return kind + "/" + string(name) + ".bin"
}

// files writes the export: standalone files (manifest, groups, directory)
// and packs, the files that hold every other object back to back. Objects
// are read from packs with HTTP Range requests; a host that ignores Range
// still works, the browser then fetching a whole pack once.
type files struct {
	fs       afero.Fs
	dir      string
	packSize int

	mu    sync.Mutex
	count int
	bytes int64
	made  map[string]bool
	packs []string         // pack index → file name, set when the pack is closed
	open  map[string]*pack // kind → pack being filled
	spare [][]byte         // buffers of packs written, for the next packs
	zips  sync.Pool
}

type pack struct {
	index int
	data  []byte
}

// ref locates an object: pack index, byte offset, length.
type ref struct{ pack, off, len int }

func (r ref) encode(b *buf) {
	b.int(r.pack)
	b.int(r.off)
	b.int(r.len)
}

func newFiles(fs afero.Fs, dir string, packSize int) *files {
	return &files{fs: fs, dir: dir, packSize: packSize, made: map[string]bool{}, open: map[string]*pack{}}
}

// gzipLevel is klauspost/compress's level 4: on the laws export's 31,000
// objects it compresses 0.2% smaller than the standard library's fastest
// level in 60% of the time. Its levels 1 to 3 are faster still but store
// varint streams (the directory, memberships) uncompressed: the directory,
// read by every first query, grew by half.
const gzipLevel = 4

// gzipped compresses data; each object is its own gzip stream, so a reader
// can decompress any one it fetched.
func (f *files) gzipped(data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data)/2 + 64)
	zw, _ := f.zips.Get().(*gzip.Writer)
	if zw == nil {
		zw, _ = gzip.NewWriterLevel(&out, gzipLevel)
	} else {
		zw.Reset(&out)
	}
	_, _ = zw.Write(data)
	_ = zw.Close()
	f.zips.Put(zw)
	return out.Bytes()
}

// gzipBest compresses a standalone file with the standard library at its
// best level: there are two (directory and groups), and klauspost/compress
// stores a varint stream in which its fast matcher finds no match
// uncompressed (the laws directory: 55 KB instead of 37, read by every first
// query).
func gzipBest(data []byte) []byte {
	var out bytes.Buffer
	zw, _ := stdgzip.NewWriterLevel(&out, stdgzip.BestCompression)
	_, _ = zw.Write(data)
	_ = zw.Close()
	return out.Bytes()
}

// bodyPackFactor is how many times packSize a pack of body blocks may hold.
// Larger body packs save a request or two per results page on a host that
// answers Range requests, but a host that ignores Range sends the whole pack:
// at 16 (16 MB) one search could cost a resident's phone tens of megabytes,
// so body packs stay at packSize.
const bodyPackFactor = 1

// add appends an object to the pack of its kind (objects of one kind sit
// together, so neighbours can be read in one request). Callers add in a
// fixed order so that an export is reproducible.
func (f *files) add(kind string, data []byte) (ref, error) {
	f.mu.Lock()
	p := f.open[kind]
	limit := f.packSize
	if kind == "b" {
		// A page reads body blocks of ten documents, each in the pack
		// its records' blocks were added to: fewer, larger body packs
		// mean fewer requests (300 bytes each in Chrome). 16 MB stays
		// under the smallest per-file limit of common static hosts
		// (Cloudflare Pages: 25 MiB).
		limit *= bodyPackFactor
	}
	if p != nil && len(p.data) > 0 && len(p.data)+len(data) > limit {
		if err := f.closePack(p); err != nil {
			f.mu.Unlock()
			return ref{}, err
		}
		p = nil
	}
	if p == nil {
		p = &pack{index: len(f.packs), data: f.packBuffer(len(data))}
		f.packs = append(f.packs, "")
		f.open[kind] = p
	}
	r := ref{pack: p.index, off: len(p.data), len: len(data)}
	p.data = append(p.data, data...)
	f.mu.Unlock()
	return r, nil
}

// closePack writes p as k/<hash>.bin; f.mu is held.
func (f *files) closePack(p *pack) error {
	name := contentName("k", p.data)
	f.packs[p.index] = name
	err := f.writeLocked(name, p.data)
	f.spare = append(f.spare, p.data[:0])
	p.data = nil
	return err
}

// packBuffer is an empty buffer for a pack whose first object has n bytes.
// Packs are sized up front, since growing one by doubling copied each byte
// twice, and the buffers of packs written are reused: a filesystem does not
// keep what it was given to write, and fresh memory for each pack cost the
// laws export 190 MB of allocations and as many page faults.
func (f *files) packBuffer(n int) []byte {
	if k := len(f.spare) - 1; k >= 0 && cap(f.spare[k]) >= n {
		b := f.spare[k]
		f.spare = f.spare[:k]
		return b
	}
	return make([]byte, 0, max(f.packSize, n))
}

// finish closes every open pack.
func (f *files) finish() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for kind, p := range f.open {
		if err := f.closePack(p); err != nil {
			return err
		}
		delete(f.open, kind)
	}
	return nil
}

// put writes data as a standalone kind/<hash>.bin, compressed, and returns
// its name.
func (f *files) put(kind string, data []byte) (string, error) {
	data = gzipBest(data)
	name := contentName(kind, data)
	f.mu.Lock()
	defer f.mu.Unlock()
	return name, f.writeLocked(name, data)
}

func (f *files) write(rel string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.writeLocked(rel, data)
}

func (f *files) writeLocked(rel string, data []byte) error {
	full := path.Join(f.dir, rel)
	if parent := path.Dir(full); !f.made[parent] {
		if err := f.fs.MkdirAll(parent, 0o755); err != nil {
			return fmt.Errorf("static: creating %s: %w", parent, err)
		}
		f.made[parent] = true
	}
	f.count++
	f.bytes += int64(len(data))
	if err := afero.WriteFile(f.fs, full, data, 0o644); err != nil {
		return fmt.Errorf("static: writing %s: %w", full, err)
	}
	return nil
}
