package platform

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/internal/chromiumtest"
	"github.com/spf13/afero"
)

// TestStaticSearchLinks serves a built platform from a plain file server (a static host: no
// /api/search) and searches in a browser: a site's own search page (/zhen/search/, search.js
// over the site's export) and the portal's unified one (/search/, platform.js). The index
// records pages by their path inside the site, so every link a hit shows must have the site's
// path in front and lead to a page that exists.
func TestStaticSearchLinks(t *testing.T) {
	chromiumtest.Require(t)
	root := filepath.Join(t.TempDir(), "p")
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "..", "testdata", "platform"))); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Fs: afero.NewOsFs(), Root: root, Now: testNow, Tool: "test", Context: context.Background()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(root, "public"))))
	defer srv.Close()
	ctx := chromiumtest.Context(t, true)
	for _, c := range []struct{ page, site string }{
		{"/zhen/search/?q=" + url.QueryEscape("社区"), "zhen"},
		{"/shequ/search/?q=" + url.QueryEscape("财务收支"), "shequ"},
		{"/search/?q=" + url.QueryEscape("社区"), ""},
	} {
		var links []string
		if err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+c.page),
			chromedp.WaitVisible(`#results [role=status]:not([aria-busy])`, chromedp.ByQuery),
			chromedp.Evaluate(`Array.from(document.querySelectorAll('#results li.hit a')).map((a) => a.getAttribute('href'))`, &links),
		); err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		if len(links) == 0 {
			t.Fatalf("%s: no hits", c.page)
		}
		sites := map[string]bool{}
		for _, l := range links {
			u, err := url.Parse(l)
			if err != nil || !strings.HasPrefix(u.Path, "/") {
				t.Errorf("%s: link %q", c.page, l)
				continue
			}
			site, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
			sites[site] = true
			if c.site != "" && site != c.site {
				t.Errorf("%s: link %s is not under /%s/", c.page, l, c.site)
			}
			resp, err := http.Get(srv.URL + u.EscapedPath())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: link %s: HTTP %d", c.page, l, resp.StatusCode)
			}
		}
		if c.site == "" && len(sites) < 3 {
			t.Errorf("%s: links into %v only, want all three sites", c.page, sites)
		}
	}
}
