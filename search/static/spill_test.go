package static

import (
	"testing"

	"github.com/gongkai/gongkai/search"
)

// TestSpilledIndexExportsTheSame writes one corpus twice, the second time
// with a memory budget so small that every shard is written in several
// segments and their postings kept in files: the exports must be the same
// bytes, read from the kept postings or decoded from the segments.
func TestSpilledIndexExportsTheSame(t *testing.T) {
	records := corpusRecords(t)
	whole, wholeKept := buildIndexWith(t, records, search.Options{Shards: 2, MemoryBudget: -1})
	split, splitKept := buildIndexWith(t, records, search.Options{Shards: 2, MemoryBudget: 200 << 10})
	src, err := openSource(split, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range src.shards {
		if len(sh.segs) < 3 {
			t.Errorf("a shard of %d segments; the budget should have split it in more", len(sh.segs))
		}
	}
	src.close()
	onDisk := 0
	for _, ps := range splitKept {
		for _, p := range ps {
			if p.OnDisk() {
				onDisk++
			}
		}
	}
	if onDisk == 0 {
		t.Fatal("no postings were kept in a file")
	}
	for name, lay := range map[string]layout{"tiny": tinyLayout, "default": defaultLayout} {
		want := exportFiles(t, lay, whole, wholeKept, 2)
		sameFiles(t, name+", segments kept in files", exportFiles(t, lay, split, splitKept, 2), want)
		sameFiles(t, name+", segments decoded", exportFiles(t, lay, split, nil, 0), want)
	}
}
