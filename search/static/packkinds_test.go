package static

import "testing"

// TestPackKinds checks that the kinds bench/staticsearch counts bytes by
// agree with where the export put each object: a body block's pack is a body
// pack, a bucket's a dictionary pack, a metadata chunk's a metadata pack,
// and no pack holds two kinds.
func TestPackKinds(t *testing.T) {
	fs, man := exportTiny(t, buildIndex(t, corpusRecords(t)))
	rd, err := OpenReader(fs, "/static")
	if err != nil {
		t.Fatal(err)
	}
	kinds, err := rd.PackKinds()
	if err != nil {
		t.Fatal(err)
	}
	if len(kinds) != len(man.Packs) {
		t.Fatalf("%d kinds for %d packs", len(kinds), len(man.Packs))
	}
	kindOf := func(at ref) string { return kinds[man.Packs[at.pack]] }
	count := map[string]int{}
	for _, k := range kinds {
		count[k]++
	}
	for _, k := range []string{PackDict, PackMeta, PackBody, PackLists} {
		if count[k] == 0 {
			t.Errorf("no %s pack among %v", k, kinds)
		}
	}
	for _, at := range rd.buckets {
		if k := kindOf(at); k != PackDict {
			t.Errorf("bucket in a %s pack", k)
		}
	}
	for _, at := range rd.metas {
		if k := kindOf(at); k != PackMeta {
			t.Errorf("metadata chunk in a %s pack", k)
		}
	}
}
