package collect

import (
	"strings"
	"testing"
	"weak"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestStoredLRU: entries leave first in, first out once the size bound is
// passed; a record too big for the cache is not kept; another snapshot or
// another list of names is another key.
func TestStoredLRU(t *testing.T) {
	ss, other := new(scorch.SegmentSnapshot), new(scorch.SegmentSnapshot)
	names := []string{"a"}
	key := func(s *scorch.SegmentSnapshot, doc uint64) storedKey {
		return storedKey{seg: weak.Make(s), doc: doc, names: &names[0]}
	}
	rec := StoredFields{"a": strings.Repeat("x", 100)}
	c := newStoredLRU(20 * storedSize(rec))
	for d := range uint64(45) {
		c.put(key(ss, d), rec)
	}
	if len(c.m) != 20 || c.size > c.limit {
		t.Fatalf("%d entries, %d bytes of %d", len(c.m), c.size, c.limit)
	}
	for d := range uint64(45) {
		if _, ok := c.get(key(ss, d)); ok != (d >= 25) {
			t.Errorf("doc %d cached %v, want %v", d, ok, d >= 25)
		}
	}
	if _, ok := c.get(key(other, 30)); ok {
		t.Error("another snapshot's record found")
	}
	names2 := []string{"a"}
	if _, ok := c.get(storedKey{seg: weak.Make(ss), doc: 30, names: &names2[0]}); ok {
		t.Error("another list of names found")
	}
	c.put(key(ss, 99), StoredFields{"a": strings.Repeat("x", c.limit)})
	if _, ok := c.get(key(ss, 99)); ok {
		t.Error("a record bigger than a sixteenth of the cache was kept")
	}
	if len(c.order)-c.head != len(c.m) {
		t.Errorf("order holds %d keys for %d entries", len(c.order)-c.head, len(c.m))
	}
}
