package search

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongkai/gongkai/search/index"
	"github.com/gongkai/gongkai/search/internal/searchtest"
	"github.com/gongkai/gongkai/search/mapping"
)

func openWritable(t testing.TB, dir string) *Index {
	t.Helper()
	ix, err := OpenWritable(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// reopen closes a writable index and opens it read-only.
func reopen(t testing.TB, ix *Index) *Index {
	t.Helper()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(ix.Dir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ro.Close() })
	return ro
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

func updateFixture() []mapping.Record {
	var rs []mapping.Record
	rs = append(rs, page("/a/", "甲文件", "甲的第一节写着旧标记", "甲的第二节")...)
	rs = append(rs, page("/b/", "乙文件", "乙的内容说到低保")...)
	rs = append(rs, page("/c/", "丙文件", "丙的内容说到社区")...)
	return rs
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

func TestOpenWritableSearchesLikeOpen(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 3}, searchtest.Fixture()...)
	queries := []Request{
		{Query: "低保"}, {Query: "低"}, {Query: "中发[2017]13号"}, {Query: ""},
		{Query: "社区", Sort: "-date"}, {Filters: map[string][]string{"type": {"policy"}}},
	}
	run := func(ix *Index) []*Result {
		var out []*Result
		for _, q := range queries {
			res, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("Search(%q): %v", q.Query, err)
			}
			res.Took = 0
			out = append(out, res)
		}
		return out
	}
	ro, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := run(ro)
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	got := run(openWritable(t, dir))
	for i := range queries {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%+v: writable index answers differently:\n got %+v\nwant %+v", queries[i], *got[i], *want[i])
		}
	}
}

func TestUpdateReplacesPages(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 3}, updateFixture()...)
	ix := openWritable(t, dir)
	if got := links(t, ix, Request{Query: "旧标记"}); !reflect.DeepEqual(got, []string{"/a/#s1"}) {
		t.Fatalf("before update: 旧标记 → %v", got)
	}
	before := ix.Manifest()
	if before.Documents != 3 || before.Records != 7 {
		t.Fatalf("built manifest: %+v", before)
	}

	// /a/ changes (one section fewer, a new marker), /c/ is deleted, /d/ is new.
	add := page("/a/", "甲文件", "甲的第一节改成新标记")
	add = append(add, page("/d/", "丁文件", "丁也有新标记", "丁的第二节")...)
	if err := ix.Update([]string{"/a/", "/c/", "/no-such-page/"}, add); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		query string
		want  []string
	}{
		{"旧标记", nil},
		{"新标记", []string{"/a/#s1", "/d/#s1"}},
		{`"甲的第二节"`, nil}, // quoted: unquoted, 第二节 would be an article reference beside 甲的
		{"低保", []string{"/b/#s1"}},
		{"乙文件", []string{"/b/"}},
		{"丙", nil},
		{"丁文件", []string{"/d/"}},
	}
	verify := func(ix *Index, when string) {
		t.Helper()
		for _, c := range checks {
			if got := links(t, ix, Request{Query: c.query}); !reflect.DeepEqual(sorted(got), c.want) {
				t.Errorf("%s: %s → %v, want %v", when, c.query, got, c.want)
			}
		}
		if got := urls(t, ix, Request{}); len(got) != 3 {
			t.Errorf("%s: all documents → %v, want 3", when, got)
		}
	}
	verify(ix, "after update")

	man := ix.Manifest()
	if man.Documents != 3 || man.Records != 7 || man.UpdatedAt.IsZero() || man.ContentHash != before.ContentHash {
		t.Errorf("manifest after update: %+v", man)
	}
	onDisk, err := ReadManifest(dir)
	if err != nil || !reflect.DeepEqual(onDisk, man) {
		t.Errorf("manifest on disk = %+v, %v; in memory %+v", onDisk, err, man)
	}

	verify(reopen(t, ix), "reopened") // the update is on disk
}

func TestUpdateRejects(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 2}, updateFixture()...)
	ix := openWritable(t, dir)
	before := ix.Manifest()
	tests := []struct {
		name   string
		remove []string
		add    []mapping.Record
		want   string
	}{
		{"no ID", []string{"/a/"}, []mapping.Record{{URL: "/a/"}}, "no ID"},
		{"no URL", []string{"/a/"}, []mapping.Record{{ID: "/a/"}}, "no URL"},
		{"duplicate in add", []string{"/a/"}, []mapping.Record{{ID: "x", URL: "/a/"}, {ID: "x", URL: "/a/", Anchor: "s"}}, "duplicate record ID"},
		{"ID of a page kept", []string{"/a/"}, []mapping.Record{{ID: "/b/#s1", URL: "/a/", Anchor: "s1"}}, `"/b/#s1" is already in the index`},
		{"ID of a page kept, nothing removed", nil, []mapping.Record{{ID: "/c/", URL: "/c/"}}, `"/c/" is already in the index`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ix.Update(tt.remove, tt.add)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Update = %v, want an error containing %q", err, tt.want)
			}
			if got := urls(t, ix, Request{Query: "旧标记"}); len(got) != 1 {
				t.Errorf("a rejected update changed the index: 旧标记 → %v", got)
			}
			if got := ix.Manifest(); !reflect.DeepEqual(got, before) {
				t.Errorf("a rejected update changed the manifest: %+v", got)
			}
		})
	}

	// An ID may move to another page when its old page is removed.
	if err := ix.Update([]string{"/a/", "/b/"}, []mapping.Record{{ID: "/b/#s1", URL: "/a/", Anchor: "s1", Body: "搬过来的内容"}}); err != nil {
		t.Fatal(err)
	}
	if got := links(t, ix, Request{Query: "搬过来"}); !reflect.DeepEqual(got, []string{"/a/#s1"}) {
		t.Errorf("moved record → %v", got)
	}
	if man := ix.Manifest(); man.Records != 3 || man.Documents != 1 {
		t.Errorf("manifest = %+v, want 3 records, 1 document", man)
	}
}

func TestUpdateReadOnlyAndClosed(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 1}, updateFixture()...)
	ro, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.Update([]string{"/a/"}, nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Update on a read-only index = %v, want ErrReadOnly", err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWritable(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Update([]string{"/a/"}, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Update on a closed index = %v, want ErrClosed", err)
	}
}

func TestUpdateEmptyIndex(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 2})
	ix := openWritable(t, dir)
	if err := ix.Update([]string{"/a/"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := ix.Update(nil, page("/a/", "甲文件", "第一个记录")); err != nil {
		t.Fatal(err)
	}
	if got := links(t, ix, Request{Query: "第一个"}); !reflect.DeepEqual(got, []string{"/a/#s1"}) {
		t.Errorf("第一个 → %v", got)
	}
	if man := ix.Manifest(); man.Records != 2 || man.Documents != 1 || len(man.Shards) != 1 {
		t.Errorf("manifest = %+v", man)
	}
	if got := urls(t, reopen(t, ix), Request{Query: "第一个"}); len(got) != 1 {
		t.Errorf("reopened: 第一个 → %v", got)
	}
}

// TestUpdateWhileSearching checks, under -race, that searches running
// during updates always see a page whole: every hit of one search comes
// from the same version of page /a/, with all of that version's records.
func TestUpdateWhileSearching(t *testing.T) {
	version := func(v int) []mapping.Record {
		var bodies []string
		for i := range v%3 + 1 {
			bodies = append(bodies, fmt.Sprintf("甲页正文 v%d 第%d段", v, i))
		}
		rs := page("/a/", "甲文件", bodies...)
		for i := range rs {
			rs[i].ID = fmt.Sprintf("%s@v%d", rs[i].ID, v)
			if rs[i].Anchor != "" {
				rs[i].Section = fmt.Sprintf("v%d", v)
			}
		}
		return rs
	}
	records := append(version(0), updateFixture()[3:]...) // /b/ and /c/ as in updateFixture
	ix := openWritable(t, writeIndex(t, Options{Shards: 3}, records...))

	const updates = 30
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				res, err := ix.Search(context.Background(), Request{Query: "甲页正文", Size: 50})
				if err != nil {
					t.Error(err)
					return
				}
				seen := map[string]int{}
				for _, h := range res.Hits {
					for _, p := range h.Parts {
						seen[p.Section]++
					}
				}
				if len(res.Hits) != 1 {
					t.Errorf("one search saw page /a/ as %d documents", len(res.Hits))
					return
				}
				if len(seen) != 1 {
					t.Errorf("one search saw versions %v", seen)
					return
				}
				for v, n := range seen {
					var num int
					fmt.Sscanf(v, "v%d", &num)
					if n != num%3+1 {
						t.Errorf("one search saw %d of the %d sections of %s", n, num%3+1, v)
						return
					}
				}
				if res, err := ix.Search(context.Background(), Request{Query: "低保"}); err != nil || res.Total != 1 {
					t.Errorf("other page: 低保 → %v, %v", res, err)
					return
				}
			}
		}()
	}
	for v := 1; v <= updates; v++ {
		if err := ix.Update([]string{"/a/"}, version(v)); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	if man := ix.Manifest(); man.Records != 5+updates%3+1 || man.Documents != 3 {
		t.Errorf("manifest after %d updates = %+v", updates, man)
	}
}

func TestOpenWhileOpenForWriting(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 2}, updateFixture()...)
	w, err := OpenWritable(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("locked", func(t *testing.T) { // returns once its parallel subtests have
		for _, tt := range []struct {
			name string
			open func(string) (*Index, error)
			want string
		}{
			{"read-only", Open, "/api/search"},
			{"writable", OpenWritable, "another gongkai process"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				start := time.Now()
				ix, err := tt.open(dir)
				if err == nil {
					_ = ix.Close()
					t.Fatal("open succeeded while the index is open for writing")
				}
				if took := time.Since(start); took > index.LockWait+3*time.Second {
					t.Errorf("open gave up only after %s", took)
				}
				if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("open: %v; want ErrLocked mentioning %q", err, tt.want)
				}
			})
		}
	})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after the writer closed: %v", err)
	}
	defer ro.Close()
	if got := urls(t, ro, Request{Query: "旧标记"}); len(got) != 1 {
		t.Errorf("旧标记 → %v", got)
	}
}
