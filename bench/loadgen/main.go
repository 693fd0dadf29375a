// Command loadgen measures search latency under concurrent HTTP load: C clients send the
// queries of a file to /api/search in turn for a fixed number of requests, and it prints p50,
// p90 and p99. Only loopback addresses are allowed as targets.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:1313", "server base URL (loopback only)")
	queries := flag.String("queries", "bench/queries.txt", "file with one query per line")
	clients := flag.Int("c", 16, "concurrent clients")
	total := flag.Int("n", 2000, "total requests")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		fmt.Fprintln(os.Stderr, "loadgen: -url must be a loopback address")
		os.Exit(2)
	}
	qs, err := readLines(*queries)
	if err != nil || len(qs) == 0 {
		fmt.Fprintln(os.Stderr, "loadgen: no queries:", err)
		os.Exit(2)
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  int
		next      = make(chan int)
		wg        sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *clients}}
	for i := 0; i < *clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				q := qs[n%len(qs)]
				start := time.Now()
				resp, err := client.Get(*base + "/api/search?q=" + url.QueryEscape(q))
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(start)
				mu.Lock()
				if err != nil || resp.StatusCode != http.StatusOK {
					failures++
				}
				latencies = append(latencies, d)
				mu.Unlock()
			}
		}()
	}
	start := time.Now()
	for i := 0; i < *total; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	fmt.Printf("requests %d, clients %d, failures %d, %.0f req/s\n", len(latencies), *clients, failures, float64(len(latencies))/elapsed.Seconds())
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  max %s\n", pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), latencies[len(latencies)-1].Round(time.Microsecond))
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
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
