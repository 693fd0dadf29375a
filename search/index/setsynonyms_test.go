package index

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

// TestSetSynonyms checks that groups set after the records are added are the
// ones the manifest keeps (and the opened index expands with), that invalid
// groups are refused, and that the call is refused once the Writer is closed.
func TestSetSynonyms(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	w, err := NewWriter(dir, Options{Synonyms: [][]string{{"低保", "最低生活保障"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(mapping.Record{ID: "/a/", URL: "/a/", Title: "办法", Body: "以下简称低保"}); err != nil {
		t.Fatal(err)
	}
	if err := w.SetSynonyms([][]string{{"只有一个"}}); err == nil {
		t.Error("a group of one member was accepted")
	}
	want := [][]string{{"低保", "最低生活保障"}, {"人社局", "人力资源和社会保障局"}}
	if err := w.SetSynonyms(want); err != nil {
		t.Fatal(err)
	}
	man, err := w.Close("test")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(man.Synonyms, want) {
		t.Errorf("manifest synonyms %q, want %q", man.Synonyms, want)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !reflect.DeepEqual(ix.Synonyms(), want) {
		t.Errorf("opened index synonyms %q, want %q", ix.Synonyms(), want)
	}
	if err := w.SetSynonyms(want); err == nil {
		t.Error("SetSynonyms after Close was accepted")
	}
}
