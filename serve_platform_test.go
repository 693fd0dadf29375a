package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServePlatform: `gongkai serve --no-build` on a built platform serves the portal, each
// site's search under its path with its links there, and the unified search with each hit's
// site, a site facet and a site filter; a site's new build is searched once it replaces the
// site's folder.
func TestServePlatform(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a platform")
	}
	dir := filepath.Join(t.TempDir(), "p")
	if err := os.CopyFS(dir, os.DirFS("testdata/platform")); err != nil {
		t.Fatal(err)
	}
	runGongkai(t, []string{"build", "-s", dir})
	srv := startServer(t, func(ctx context.Context, out, errw io.Writer, ln net.Listener) error {
		return servePlatform(ctx, out, errw, filepath.Join(dir, "public"), nil, time.Second, ln)
	})
	getPath := func(path string) (int, string) {
		t.Helper()
		return get(t, srv.base+path)
	}
	type result struct {
		Total int `json:"total"`
		Hits  []struct {
			URL, Site string
		} `json:"hits"`
		Facets map[string][]struct {
			Value string
			Count int
		} `json:"facets"`
		Labels map[string]map[string]string `json:"labels"`
	}
	api := func(path string) result {
		t.Helper()
		code, body := getPath(path)
		var r result
		if err := json.Unmarshal([]byte(body), &r); code != 200 || err != nil {
			t.Fatalf("%s: %d %v\n%s", path, code, err, body)
		}
		return r
	}
	waitFor := func(ok func() bool) {
		t.Helper()
		if !waitUntil(10*time.Second, 50*time.Millisecond, ok) {
			t.Fatalf("timed out; log:\n%s%s", srv.out.String(), srv.errw.String())
		}
	}
	waitFor(func() bool { c, _ := getPath("/readyz"); return c == 200 })

	if c, body := getPath("/"); c != 200 || !strings.Contains(body, "统一搜索") {
		t.Errorf("portal: %d", c)
	}
	r := api("/api/search?q=" + url.QueryEscape("社区"))
	sites := map[string]int{}
	for _, f := range r.Facets["site"] {
		sites[f.Value] = f.Count
	}
	if sites["xian"] < 1 || sites["zhen"] < 1 || sites["shequ"] < 1 || r.Labels["site"]["xian"] != "某某县人民政府" {
		t.Errorf("unified: site facet %v, labels %v", sites, r.Labels)
	}
	for _, h := range r.Hits {
		if !strings.HasPrefix(h.URL, "/"+h.Site+"/") {
			t.Errorf("unified hit %s of site %q", h.URL, h.Site)
		}
	}
	r = api("/api/search?site=zhen&q=" + url.QueryEscape("社区"))
	for _, h := range r.Hits {
		if h.Site != "zhen" {
			t.Errorf("site=zhen: hit of %s", h.Site)
		}
	}
	r = api("/zhen/api/search?q=" + url.QueryEscape("社区"))
	if r.Total != sites["zhen"] || len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].URL, "/zhen/") || r.Hits[0].Site != "" {
		t.Errorf("/zhen/api/search: %+v", r)
	}
	// Every link of the unified and of a site's own search leads to a page of the site.
	for _, path := range []string{"/api/search?q=" + url.QueryEscape("社区"), "/zhen/api/search?q=" + url.QueryEscape("社区"), "/shequ/api/search?q=" + url.QueryEscape("财务收支")} {
		for _, h := range api(path).Hits {
			u, err := url.Parse(h.URL)
			if err != nil {
				t.Fatal(err)
			}
			if c, _ := getPath(u.EscapedPath()); c != 200 {
				t.Errorf("%s: hit %s: HTTP %d", path, h.URL, c)
			}
		}
	}
	if c, body := getPath("/search/?q=" + url.QueryEscape("财务收支")); c != 200 || !strings.Contains(body, `<span class="site">某某社区居务公开</span>`) || !strings.Contains(body, `href="/shequ/`) {
		t.Errorf("unified results page: %d\n%s", c, body)
	}
	if c, body := getPath("/shequ/search/?q=" + url.QueryEscape("财务收支")); c != 200 || !strings.Contains(body, `href="/shequ/disclosures/`) {
		t.Errorf("site results page: %d\n%s", c, body)
	}
	if c, _ := getPath("/shequ/disclosures/2026-q2/"); c != 200 {
		t.Errorf("a site's page: %d", c)
	}

	// A new build of one site is searched once it replaces the site's folder.
	page := filepath.Join(dir, "sites", "zhen", "content", "policies", "2026-9.md")
	if err := os.WriteFile(page, []byte("---\ntitle: 新增页面\ntype: policy\n---\n平台统一搜索换版验证。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runGongkai(t, []string{"build", "-s", dir})
	waitFor(func() bool {
		r := api("/api/search?q=" + url.QueryEscape("换版验证"))
		return r.Total == 1 && r.Hits[0].Site == "zhen"
	})
}
