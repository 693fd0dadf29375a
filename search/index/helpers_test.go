package index

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

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

func openWritable(t testing.TB, dir string) *Index {
	t.Helper()
	ix, err := OpenWritable(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// page returns a document record and one section record per body.
func page(url, title string, bodies ...string) []mapping.Record {
	rs := []mapping.Record{{ID: url, URL: url, Title: title, Type: "policy", Body: title + "的摘要"}}
	for i, b := range bodies {
		anchor := fmt.Sprintf("s%d", i+1)
		rs = append(rs, mapping.Record{ID: url + "#" + anchor, URL: url, Anchor: anchor, Title: title, Section: anchor, Type: "policy", Body: b})
	}
	return rs
}
