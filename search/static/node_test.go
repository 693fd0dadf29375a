package static

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/minify"
	"github.com/gongkai/gongkai/search"
	"github.com/spf13/afero"
)

// engineCases are requests, as the search page's query string, whose results
// the browser client must reproduce exactly: same total, hits in the same
// order with the same scores and snippets, same facets. They cover phrases,
// AND, OR, exclusion, synonyms, 文号, single characters, filters, dates,
// sorting and paging.
var engineCases = []string{
	"q=低保", "q=社区", "q=社区治理", "q=城乡社区治理", "q=居委会", "q=村委会", "q=村务公开",
	"q=中发[2017]13号", "q=中发〔2017〕13号", "q=昆民发〔2010〕1号", "q=刘  智", "q=刘 智",
	"q=\"社区工作者\"", "q=雪亮工程 牵头", "q=社区 -治理", "q=低保 OR 特困", "q=民", "q=的",
	"q=网格员", "q=社工", "q=2018年", "q=第一条", "q=13号文", "q=第1条", "q=完善城乡社区治理体系",
	"q=社区&page=2", "q=社区&page=3&size=7", "q=社区&sort=-date", "q=社区&sort=date",
	"q=社区&issuer=机关1", "q=社区&type=policies&type=disclosures", "q=社区&from=2019-01-01&to=2021-12-31",
	"q=社区&year=2018", "type=policies", "q=-社区", "q=党建引领", "q=不存在的词语组合", "q=abc",
	"q=村民 代表 会议", "q=资金 公开", "q=公示&sort=-date&page=2",
	"q=会 协商", "q=民 社区", "q=的 治理", "q=治理 的", "q=村 公开 -的",
	"q=第三条", "q=第3条 第4条", "q=3条&sort=date", "q=第二条&type=policies", "q=社区第二条", "q=第二条 -社区", "q=附件1",
	// Issue 14: documents as the unit (terms in the title and in parts), article references,
	// traditional characters, near misses (relaxed pass, suggestion), with filters, paging, sorting.
	"q=城乡社区治理 居民", "q=社区治理 网格员 经费", "q=城乡社区治理 第二条", "q=城乡社区治理第二条", "q=社区 第13条",
	"q=第十三条&sort=-date", "q=網格員", "q=社區治理", "q=社区怎么治理", "q=城乡社区治里", "q=城乡社区治里&page=2&size=3",
	"q=社区工作者如何&type=policies", "q=居民委员会怎么选举", "q=怎么", "q=社区治里 -低保", "q=雪亮工程 OR 社区治里",
	"q=社区 OR 村民 -低保&sort=date", "q=低保&type=disclosures&sort=-date", "q=治理&page=2&size=3",
	// A combining mark after a Han character (foldRecords' 社\u0301区服务): part of the run, as on the server.
	"q=社\u0301区服务", "q=社\u0301区", "q=区服务",
}

// TestClientAgainstServer builds an index of the example site's text,
// exports it with tinyLayout (so every list form, range chunks and impact
// blocks are used) and runs the node tests in js_test against what
// search.Index returns. It skips without node.
func TestClientAgainstServer(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; the JavaScript client is not tested")
	}
	fixture := t.TempDir()
	if keep := os.Getenv("GONGKAI_STATIC_FIXTURE_OUT"); keep != "" { // for debugging the client by hand
		fixture = keep
		_ = os.RemoveAll(filepath.Join(keep, "static"))
	}
	records := append(append(corpusRecords(t), foldRecords()...), titleRecords()...)
	dir := buildIndex(t, records)
	src, err := openSource(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	static := filepath.Join(fixture, "static")
	if _, err := exportWith(tinyLayout, src, afero.NewOsFs(), static); err != nil {
		t.Fatal(err)
	}
	src.close()
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var expected []map[string]any
	for _, c := range append(append(engineCases, foldEngineCases...), titleEngineCases...) {
		expected = append(expected, serverResult(t, ix, c))
	}
	writeJSON(t, filepath.Join(fixture, "expected.json"), expected)
	writeJSON(t, filepath.Join(fixture, "analysis.json"), analysisCases(t, records))

	// go test caches results by the files the test reads; node reads these.
	tests, _ := filepath.Glob("js_test/*.mjs")
	for _, f := range append(tests, "testdata/query_cases.json") {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	// The tests load the client as the build publishes it, minified.
	script, err := os.ReadFile(clientScript)
	if err != nil {
		t.Fatal(err)
	}
	client := filepath.Join(fixture, "search.min.js")
	if err := os.WriteFile(client, minify.Asset(clientScript, script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "--test", "--test-reporter=spec", ".")
	cmd.Dir = "js_test"
	cmd.Env = append(os.Environ(), "GONGKAI_STATIC_FIXTURE="+fixture, "GONGKAI_CLIENT="+client)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test failed: %v\n%s", err, tail(string(out), 6000))
	}
	if !strings.Contains(string(out), "engine") {
		t.Fatalf("node did not run the engine tests:\n%s", tail(string(out), 3000))
	}
}

// serverResult is what search.Index answers for a query string, in the
// shape the JavaScript test compares.
func serverResult(t *testing.T, ix *search.Index, qs string) map[string]any {
	t.Helper()
	v, err := url.ParseQuery(qs)
	if err != nil {
		t.Fatal(err)
	}
	req := search.Request{Query: v.Get("q"), Sort: v.Get("sort"), Filters: map[string][]string{}}
	for _, name := range search.FilterNames() {
		if vs := v[name]; len(vs) > 0 {
			req.Filters[name] = vs
		}
	}
	req.Page = atoi(v.Get("page"))
	req.Size = atoi(v.Get("size"))
	if s := v.Get("from"); s != "" {
		req.From, _ = time.Parse(time.DateOnly, s)
	}
	if s := v.Get("to"); s != "" {
		d, _ := time.Parse(time.DateOnly, s)
		req.To = d.Add(24*time.Hour - time.Nanosecond)
	}
	out := map[string]any{"params": qs}
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		out["error"] = err.Error()
		return out
	}
	var hits []map[string]any
	for _, h := range res.Hits {
		date := ""
		if !h.Date.IsZero() {
			date = h.Date.Format(time.DateOnly)
		}
		parts := []map[string]any{}
		for _, p := range h.Parts {
			parts = append(parts, map[string]any{"url": p.URL, "anchor": p.Anchor, "section": p.Section, "snippet": string(p.Snippet)})
		}
		hits = append(hits, map[string]any{"url": h.URL, "title": h.Title, "section": h.Section, "doc_number": h.DocNumber,
			"type": h.Type, "date": date, "snippet": string(h.Snippet), "score": h.Score, "parts": parts})
	}
	facets := map[string]any{}
	for name, fs := range res.Facets {
		var list []map[string]any
		for _, f := range fs {
			list = append(list, map[string]any{"value": f.Value, "count": f.Count})
		}
		facets[name] = list
	}
	out["total"], out["page"], out["pages"], out["hits"], out["facets"] = res.Total, res.Page, res.Pages, hits, facets
	out["exact"], out["relaxed"], out["suggest"] = res.Exact, res.Relaxed, res.Suggest
	return out
}

// analysisCases are strings with the tokens the index's analyzer makes of
// them, for the client's query analysis to match.
func analysisCases(t *testing.T, records []search.Record) []map[string]any {
	a, err := newTextAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []map[string]any
	add := func(s string) {
		if s = strings.TrimSpace(s); s == "" || seen[s] || len([]rune(s)) > 200 {
			return
		}
		seen[s] = true
		var toks [][2]any
		for _, tk := range a.Analyze([]byte(s)) {
			toks = append(toks, [2]any{string(tk.Term), tk.Position})
		}
		out = append(out, map[string]any{"s": s, "tokens": toks})
	}
	for _, r := range records {
		for _, line := range strings.Split(r.Body, "\n") {
			add(line)
		}
	}
	for _, s := range append([]string{"刘  智同志", "ＡＢＣ１２３公司", "2018.5.1起", "1,000元", "v1.2版", "e.g.例如", "don't", "A.B.C",
		"中发[2017]13号", "第1条", "カタカナ・ひらがな", "ー长音", "Ⅳ级", "①②③", "℃", "x_y", "ÉCOLE", "İstanbul", "ΣΑΣ", "𠀀𠀁字",
		"低保。保障", "低保 保障", "低保\n保障", "a\u00a0b", "文\u3000号", "12:30", "3·15", "http://example.com/a?b=c",
		// Marks and format characters after Han (pasted from Word, or typed by an IME): each is a
		// character of the run, as the server's segmenter splits it; a zero-width space is not.
		"社\u0301区", "社区\u0301治理", "社\u200d区", "社\ufe0f区", "社\u200b区", "ab\u200bc", "a\u0301b"}, foldAnalysisStrings()...) {
		add(s)
	}
	return out
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
