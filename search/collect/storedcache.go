package collect

import (
	"sync"
	"weak"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// storedCache keeps the stored fields of the records hits showed lately.
// Reading a record's fields decompresses all of them (snappy), and a page
// of hits reads some forty records: that was half the cost of reading
// them, for records that the same few popular queries show again and
// again. A segment never changes once written, so a record's fields keyed
// by its segment and number stay right; the key holds the segment's
// snapshot weakly, so the cache keeps no segment of a replaced snapshot
// alive (and a new snapshot at a reused address is a new key), and the
// entries of replaced ones age out.
var storedCache = newStoredLRU(storedCacheBytes)

// storedCacheBytes bounds the text the cache holds (bodies are at most a
// few KB: a record groups paragraphs up to about 1,500 characters).
const storedCacheBytes = 16 << 20

// storedKey is one record's fields as one list of names asks for them;
// the lists are package variables, so their first element tells them
// apart.
type storedKey struct {
	seg   weak.Pointer[scorch.SegmentSnapshot]
	doc   uint64
	names *string
}

// storedLRU is a size-bounded map whose entries leave in the order they
// came (first in, first out: a record shown again is found again as long
// as it came in recently, which is what popular queries need).
type storedLRU struct {
	mu    sync.Mutex
	limit int
	size  int
	m     map[storedKey]StoredFields
	order []storedKey // in insertion order, from head
	head  int
}

func newStoredLRU(limit int) *storedLRU {
	return &storedLRU{limit: limit, m: map[storedKey]StoredFields{}}
}

func (c *storedLRU) get(k storedKey) (StoredFields, bool) {
	c.mu.Lock()
	rec, ok := c.m[k]
	c.mu.Unlock()
	return rec, ok
}

func (c *storedLRU) put(k storedKey, rec StoredFields) {
	n := storedSize(rec)
	if n > c.limit/16 { // one huge record would push out many
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	for c.size+n > c.limit && c.head < len(c.order) {
		old := c.order[c.head]
		c.order[c.head] = storedKey{}
		c.head++
		c.size -= storedSize(c.m[old])
		delete(c.m, old)
	}
	if c.head > len(c.order)/2 { // drop the evicted keys' slots
		c.order = append(c.order[:0], c.order[c.head:]...)
		c.head = 0
	}
	c.m[k] = rec
	c.order = append(c.order, k)
	c.size += n
}

// storedSize is roughly the bytes a record's fields hold.
func storedSize(rec StoredFields) int {
	n := 64
	for k, v := range rec {
		n += len(k) + len(v) + 32
	}
	return n
}
