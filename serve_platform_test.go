package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
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
	root := rootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs([]string{"build", "-s", dir})
	if err := root.Execute(); err != nil {
		t.Fatalf("build: %v\n%s", err, out.String())
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() {
		done <- servePlatform(ctx, &logs, &logs, filepath.Join(dir, "public"), nil, time.Second, ln)
	}()
	defer func() {
		cancel()
		<-done
	}()
	base := "http://" + ln.Addr().String()
	get := func(path string) (int, string) {
		t.Helper()
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
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
		code, body := get(path)
		var r result
		if err := json.Unmarshal([]byte(body), &r); code != 200 || err != nil {
			t.Fatalf("%s: %d %v\n%s", path, code, err, body)
		}
		return r
	}
	waitFor := func(ok func() bool) {
		t.Helper()
		for end := time.Now().Add(10 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("timed out; log:\n%s", logs.String())
			}
		}
	}
	waitFor(func() bool { c, _ := get("/readyz"); return c == 200 })

	if c, body := get("/"); c != 200 || !strings.Contains(body, "统一搜索") {
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
			if c, _ := get(u.EscapedPath()); c != 200 {
				t.Errorf("%s: hit %s: HTTP %d", path, h.URL, c)
			}
		}
	}
	if c, body := get("/search/?q=" + url.QueryEscape("财务收支")); c != 200 || !strings.Contains(body, `<span class="site">某某社区居务公开</span>`) || !strings.Contains(body, `href="/shequ/`) {
		t.Errorf("unified results page: %d\n%s", c, body)
	}
	if c, body := get("/shequ/search/?q=" + url.QueryEscape("财务收支")); c != 200 || !strings.Contains(body, `href="/shequ/disclosures/`) {
		t.Errorf("site results page: %d\n%s", c, body)
	}
	if c, _ := get("/shequ/disclosures/2026-q2/"); c != 200 {
		t.Errorf("a site's page: %d", c)
	}

	// A new build of one site is searched once it replaces the site's folder.
	page := filepath.Join(dir, "sites", "zhen", "content", "policies", "2026-9.md")
	if err := os.WriteFile(page, []byte("---\ntitle: 新增页面\ntype: policy\n---\n平台统一搜索换版验证。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root = rootCmd()
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs([]string{"build", "-s", dir})
	if err := root.Execute(); err != nil {
		t.Fatalf("rebuild: %v\n%s", err, out.String())
	}
	waitFor(func() bool {
		r := api("/api/search?q=" + url.QueryEscape("换版验证"))
		return r.Total == 1 && r.Hits[0].Site == "zhen"
	})
}
