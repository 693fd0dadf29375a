package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// sample is a random exact phrase and how many pages hold it (grep over the
// indexed text, records grouped by page, which is what Pagefind counts).
type sample struct {
	text string
	docs int
}

// pagefindQuery runs one query through Pagefind's JavaScript API the way its
// default UI does (search, then the data of the first page of results, here
// ten as on gongkai's page); the server counts the bytes (see served). The
// first call also loads Pagefind.
const pagefindQuery = `(async (q, shown) => {
	const t0 = performance.now(), pf = window.__pf || (window.__pf = await import('/pagefind/pagefind.js'));
	const s = await pf.search(q);
	await Promise.all(s.results.slice(0, shown).map((r) => r.data()));
	return { query: q, ms: performance.now() - t0, total: s.results.length };
})`

// measurePagefind queries base, a Hugo build of the same corpus with a
// Pagefind index, served by serve (not nginx: bytes are counted there). It prints bytes per query beside gongkai's,
// and Pagefind's result counts for the random phrases beside grep's page
// counts (Pagefind splits Chinese into words, so it is not exact).
func measurePagefind(ctx context.Context, base string, qs []string, phrases []sample) error {
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/")); err != nil {
		return err
	}
	run := func(q string, shown int) (stats, error) {
		var s stats
		reqs, bytes := served.requests.Load(), served.bytes.Load()
		err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf("%s(%q, %d)", pagefindQuery, q, shown), &s,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		s.Reqs = int(served.requests.Load() - reqs)
		s.Bytes = int(served.bytes.Load()-bytes) + 300*s.Reqs
		return s, err
	}
	fmt.Printf("\n== Pagefind on the same queries (search, then the data of the first 10 results)\n%-24s %10s %6s %9s %8s\n", "query", "bytes", "reqs", "ms", "total")
	var later []int
	for i, q := range qs {
		s, err := run(q, 10)
		if err != nil {
			return fmt.Errorf("pagefind query %q: %w", q, err)
		}
		if i > 0 {
			later = append(later, s.Bytes)
		}
		fmt.Printf("%-24s %10d %6d %9.0f %8d\n", q, s.Bytes, s.Reqs, s.MS, s.Total)
	}
	sort.Ints(later)
	if len(later) > 0 {
		fmt.Printf("\npagefind later queries: median %.1f KB, max %.1f KB (%d queries)\n",
			float64(later[len(later)/2])/1024, float64(later[len(later)-1])/1024, len(later))
	}
	if len(phrases) == 0 {
		return nil
	}
	fmt.Printf("\n%-14s %10s %12s\n", "phrase", "pagefind", "grep (pages)")
	agree := 0
	for _, p := range phrases {
		s, err := run(p.text, 0)
		if err != nil {
			return fmt.Errorf("pagefind phrase %q: %w", p.text, err)
		}
		mark := ""
		if s.Total == p.docs {
			agree++
		} else {
			mark = "  ≠"
		}
		fmt.Printf("%-14s %10d %12d%s\n", p.text, s.Total, p.docs, mark)
	}
	fmt.Printf("pagefind totals equal to grep: %d of %d\n", agree, len(phrases))
	return nil
}
