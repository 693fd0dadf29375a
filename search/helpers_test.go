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

// exactHits runs a query and returns the hits of the documents that match
// it exactly, in order (not those of a relaxed pass).
func exactHits(t *testing.T, ix *Index, req Request) []Hit {
	t.Helper()
	if req.Size == 0 {
		req.Size = 50
	}
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%q): %v", req.Query, err)
	}
	return res.Hits[:min(len(res.Hits), max(0, res.Exact-(res.Page-1)*req.Size))]
}

// urls runs a query and returns the URLs of the documents that match it
// exactly, in order (not those of a relaxed pass).
func urls(t *testing.T, ix *Index, req Request) []string {
	t.Helper()
	var out []string
	for _, h := range exactHits(t, ix, req) {
		out = append(out, h.URL)
	}
	return out
}

// links runs a query and returns, for each document matching it exactly,
// where its first part links to (the document's URL when it lists none).
func links(t *testing.T, ix *Index, req Request) []string {
	t.Helper()
	var out []string
	for _, h := range exactHits(t, ix, req) {
		if len(h.Parts) > 0 {
			out = append(out, h.Parts[0].URL)
		} else {
			out = append(out, h.URL)
		}
	}
	return out
}
