package platform

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/multi"
	"github.com/spf13/afero"
)

// unifiedCases are unified searches, as the portal search page's query string, that the
// static client must answer as the server does.
var unifiedCases = []string{
	"q=最低生活保障",                  // a phrase in one site only
	"q=财务收支",                    // another site only
	"q=社区服务",                    // two sites
	"q=社区",                      // all three: the site facet counts each
	"q=社区&site=zhen&site=shequ", // the site filter
	"q=社区&site=xian&type=policy",
	"q=社区&sort=-date", "q=社区&sort=date", "q=社区&page=2&size=2",
	"type=disclosure",  // filters only: newest first over every site
	"q=社区服务体系怎么建设",     // relaxed on every site
	"q=城乡社区服务休系",       // a near miss: the suggestion from the merged relaxed titles
	"q=财务收支&site=xian", // nothing in the chosen site
	"q=低保 OR 收入",
	"q=低保 OR 某某镇2026年11月低保对象公示", // zhen's notice, named by its whole title, first over xian's higher score
	"q=社区&site=nosuch",
}

// TestUnifiedSearch builds testdata/platform with its indexes, checks the unified search's
// rules on it (search/multi over the sites' indexes, as gongkai serve runs it), and has the
// static client (search.js Platform, under node) answer every case from the sites' static
// exports as the server does. The node part skips without node.
func TestUnifiedSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three sites with their indexes")
	}
	root := filepath.Join(t.TempDir(), "p")
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "..", "testdata", "platform"))); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Fs: afero.NewOsFs(), Root: root, Now: testNow, Tool: "test", Context: context.Background()}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	man, err := ReadSearchManifest(nil, public)
	if err != nil {
		t.Fatal(err)
	}
	var sites []multi.Site
	for _, s := range man.Sites {
		ix, err := search.Open(filepath.Join(public, s.Name, filepath.FromSlash(build.IndexPath)))
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if s.Path != s.Name+"/" || s.Static != s.Name+"/_search/static/" {
			t.Errorf("manifest: %+v", s)
		}
		sites = append(sites, multi.Site{Name: s.Name, Title: s.Title, Prefix: "/" + s.Name, Open: func() *search.Index { return ix }})
	}
	if len(sites) != 3 || man.Sites[1].Title != "某某县人民政府" {
		t.Fatalf("manifest: %+v", man)
	}
	all, err := multi.New(sites)
	if err != nil {
		t.Fatal(err)
	}
	var expected []map[string]any
	for _, c := range unifiedCases {
		expected = append(expected, unifiedResult(t, all, c))
	}
	bySite := func(i int) map[string]float64 {
		out := map[string]float64{}
		for _, f := range expected[i]["facets"].(map[string]any)["site"].([]map[string]any) {
			out[f["value"].(string)] = float64(f["count"].(int))
		}
		return out
	}
	// 财务收支: the community's two accounts only.
	if got := bySite(1); len(got) != 1 || got["shequ"] != 2 || expected[1]["exact"] != 2 {
		t.Errorf("财务收支: site facet %v, %v exact", got, expected[1]["exact"])
	}
	for _, h := range expected[1]["hits"].([]map[string]any) {
		if h["site"] != "shequ" || !strings.HasPrefix(h["url"].(string), "/shequ/") {
			t.Errorf("财务收支: hit %v %v", h["site"], h["url"])
		}
	}
	// The town's notice, named by its whole title, first, though a county document scores higher.
	for i, c := range unifiedCases {
		if strings.Contains(c, "某某镇2026年11月低保对象公示") {
			var got []string
			for _, h := range expected[i]["hits"].([]map[string]any) {
				got = append(got, fmt.Sprint(h["site"], " ", h["score"]))
			}
			if len(got) < 2 || !strings.HasPrefix(got[0], "zhen ") {
				t.Errorf("%s: hits %v, want zhen's first", c, got)
			}
			t.Logf("%s: %v", c, got)
		}
	}
	if got := bySite(3); got["xian"] < 1 || got["zhen"] < 1 || got["shequ"] < 1 {
		t.Errorf("社区: site facet %v", got)
	}
	if got := bySite(4); got["xian"] != 0 || got["zhen"] < 1 || got["shequ"] < 1 {
		t.Errorf("社区 in zhen and shequ: site facet %v", got)
	}
	if expected[10]["relaxed"] != true || expected[11]["suggest"] != "城乡社区服务体系" {
		b, _ := json.MarshalIndent(expected[11], "", " ")
		t.Errorf("relaxed %v, suggestion %q\n%s", expected[10]["relaxed"], expected[11]["suggest"], b)
	}

	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; the static client is not tested")
	}
	fixture := root
	b, _ := json.Marshal(expected)
	if err := os.WriteFile(filepath.Join(fixture, "expected.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"js_test/platform.test.mjs", "assets/platform.js", "../../themes/default/static/js/search.js", "../../search/static/js_test/host.mjs"} {
		if _, err := os.ReadFile(f); err != nil { // go test caches by the files a test reads
			t.Fatal(err)
		}
	}
	cmd := exec.Command(node, "--test", "--test-reporter=spec", "platform.test.mjs")
	cmd.Dir = "js_test"
	cmd.Env = append(os.Environ(), "GONGKAI_PLATFORM_FIXTURE="+fixture, "GONGKAI_CLIENT="+filepath.Join(public, "js", "search.js"), "GONGKAI_PLATFORM_CLIENT="+filepath.Join(public, "js", "platform.js"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "platform search reproduces the server") {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
}

// unifiedResult is what the unified search answers for a query string, in the shape the node
// test compares.
func unifiedResult(t *testing.T, m *multi.Index, qs string) map[string]any {
	t.Helper()
	v, err := url.ParseQuery(qs)
	if err != nil {
		t.Fatal(err)
	}
	req := search.Request{Query: v.Get("q"), Sort: v.Get("sort"), Filters: map[string][]string{}}
	for _, name := range append(search.FilterNames(), multi.FilterSite) {
		if vs := v[name]; len(vs) > 0 {
			req.Filters[name] = vs
		}
	}
	req.Page = atoi(v.Get("page"))
	req.Size = atoi(v.Get("size"))
	out := map[string]any{"params": qs}
	res, err := m.Search(context.Background(), req)
	if err != nil {
		out["error"] = err.Error()
		return out
	}
	hits := []map[string]any{}
	for i, h := range res.Hits {
		date := ""
		if !h.Date.IsZero() {
			date = h.Date.Format(time.DateOnly)
		}
		parts := []map[string]any{}
		for _, p := range h.Parts {
			parts = append(parts, map[string]any{"url": p.URL, "anchor": p.Anchor, "section": p.Section, "snippet": string(p.Snippet)})
		}
		hits = append(hits, map[string]any{"site": res.Sources[i].Name, "url": h.URL, "title": h.Title, "section": h.Section, "doc_number": h.DocNumber,
			"type": h.Type, "date": date, "snippet": string(h.Snippet), "score": h.Score, "parts": parts})
	}
	facets := map[string]any{}
	for name, fs := range res.Facets {
		var list []map[string]any
		for _, f := range fs {
			list = append(list, map[string]any{"value": f.Value, "count": f.Count})
		}
		if len(list) > 0 {
			facets[name] = list
		}
	}
	out["total"], out["page"], out["pages"], out["hits"], out["facets"] = res.Total, res.Page, res.Pages, hits, facets
	out["exact"], out["relaxed"], out["suggest"] = res.Exact, res.Relaxed, res.Suggest
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
