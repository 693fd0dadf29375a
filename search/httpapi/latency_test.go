package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/internal/searchtest"
	"github.com/spf13/afero"
)

// These tests run against a built index of a large corpus, named by
// GONGKAI_INDEX (e.g. SITE/public/_search/index) and skipped without it.
//
// TestDumpResults writes the results of a fixed mix of queries (the load
// benchmark's, random substrings of GONGKAI_LAWS, combinations of them with
// OR, exclusion, filters, sorting and paging) as JSON lines to
// GONGKAI_DUMP, so two versions of the search code can be compared with
// cmp: totals, order, scores, snippets and facets must stay identical.
func TestDumpResults(t *testing.T) {
	dir, out := os.Getenv("GONGKAI_INDEX"), os.Getenv("GONGKAI_DUMP")
	if dir == "" || out == "" {
		t.Skip("set GONGKAI_INDEX and GONGKAI_DUMP")
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, err := afero.NewOsFs().Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for _, req := range latencyRequests(t, 1500) {
		res, err := ix.Search(context.Background(), req)
		line := map[string]any{"req": req}
		if err != nil {
			line["err"] = err.Error()
		} else {
			line["res"] = toJSON(res)
		}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
}

// latencyRequests is the query mix: the benchmark's queries, random
// substrings, and variations of both.
func latencyRequests(t testing.TB, random int) []search.Request {
	var qs []string
	if data, err := afero.ReadFile(afero.NewOsFs(), "../../bench/queries.txt"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				qs = append(qs, l)
			}
		}
	}
	for _, r := range searchtest.LawQueries {
		qs = append(qs, r.Query)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	subs := randomSubstrings(t, rng, random)
	qs = append(qs, subs...)
	var reqs []search.Request
	for _, q := range qs {
		reqs = append(reqs, search.Request{Query: q})
	}
	pick := func() string { return subs[rng.IntN(len(subs))] }
	short := func() string { // one or two characters of a substring
		rs := []rune(pick())
		return string(rs[:1+rng.IntN(2)])
	}
	for i := 0; i < len(subs)/5 && len(subs) > 0; i++ {
		reqs = append(reqs,
			search.Request{Query: pick() + " " + pick()},
			search.Request{Query: pick() + " OR " + pick()},
			search.Request{Query: short() + " -" + pick()},
			search.Request{Query: short()},
			search.Request{Query: `"` + pick() + `"`, Sort: "-date"},
			search.Request{Query: pick(), Filters: map[string][]string{"type": {"page"}}},
			search.Request{Query: short(), Page: 2, Size: 20},
			search.Request{Query: pick() + "第1条"},
			search.Request{Query: "2018年" + short()},
		)
	}
	reqs = append(reqs,
		search.Request{},
		search.Request{Sort: "date", Page: 3},
		search.Request{Query: "中华人民共和国", Sort: "date"},
		search.Request{Query: "人民", Filters: map[string][]string{"type": {"page"}, "genre": {"刑法"}}},
		search.Request{Query: "第十二条", From: searchtest.Day("2000-01-01")},
		search.Request{Query: "法院 -人民"},
		search.Request{Query: "法 院"},
	)
	return reqs
}

// randomSubstrings returns n runs of 2–6 Han characters from the laws corpus.
func randomSubstrings(t testing.TB, rng *rand.Rand, n int) []string {
	dir := os.Getenv("GONGKAI_LAWS")
	if dir == "" {
		dir = "../../../shared/corpora/laws"
	}
	var files []string
	fs := afero.NewOsFs()
	_ = afero.Walk(fs, dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Logf("no corpus at %s: no random queries", dir)
		return nil
	}
	var out []string
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		data, err := afero.ReadFile(fs, files[rng.IntN(len(files))])
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(string(data))
		at, want := rng.IntN(len(rs)+1), 2+rng.IntN(5)
		for at < len(rs) && !unicode.Is(unicode.Han, rs[at]) {
			at++
		}
		end := at
		for end < len(rs) && end-at < want && unicode.Is(unicode.Han, rs[end]) {
			end++
		}
		if end-at >= 2 {
			out = append(out, string(rs[at:end]))
		}
	}
	return out
}

// TestQueryRepeat times each query of GONGKAI_QUERIES ("|"-separated) 20
// times and prints the fastest and the median.
func TestQueryRepeat(t *testing.T) {
	dir, list := os.Getenv("GONGKAI_INDEX"), os.Getenv("GONGKAI_QUERIES")
	if dir == "" || list == "" {
		t.Skip("set GONGKAI_INDEX and GONGKAI_QUERIES")
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range strings.Split(list, "|") {
		var ds []time.Duration
		total := 0
		for i := 0; i < repeatCount(); i++ {
			start := time.Now()
			res, err := ix.Search(context.Background(), search.Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(start))
			total = res.Total
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-16q %6d hits  min %8v  median %8v", q, total, ds[0].Round(time.Microsecond), ds[len(ds)/2].Round(time.Microsecond))
	}
}

func repeatCount() int {
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_REPEAT")); err == nil && n > 0 {
		return n
	}
	return 20
}

// BenchmarkLoadQueries runs the load benchmark's queries (bench/queries.txt)
// once per iteration on GONGKAI_INDEX; with -cpu 1 it measures CPU per
// query set.
func BenchmarkLoadQueries(b *testing.B) {
	dir := os.Getenv("GONGKAI_INDEX")
	if dir == "" {
		b.Skip("set GONGKAI_INDEX")
	}
	ix, err := search.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var reqs []search.Request
	for _, q := range strings.Split(os.Getenv("GONGKAI_QUERIES"), "|") {
		if q != "" {
			reqs = append(reqs, search.Request{Query: q})
		}
	}
	if len(reqs) == 0 {
		reqs = latencyRequests(b, 0)[:20]
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, req := range reqs {
			if _, err := ix.Search(context.Background(), req); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestConcurrentLatency runs GONGKAI_CLIENTS (default 16) goroutines
// searching the benchmark's queries in turn, in process, and prints the
// latency percentiles: the server's share of the HTTP load test.
func TestConcurrentLatency(t *testing.T) {
	dir := os.Getenv("GONGKAI_INDEX")
	if dir == "" {
		t.Skip("set GONGKAI_INDEX")
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	clients, _ := strconv.Atoi(os.Getenv("GONGKAI_CLIENTS"))
	if clients <= 0 {
		clients = 16
	}
	reqs := latencyRequests(t, 0)[:20]
	slots, _ := strconv.Atoi(os.Getenv("GONGKAI_SEARCH_SLOTS"))
	admit := newAdmission(slots)
	const total = 3000
	next := make(chan int)
	lat := make([]time.Duration, total)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				start := time.Now()
				release, err := admit.enter(context.Background())
				if err != nil {
					t.Error(err)
					continue
				}
				if _, err := ix.Search(context.Background(), reqs[n%len(reqs)]); err != nil {
					t.Error(err)
				}
				release()
				lat[n] = time.Since(start)
			}
		}()
	}
	start := time.Now()
	for n := 0; n < total; n++ {
		next <- n
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("%d clients: %.0f searches/s, p50 %v p90 %v p99 %v max %v", clients, float64(total)/elapsed.Seconds(),
		lat[total/2].Round(time.Microsecond), lat[total*9/10].Round(time.Microsecond), lat[total*99/100].Round(time.Microsecond), lat[total-1].Round(time.Microsecond))
}
