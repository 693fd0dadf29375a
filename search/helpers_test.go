package search

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

// buildIndex writes records into a fresh index under t.TempDir and opens it.
func buildIndex(t testing.TB, opts Options, records ...mapping.Record) *Index {
	t.Helper()
	ix, err := Open(writeIndex(t, opts, records...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// writeIndex builds records into a fresh index and returns its directory.
func writeIndex(t testing.TB, opts Options, records ...mapping.Record) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	w, err := NewWriter(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Close("test"); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ids runs a query and returns the hit URLs in order.
func urls(t *testing.T, ix *Index, req Request) []string {
	t.Helper()
	if req.Size == 0 {
		req.Size = 50
	}
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%q): %v", req.Query, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return out
}
