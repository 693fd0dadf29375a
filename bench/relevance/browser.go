package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/bench/internal/headless"
)

// browser is one headless Chromium and the plain file servers it reads from.
type browser struct {
	ctx     context.Context
	cancel  func()
	tabs    []context.CancelFunc
	servers []*httptest.Server
}

func startBrowser() (*browser, error) {
	ctx, cancel, err := headless.Browser()
	if err != nil {
		return nil, err
	}
	// Start it, so that each system's tab opens in this browser.
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		return nil, err
	}
	return &browser{ctx: ctx, cancel: cancel}, nil
}

func (b *browser) Close() {
	for _, c := range b.tabs {
		c()
	}
	b.cancel()
	for _, s := range b.servers {
		s.Close()
	}
}

// serve is a plain static host: no /api/search, so the search page falls
// back to the static export, as on a Pages service.
func (b *browser) serve(dir string) string {
	s := httptest.NewServer(http.FileServer(http.Dir(dir)))
	b.servers = append(b.servers, s)
	return s.URL
}

// tab opens a tab of its own for a system, which keeps its page loaded.
func (b *browser) tab() context.Context {
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.tabs = append(b.tabs, cancel)
	return ctx
}

// evaluate runs an async JavaScript expression in tab and waits for its promise.
func evaluate(tab context.Context, expr string, out any) error {
	return chromedp.Run(tab, chromedp.Evaluate(expr, out,
		func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
}

// staticSystem is the search page's own script on a static host.
type staticSystem struct {
	tab  context.Context
	base string
}

func (b *browser) static(public string) (*staticSystem, error) {
	s := &staticSystem{tab: b.tab(), base: b.serve(public)}
	// A blank search page; the script is deferred, and listens for
	// popstate once it has started (GongkaiSearch.ready is set then).
	if err := chromedp.Run(s.tab, chromedp.Navigate(s.base+"/search/")); err != nil {
		return nil, fmt.Errorf("opening %s/search/: %w", s.base, err)
	}
	if err := evaluate(s.tab, scriptStarted, nil); err != nil {
		return nil, fmt.Errorf("%s/search/: %w", s.base, err)
	}
	return s, nil
}

func (s *staticSystem) Name() string { return "static client" }

const scriptStarted = `(async () => {
	for (const t0 = Date.now(); !(window.GongkaiSearch && GongkaiSearch.ready); ) {
		if (Date.now() - t0 > 30000) throw new Error('the search script did not start within 30 s');
		await new Promise((r) => setTimeout(r, 20));
	}
	await GongkaiSearch.ready;
})()`

// staticQuery goes to the query's address as the page's own links do
// (history, then popstate), waits for the script to have shown its answer
// (GongkaiSearch.last is set after rendering) and reads the hits' links from
// the page: each hit's title link, then any other links inside the hit.
const staticQuery = `(async (search, q) => {
	GongkaiSearch.last = null;
	history.pushState(null, '', search);
	dispatchEvent(new PopStateEvent('popstate'));
	for (const t0 = Date.now(); !(GongkaiSearch.last && GongkaiSearch.last.query === q); ) {
		if (Date.now() - t0 > 60000) throw new Error('no answer after 60 s');
		await new Promise((r) => setTimeout(r, 20));
	}
	const banner = document.querySelector('#results .banner');
	return { error: banner ? banner.textContent : '', hits: Array.from(document.querySelectorAll('#results li.hit')).map((li) =>
		Array.from(li.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')).filter((h) => h[0] !== '?')) };
})`

func (s *staticSystem) Search(_ context.Context, q string) ([]Hit, error) {
	var res struct {
		Error string     `json:"error"`
		Hits  [][]string `json:"hits"`
	}
	search := "?" + url.Values{"q": {q}, "size": {fmt.Sprint(pageSize)}}.Encode()
	if err := evaluate(s.tab, fmt.Sprintf("%s(%q, %q)", staticQuery, search, q), &res); err != nil {
		return nil, err
	}
	if res.Error != "" {
		return nil, answerError(res.Error)
	}
	var out []Hit
	for _, links := range res.Hits {
		if len(links) > 0 {
			out = append(out, Hit{URL: links[0], Parts: links[1:]})
		}
	}
	return out, nil
}

// pagefindSystem is Pagefind's JavaScript API, asked as its default UI does:
// search, then the data of the first page of results.
type pagefindSystem struct{ tab context.Context }

func (b *browser) pagefind(dir string) (*pagefindSystem, error) {
	s := &pagefindSystem{tab: b.tab()}
	base := b.serve(dir)
	if err := chromedp.Run(s.tab, chromedp.Navigate(base+"/")); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *pagefindSystem) Name() string { return "pagefind" }

const pagefindQuery = `(async (q, shown) => {
	const pf = window.__pf || (window.__pf = await import('/pagefind/pagefind.js'));
	const s = await pf.search(q);
	const data = await Promise.all(s.results.slice(0, shown).map((r) => r.data()));
	return data.map((d) => [d.url, ...(d.sub_results || []).map((x) => x.url)]);
})`

func (s *pagefindSystem) Search(_ context.Context, q string) ([]Hit, error) {
	var res [][]string
	if err := evaluate(s.tab, fmt.Sprintf("%s(%q, %d)", pagefindQuery, q, pageSize), &res); err != nil {
		return nil, err
	}
	var out []Hit
	for _, links := range res {
		if len(links) > 0 {
			out = append(out, Hit{URL: links[0], Parts: links[1:]})
		}
	}
	return out, nil
}
