// Command incremental measures how long `serve --watch` takes to serve a one-file edit: it
// builds a site (by default a copy of the laws corpus) into a build session, then 20 times
// edits one page, waits for the file watcher's batch and the incremental rebuild, and prints the
// median and worst time from the write to the updated file on disk (which the server reads per
// request).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/watch"
)

func main() {
	site := flag.String("s", "", "site folder (holds site.yaml and content/); it is edited, so pass a copy")
	edits := flag.Int("n", 20, "number of edits")
	index := flag.Bool("index", true, "keep the search index updated too")
	flag.Parse()
	if *site == "" {
		fmt.Fprintln(os.Stderr, "usage: incremental -s SITE_COPY")
		os.Exit(2)
	}
	start := time.Now()
	sess, rep, err := build.NewSession(build.Options{Source: *site, NoIndex: !*index})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("full build: %d files in %s\n", rep.Files, time.Since(start).Round(time.Millisecond))
	if *index {
		if err := sess.OpenIndex(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer sess.CloseIndex()
	}
	var pages []string
	_ = filepath.Walk(filepath.Join(*site, "content"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") && info.Name() != "_index.md" {
			pages = append(pages, p)
		}
		return nil
	})
	sort.Strings(pages)
	w, err := watch.New(50*time.Millisecond, filepath.Join(*site, "content"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer w.Close()
	var times []time.Duration
	for i := 0; i < *edits; i++ {
		page := pages[(i*7919)%len(pages)]
		src, err := os.ReadFile(page)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		t0 := time.Now()
		if err := os.WriteFile(page, append(src, []byte(fmt.Sprintf("\n\n修订标记%d。\n", i))...), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		batch := <-w.Batches
		inc, _, err := sess.Rebuild(batch)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		d := time.Since(t0)
		times = append(times, d)
		fmt.Printf("edit %2d: %-60s full=%v written=%d in %s\n", i+1, shorten(page, *site), inc.Full, len(inc.Written), d.Round(time.Millisecond))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Printf("one-file edit to updated output: median %s, worst %s over %d edits\n", times[len(times)/2].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), len(times))
}

func shorten(p, root string) string {
	rel, _ := filepath.Rel(root, p)
	if r := []rune(rel); len(r) > 58 {
		return string(r[:58]) + "…"
	}
	return rel
}
