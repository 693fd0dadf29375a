package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/internal/chromiumtest"
)

// TestSearchDatesAgree holds every reader of the search index to the dates documents.json
// publishes: the search page, /api/search, /search.csv, `gongkai search --json`, a
// from=to filter on the page's own date, and the static client on a host without the API.
func TestSearchDatesAgree(t *testing.T) {
	dest := t.TempDir()
	base := serveBuilt(t, dest)

	_, body := get(t, base+"/data/documents.json")
	var docs []struct{ URL, Type, Date string }
	if err := json.Unmarshal([]byte(body), &docs); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	types := map[string]bool{}
	for _, d := range docs {
		if d.Date != "" {
			want[d.URL], types[d.Type] = d.Date, true
		}
	}
	for _, seed := range []string{"/policies/2018-kunming-shequ-zhili/", "/policies/2018-hengyang-shequ-zhili/", "/policies/2020-sanjian-shequ-zhili/"} {
		if want[seed] == "" {
			t.Fatalf("documents.json has no date for %s", seed)
		}
	}

	agree := func(reader string, got map[string]string) {
		t.Helper()
		for u, d := range want {
			if got[u] != d {
				t.Errorf("%s shows %s dated %q; documents.json says %s", reader, u, got[u], d)
			}
		}
	}
	api, page, csvDates, cli := map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	for typ := range types {
		q := "?size=100&type=" + url.QueryEscape(typ)
		_, body := get(t, base+"/api/search"+q)
		collectJSONDates(t, body, api)
		_, body = get(t, base+"/search/"+q)
		collectPageDates(body, page)
		_, body = get(t, base+"/search.csv"+q)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			csvDates[pageURL(r[5])] = r[4]
		}
		var out bytes.Buffer
		cmd := searchCmd()
		cmd.SetOut(&out)
		cmd.SetArgs([]string{"-d", dest, "--json", "-n", "100", "--filter", "type=" + typ, ""})
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		collectJSONDates(t, out.String(), cli)
	}
	agree("/api/search", api)
	agree("the search page", page)
	agree("/search.csv", csvDates)
	agree("gongkai search", cli)

	for u, d := range want {
		_, body := get(t, base+"/api/search?size=100&from="+d+"&to="+d)
		found := map[string]string{}
		collectJSONDates(t, body, found)
		if _, ok := found[u]; !ok {
			t.Errorf("from=%s&to=%s does not find %s", d, d, u)
		}
	}

	t.Run("static client", func(t *testing.T) {
		chromiumtest.Require(t)
		static := serveStatic(t, dest)
		ctx := chromiumtest.Context(t, true)
		got := map[string]string{}
		for typ := range types {
			var hits [][]string
			err := chromedp.Run(ctx,
				chromedp.Navigate(static+"/search/?size=100&type="+url.QueryEscape(typ)),
				chromedp.WaitVisible(`.hit`, chromedp.ByQuery),
				chromedp.Evaluate(`[...document.querySelectorAll('.hit')].map((h) => [h.querySelector('a').getAttribute('href'), h.textContent])`, &hits),
			)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				if d := shownDate(h[1]); d != "" {
					got[pageURL(h[0])] = d
				}
			}
		}
		agree("the static client", got)
		d := want["/policies/2018-kunming-shequ-zhili/"]
		var text string
		err := chromedp.Run(ctx,
			chromedp.Navigate(static+"/search/?from="+d+"&to="+d),
			chromedp.WaitVisible(`[role=status]:not([aria-busy])`, chromedp.ByQuery),
			chromedp.Text(`main`, &text, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "昆发〔2018〕14号") {
			t.Errorf("the static client's from=%s&to=%s does not find 昆发〔2018〕14号:\n%s", d, d, text)
		}
	})
}

// serveBuilt builds the example site into dest and serves it with the search API.
func serveBuilt(t *testing.T, dest string) string {
	t.Helper()
	return serveSite(t, build.Options{Source: ".", Dest: dest}, "城乡社区治理")
}

// serveStatic serves a built site as a static host does: files only, no /api/search.
func serveStatic(t *testing.T, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func collectJSONDates(t *testing.T, body string, into map[string]string) {
	t.Helper()
	var res struct{ Hits []struct{ URL, Date string } }
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	for _, h := range res.Hits {
		into[pageURL(h.URL)] = h.Date
	}
}

var hitRE = regexp.MustCompile(`(?s)<li class="hit"><a class="t" href="([^"]+)".*?</li>`)

func collectPageDates(body string, into map[string]string) {
	for _, m := range hitRE.FindAllStringSubmatch(body, -1) {
		if d := shownDate(m[0]); d != "" {
			into[pageURL(m[1])] = d
		}
	}
}

var shownDateRE = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)

// shownDate is the date a hit shows, as YYYY-MM-DD.
func shownDate(s string) string {
	m := shownDateRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	var y, mo, d int
	fmt.Sscan(m[1]+" "+m[2]+" "+m[3], &y, &mo, &d)
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// pageURL is a hit's page: its link without the anchor, as a site-root path.
func pageURL(href string) string {
	href, _, _ = strings.Cut(href, "#")
	if u, err := url.Parse(href); err == nil && u.Path != "" {
		href = u.Path
	}
	if !strings.HasPrefix(href, "/") {
		href = "/" + strings.TrimLeft(href, "./")
	}
	return href
}
