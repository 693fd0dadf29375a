package multi

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// A built platform's output (bench/platform.sh with PLATFORM=DIR leaves one in DIR/public):
// GONGKAI_PLATFORM=DIR/public runs the unified search over its sites against the reference,
// and BenchmarkPlatform times it.

func openPlatform(tb testing.TB) *Index {
	tb.Helper()
	dir := os.Getenv("GONGKAI_PLATFORM")
	if dir == "" {
		tb.Skip("GONGKAI_PLATFORM is not set (a platform's public/ folder)")
	}
	b, err := os.ReadFile(filepath.Join(dir, "_search", "platform.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var man struct {
		Sites []struct{ Name, Title string }
	}
	if err := json.Unmarshal(b, &man); err != nil {
		tb.Fatal(err)
	}
	var sites []Site
	for _, s := range man.Sites {
		ix, err := search.Open(filepath.Join(dir, s.Name, "_search", "index"))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { _ = ix.Close() })
		sites = append(sites, Site{Name: s.Name, Title: s.Title, Prefix: "/" + s.Name, Open: func() *search.Index { return ix }})
	}
	m, err := New(sites)
	if err != nil {
		tb.Fatal(err)
	}
	m.cache = nil
	return m
}

// platformQueries are bench/queries.txt and, from GONGKAI_QUERIES, more (one a line).
func platformQueries(tb testing.TB) []string {
	var out []string
	for _, f := range []string{"../../bench/queries.txt", os.Getenv("GONGKAI_QUERIES")} {
		if f == "" {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
				out = append(out, l)
			}
		}
		fh.Close()
	}
	return out
}

func BenchmarkPlatform(b *testing.B) {
	m := openPlatform(b)
	m.Warm()
	qs := platformQueries(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := m.Search(ctx, search.Request{Query: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPlatformSameAsFullSearches compares the unified search with its definition (reference)
// on a built platform: bench/queries.txt and GONGKAI_QUERIES, by relevance, by date and on a
// later page.
func TestPlatformSameAsFullSearches(t *testing.T) {
	m := openPlatform(t)
	m.Warm()
	bad := 0
	for i, q := range platformQueries(t) {
		req := search.Request{Query: q}
		switch i % 5 {
		case 1:
			req.Sort = "-date"
		case 2:
			req.Page = 2
		case 3:
			req.Sort = "date"
			req.Size = 20
		}
		if !sameAsReference(t, m, req) {
			if bad++; bad > 10 {
				t.Fatal("more than 10 differ")
			}
		}
	}
}
