package static_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/chromiumtest"

	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/static"
)

// seedQueries are typed into the search page of the example site served by a
// plain file server; the page must show what `gongkai search` finds, in the
// same order.
var seedQueries = []string{"低保", "中发[2017]13号", "居委会", `"社区工作者"`, "雪亮工程 牵头", "刘  智", "村务公开", "社区 -治理",
	// Issue 14: terms across a document, an article reference, near misses (relaxed, suggestion).
	"社区 网格员 经费", "村规民约 第二条", "城乡社区治里", "社区怎么治理", "網格員"}

func TestStaticSearchInBrowser(t *testing.T) {
	chromiumtest.Require(t)
	site := buildSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ix, err := search.Open(filepath.Join(site, "_search", "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	ctx := chromiumtest.Context(t, true)
	if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/search/"), chromedp.WaitVisible(`#q`, chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{} // what the seeds exercised: parts, relaxed headings, suggestions
	for _, q := range seedQueries {
		t.Run(q, func(t *testing.T) {
			want, err := ix.Search(context.Background(), search.Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			var got pageResult
			err = chromedp.Run(ctx,
				chromedp.SetValue(`#q`, q, chromedp.ByID),
				chromedp.Submit(`#q`, chromedp.ByID),
				chromedp.WaitVisible(`#results [role=status]:not([aria-busy])`, chromedp.ByQuery),
				chromedp.Evaluate(readResults, &got),
			)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got.Status, "“"+q+"”") || got.Total != want.Total {
				t.Fatalf("page says %q (total %d), server finds %d", got.Status, got.Total, want.Total)
			}
			if len(got.Hits) != len(want.Hits) {
				t.Fatalf("page shows %d hits, server %d", len(got.Hits), len(want.Hits))
			}
			for i, h := range want.Hits {
				g := got.Hits[i]
				if g.URL != h.URL || g.Title != h.Title || g.Snippet != plain(string(h.Snippet)) {
					t.Errorf("hit %d:\n page   %s %q\n        %q\n server %s %q\n        %q", i+1, g.URL, g.Title, g.Snippet, h.URL, h.Title, plain(string(h.Snippet)))
				}
				var parts []string
				for _, p := range h.Parts {
					parts = append(parts, p.URL+" "+plain(string(p.Snippet)))
				}
				if strings.Join(g.Parts, "\n") != strings.Join(parts, "\n") {
					t.Errorf("hit %d parts:\n page   %q\n server %q", i+1, g.Parts, parts)
				}
			}
			if heading := want.Relaxed && len(want.Hits) > want.Exact; got.Relaxed != heading {
				t.Errorf("relaxed heading shown: %v; server: relaxed %v, %d exact of %d hits", got.Relaxed, want.Relaxed, want.Exact, len(want.Hits))
			}
			if got.Suggest != want.Suggest {
				t.Errorf("suggestion %q, server %q", got.Suggest, want.Suggest)
			}
			for _, h := range got.Hits {
				seen["parts"] += len(h.Parts)
			}
			seen["relaxed"] += b2i(got.Relaxed)
			seen["suggest"] += b2i(got.Suggest != "")
			if got.Bytes <= 0 {
				t.Errorf("the client counted %d bytes for the query", got.Bytes)
			}
		})
	}

	if seen["parts"] == 0 || seen["relaxed"] == 0 || seen["suggest"] == 0 {
		t.Errorf("the seed queries no longer show parts, a relaxed heading and a suggestion: %v", seen)
	}
	t.Run("link to a later page", func(t *testing.T) {
		var got pageResult
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape("社区")),
			chromedp.WaitVisible(`#results [role=status]:not([aria-busy])`, chromedp.ByQuery),
			chromedp.Click(`a[rel=next]`, chromedp.ByQuery),
			chromedp.WaitVisible(`#results [role=status]:not([aria-busy])`, chromedp.ByQuery),
			chromedp.Evaluate(readResults, &got),
		)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ix.Search(context.Background(), search.Request{Query: "社区", Page: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Hits) == 0 || got.Hits[0].URL != want.Hits[0].URL || !strings.Contains(got.Location, "page=2") {
			t.Fatalf("page 2 shows %+v at %s; want first hit %s", got.Hits, got.Location, want.Hits[0].URL)
		}
	})

	t.Run("javascript off", func(t *testing.T) {
		off := chromiumtest.Context(t, false)
		var text string
		err := chromedp.Run(off,
			chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape("低保")),
			chromedp.WaitVisible(`#q`, chromedp.ByID),
			chromedp.Text(`main`, &text, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "JavaScript") {
			t.Fatalf("without JavaScript the static search page does not say it needs it:\n%s", text)
		}
	})
}

// pageResult is what readResults reads off the search page.
type pageResult struct {
	Status   string    `json:"status"`
	Total    int       `json:"total"`
	Bytes    int       `json:"bytes"`
	Location string    `json:"location"`
	Hits     []pageHit `json:"hits"`
	Relaxed  bool      `json:"relaxed"` // the 以下是相近结果 heading is shown
	Suggest  string    `json:"suggest"` // the 您是不是要找 link
}

type pageHit struct {
	URL, Title, Snippet string
	Parts               []string // link and snippet text of each part
}

const readResults = `(() => {
	const status = document.querySelector('#results [role=status]');
	const last = (window.GongkaiSearch && GongkaiSearch.last) || {};
	return {
		status: status ? status.textContent : '', total: last.total, bytes: last.bytes, location: location.href,
		relaxed: !!document.querySelector('#results .relaxed'),
		suggest: (document.querySelector('#results .suggest a') || {}).textContent || '',
		hits: [...document.querySelectorAll('#results .hit')].map((h) => {
			const a = h.querySelector('a.t');
			return { URL: decodeURI(a.getAttribute('href')), Title: a.textContent, Snippet: h.querySelector('.s').textContent,
				Parts: [...h.querySelectorAll('.parts li')].map((p) => decodeURI(p.querySelector('a').getAttribute('href')) + ' ' + p.querySelector('.s').textContent) };
		}),
	};
})()`

// plain is the text a browser shows for a snippet's HTML.
func plain(html string) string {
	r := strings.NewReplacer("<mark>", "", "</mark>", "", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'")
	return r.Replace(html)
}

// buildSite builds the repository's example site into a temp folder, as a
// static host would receive it: with the export and the page's script tag.
func buildSite(t *testing.T) string {
	t.Helper()
	dest := t.TempDir()
	if _, err := build.Run(build.Options{Source: "../..", Dest: dest}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, build.StaticPath, static.ManifestName)); err != nil {
		t.Fatalf("gongkai build wrote no static export: %v", err)
	}
	html, err := os.ReadFile(filepath.Join(dest, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "/js/search.js") {
		t.Fatal("the search page does not load /js/search.js")
	}
	if _, err := os.Stat(filepath.Join(dest, "js", "search.js")); err != nil {
		t.Fatalf("the build did not copy the client script: %v", err)
	}
	return dest
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
