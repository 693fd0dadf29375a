package static

import (
	"bytes"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/gongkai/gongkai/search/zapwrite"
	"github.com/spf13/afero"
)

// TestExportFromMemoryIsIdentical exports one index twice, postings decoded
// from the segments and read from the writer's memory, and compares every
// file: the memory path must change nothing but the time it takes.
func TestExportFromMemoryIsIdentical(t *testing.T) {
	dir, kept := buildIndexKeeping(t, corpusRecords(t))
	if len(kept) != 2 {
		t.Fatalf("the writer kept postings of %d shards, want 2", len(kept))
	}
	for name, lay := range map[string]layout{"tiny": tinyLayout, "default": defaultLayout} {
		want := exportFiles(t, lay, dir, nil, 0)
		got := exportFiles(t, lay, dir, kept, 2)
		sameFiles(t, name, got, want)
	}
}

// TestExportFromMemoryFallsBack gives the export postings it must not use:
// of a shard updated since it was written, and of the wrong shards.
func TestExportFromMemoryFallsBack(t *testing.T) {
	dir, kept := buildIndexKeeping(t, corpusRecords(t)[:80])
	bi, err := bleve.Open(filepath.Join(dir, "shard-1"))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := shardIDs(bi)
	if err != nil || len(ids) < 2 {
		t.Fatalf("shard-1 has %d records: %v", len(ids), err)
	}
	if err := bi.Delete(ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := bi.Close(); err != nil {
		t.Fatal(err)
	}
	want := exportFiles(t, tinyLayout, dir, nil, 0)
	sameFiles(t, "shard-1 updated", exportFiles(t, tinyLayout, dir, kept, 1), want)
	swapped := map[string][]*zapwrite.Postings{"shard-0": kept["shard-1"], "shard-1": kept["shard-0"]}
	sameFiles(t, "shards swapped", exportFiles(t, tinyLayout, dir, swapped, 0), want)
}

// exportFiles exports the index at dir into memory, with mem's postings,
// checking that wantMem shards were read from them, and returns every file.
func exportFiles(t *testing.T, lay layout, dir string, mem map[string][]*zapwrite.Postings, wantMem int) map[string][]byte {
	t.Helper()
	src, err := openSource(dir, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	n := 0
	for _, sh := range src.shards {
		n += b2i(sh.mem != nil)
	}
	if n != wantMem {
		t.Fatalf("%d shards read from memory, want %d", n, wantMem)
	}
	out := afero.NewMemMapFs()
	if _, err := exportWith(lay, src, out, "/static"); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = afero.Walk(out, "/static", func(path string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		files[path], err = afero.ReadFile(out, path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(got) != len(want) || len(want) < 5 {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for path, data := range want {
		if g, ok := got[path]; !ok {
			t.Errorf("%s: no %s (names are content hashes: a file differs)", what, path)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s: %s differs (%d bytes, want %d)", what, path, len(g), len(data))
		}
	}
}

// TestMemoryTermsFind looks terms up in the orders workers do (runs of
// consecutive terms, jumps forward and back) and holds find to a binary
// search.
func TestMemoryTermsFind(t *testing.T) {
	b := zapwrite.NewBuilder()
	b.KeepPostings()
	var toks analysis.TokenStream
	for i := 0; i < 300; i += 3 {
		toks = append(toks, &analysis.Token{Term: []byte(fmt.Sprintf("t%03d", i)), Position: 1 + i})
	}
	if err := b.Add(zapwrite.Doc{ID: "a", Fields: []zapwrite.Field{{Name: "f", Index: true, Tokens: toks}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Segment(); err != nil {
		t.Fatal(err)
	}
	terms := b.Postings().Field("f").Terms()
	orders := map[string][]int{
		"ascending":  {},
		"descending": {},
		"runs":       {},
	}
	for i := -2; i < 305; i++ {
		orders["ascending"] = append(orders["ascending"], i)
		orders["descending"] = append(orders["descending"], 303-i)
	}
	for _, start := range []int{120, 0, 250, 60, 299, 301, 5} {
		for i := start; i < start+40; i++ {
			orders["runs"] = append(orders["runs"], i)
		}
	}
	for stride := 1; stride < 40; stride++ { // every distance a gallop may end at
		name := fmt.Sprint("stride ", stride)
		for i := 0; i < 300; i += 3 * stride {
			orders[name] = append(orders[name], i, i+1)
		}
	}
	for name, order := range orders {
		m := &memoryTerms{field: b.Postings().Field("f")}
		for _, i := range order {
			term := fmt.Sprintf("t%03d", i)
			want := sort.SearchStrings(terms, term)
			if want == len(terms) || terms[want] != term {
				want = -1
			}
			if got := m.find(term); got != want {
				t.Fatalf("%s: find(%q) = %d, want %d", name, term, got, want)
			}
		}
	}
	if got := (&memoryTerms{}).find("t000"); got != -1 {
		t.Errorf("find in a missing field = %d", got)
	}
}
