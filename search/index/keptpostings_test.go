package index

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

// TestKeepPostings checks which shards' postings a Writer hands over, and
// when.
func TestKeepPostings(t *testing.T) {
	records := []mapping.Record{
		{ID: "/a/", URL: "/a/", Title: "低保资金管理办法", Body: "低保资金按月发放。"},
		{ID: "/a/#s1", URL: "/a/", Anchor: "s1", Section: "第一条", Body: "低保对象"},
		{ID: "/b/", URL: "/b/", Title: "村务公开", Body: "村务公开目录"},
	}
	for _, keep := range []bool{false, true} {
		// Four shards for two pages: at least two are empty and not written.
		w, err := NewWriter(filepath.Join(t.TempDir(), "index"), Options{Shards: 4})
		if err != nil {
			t.Fatal(err)
		}
		if keep {
			if err := w.KeepPostings(); err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range records {
			if err := w.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if w.TakePostings() != nil {
			t.Error("postings before Close")
		}
		man, err := w.Close("test")
		if err != nil {
			t.Fatal(err)
		}
		if err := w.KeepPostings(); err == nil {
			t.Error("KeepPostings after Close succeeded")
		}
		kept := w.TakePostings()
		if !keep {
			if kept != nil {
				t.Errorf("postings kept without KeepPostings: %v", kept)
			}
			continue
		}
		var names []string
		docs := 0
		for name, ps := range kept {
			names = append(names, name)
			if len(ps) != 1 {
				t.Errorf("%s: postings of %d segments, want 1", name, len(ps))
			}
			for _, p := range ps {
				docs += p.Docs()
				if p.Field(mapping.FieldBody) == nil {
					t.Errorf("%s: no body postings", name)
				}
			}
		}
		slices.Sort(names)
		if !slices.Equal(names, man.Shards) || docs != len(records) {
			t.Errorf("kept shards %v holding %d records; manifest has %v, %d records", names, docs, man.Shards, len(records))
		}
		if w.TakePostings() != nil {
			t.Error("TakePostings handed the postings over twice")
		}
	}
}
