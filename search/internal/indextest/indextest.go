// Package indextest builds small search indexes for the tests of the
// packages that use one (httpapi, multi); only tests import it.
package indextest

import (
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// Open writes records into a fresh index under t.TempDir and opens it; the
// index is closed when the test ends.
func Open(t testing.TB, opts search.Options, records ...search.Record) *search.Index {
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
