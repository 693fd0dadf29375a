package httpapi

import (
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// buildIndex writes records into a fresh index under t.TempDir and opens it.
func buildIndex(t testing.TB, opts search.Options, records ...search.Record) *search.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	w, err := search.NewWriter(dir, opts)
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
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}
