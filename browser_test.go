package main

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/chromiumtest"

	"github.com/chromedp/chromedp"
)

// serveExample builds the repository's example site into a temp folder and serves it.
func serveExample(t *testing.T) string {
	t.Helper()
	return serveBuilt(t, t.TempDir())
}

func TestBrowserSearchPage(t *testing.T) {
	chromiumtest.Require(t)
	base := serveExample(t)
	for _, js := range []bool{true, false} {
		name := "javascript off"
		if js {
			name = "javascript on"
		}
		t.Run(name, func(t *testing.T) {
			ctx := chromiumtest.Context(t, js)
			var results, firstHref string
			err := chromedp.Run(ctx,
				chromedp.Navigate(base+"/search/"),
				chromedp.WaitVisible(`#q`, chromedp.ByID),
				chromedp.SendKeys(`#q`, "低保", chromedp.ByID),
				chromedp.Submit(`#q`, chromedp.ByID),
				chromedp.WaitVisible(`.hit`, chromedp.ByQuery),
				chromedp.Text(`main`, &results, chromedp.ByQuery),
				chromedp.AttributeValue(`.hit a`, "href", &firstHref, nil, chromedp.ByQuery),
			)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(results, "低保") || !strings.Contains(results, "条结果") {
				t.Errorf("results page does not show hits for 低保:\n%s", results)
			}
			if !strings.Contains(firstHref, "/") {
				t.Errorf("first hit has no link: %q", firstHref)
			}
		})
	}
}
