// Command loadgen measures search latency under concurrent HTTP load: C clients send queries
// to /api/search in turn for a fixed number of requests, and it prints p50, p90 and p99. Only
// loopback addresses are allowed as targets.
//
// The queries come from a file (-queries), from random substrings of the corpus (-random N:
// N runs of 2–6 Han characters, so per-query work is measured rather than a handful of
// repeated queries), or both, shuffled together.
//
//	go run ./bench/loadgen -url http://127.0.0.1:1313 -queries bench/queries.txt -c 16 -n 3000
//	go run ./bench/loadgen -url http://127.0.0.1:1313 -queries '' -random 3000 -c 16 -n 3000
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:1313", "server base URL (loopback only)")
	queries := flag.String("queries", "bench/queries.txt", "file with one query per line (# comments); '' for none")
	random := flag.Int("random", 0, "also send this many random 2–6 character Han substrings of -corpus")
	corpus := flag.String("corpus", "../shared/corpora/laws", "folder of Markdown files -random samples from")
	seed := flag.Uint64("seed", 1, "seed for -random and the shuffle")
	clients := flag.Int("c", 16, "concurrent clients")
	total := flag.Int("n", 2000, "total requests")
	byQuery := flag.Bool("by-query", false, "also print p50 and p99 of each query (when there are at most 50)")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		fail("-url must be a loopback address")
	}
	fs := afero.NewOsFs()
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	var qs []string
	if *queries != "" {
		if qs, err = readLines(fs, *queries); err != nil {
			fail(err.Error())
		}
	}
	if *random > 0 {
		sampled, err := sampleSubstrings(fs, *corpus, *random, rng)
		if err != nil {
			fail(err.Error())
		}
		qs = append(qs, sampled...)
		rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	}
	if len(qs) == 0 {
		fail("no queries: give -queries FILE or -random N")
	}
	timed, failures, elapsed := run(*base, qs, *clients, *total)
	latencies := make([]time.Duration, len(timed))
	for i, t := range timed {
		latencies[i] = t.d
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	fmt.Printf("requests %d (%d distinct queries), clients %d, failures %d, %.0f req/s\n",
		len(latencies), min(len(qs), *total), *clients, failures, float64(len(latencies))/elapsed.Seconds())
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  max %s\n", pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), latencies[len(latencies)-1].Round(time.Microsecond))
	if *byQuery && len(qs) <= 50 {
		printByQuery(timed)
	}
}

// timing is one request's query and latency.
type timing struct {
	q string
	d time.Duration
}

// printByQuery prints each query's p50 and p99, slowest p99 first.
func printByQuery(timed []timing) {
	by := map[string][]time.Duration{}
	for _, t := range timed {
		by[t.q] = append(by[t.q], t.d)
	}
	type row struct {
		q        string
		p50, p99 time.Duration
		n        int
	}
	var rows []row
	for q, ds := range by {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		rows = append(rows, row{q, ds[len(ds)/2], ds[int(0.99*float64(len(ds)-1))], len(ds)})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].p99 > rows[j].p99 })
	for _, r := range rows {
		fmt.Printf("  p50 %9s  p99 %9s  %5d× %s\n", r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond), r.n, r.q)
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "loadgen:", msg)
	os.Exit(2)
}

// run sends total requests from clients goroutines, query n%len(qs) for the n-th request.
func run(base string, qs []string, clients, total int) ([]timing, int, time.Duration) {
	var (
		mu        sync.Mutex
		latencies []timing
		failures  int
		next      = make(chan int)
		wg        sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				q := qs[n%len(qs)]
				start := time.Now()
				resp, err := client.Get(base + "/api/search?q=" + url.QueryEscape(q))
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(start)
				mu.Lock()
				if !ok {
					failures++
				}
				latencies = append(latencies, timing{q, d})
				mu.Unlock()
			}
		}()
	}
	start := time.Now()
	for i := 0; i < total; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return latencies, failures, time.Since(start)
}

func readLines(fs afero.Fs, path string) ([]string, error) {
	f, err := fs.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}
