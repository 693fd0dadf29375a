package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/spf13/afero"
)

const packName = "/_search/static/k/0123456789ab.bin"

// testSite is a built site: a page large enough to compress, a small file, a pack, a 404 page.
func testSite(t testing.TB) (afero.Fs, []byte, []byte) {
	fs := afero.NewMemMapFs()
	page := []byte("<!doctype html><html><body><h1>昆明市社区治理</h1>" + strings.Repeat("<p>第一条　为了加强社区治理。</p>", 200) + "</body></html>")
	pack := make([]byte, 5000)
	for i := range pack {
		pack[i] = byte(i * 7)
	}
	files := map[string][]byte{
		"/public/policies/kunming/index.html":  page,
		"/public/css/style.css":                []byte("body{color:#000}" + strings.Repeat(".a{margin:0}", 50)),
		"/public/tiny.txt":                     []byte("小"),
		"/public/data.csv":                     []byte(strings.Repeat("名称,日期\n甲,2026-01-01\n", 40)),
		"/public/index.xml":                    []byte("<rss>" + strings.Repeat("<item>x</item>", 40) + "</rss>"),
		"/public/logo.png":                     bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 200),
		"/public" + packName:                   pack,
		"/public/_search/static/manifest.json": []byte(`{"shards":1,` + strings.Repeat(`"x":1,`, 60) + `"y":2}`),
		"/public/_search/index/store":          []byte("secret index"),
		"/public/404.html":                     []byte("<html><body>" + strings.Repeat("找不到页面。", 60) + "</body></html>"),
	}
	mod := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	for name, data := range files {
		if err := afero.WriteFile(fs, name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_ = fs.Chtimes(name, mod, mod)
	}
	return fs, page, pack
}

func do(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// decoded is a response body with its Content-Encoding undone.
func decoded(t *testing.T, w *httptest.ResponseRecorder) []byte {
	t.Helper()
	var rd io.Reader = w.Body
	switch w.Header().Get("Content-Encoding") {
	case "gzip":
		zr, err := gzip.NewReader(w.Body)
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		rd = zr
	case "br":
		rd = brotli.NewReader(w.Body)
	case "":
	default:
		t.Fatalf("unexpected Content-Encoding %q", w.Header().Get("Content-Encoding"))
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return b
}

func TestNegotiate(t *testing.T) {
	for _, c := range []struct{ header, want, dynamic string }{
		{"", "", ""},
		{"gzip", "gzip", ""},
		{"gzip, deflate", "gzip", ""},
		{"gzip, deflate, br, zstd", "br", "gzip"},
		{"br;q=0.5, gzip", "gzip", ""},
		{"br;q=1.0, gzip;q=0.8", "br", ""},
		{"gzip;q=0", "", ""},
		{"GZIP", "gzip", ""},
		{"x-gzip", "gzip", ""},
		{"*", "br", "gzip"},
		{"*;q=0", "", ""},
		{"*;q=0.5, br;q=0", "gzip", ""},
		{"identity", "", ""},
		{"deflate", "", ""},
		{"gzip;q=abc", "", ""},
		{"gzip;q=2", "", ""},
		{"gzip;q=0.001", "gzip", ""},
		{" , ;q=1, gzip ; q=0.9 ", "gzip", ""},
		{"br;q=0, br;q=1", "br", ""},
		{"br", "br", ""},
	} {
		if got := negotiate([]string{c.header}, true); got != c.want {
			t.Errorf("Accept-Encoding %q: got %q, want %q", c.header, got, c.want)
		}
		want := c.want
		if c.dynamic != "" {
			want = c.dynamic
		}
		if got := negotiate([]string{c.header}, false); got != want {
			t.Errorf("Accept-Encoding %q, gzip preferred: got %q, want %q", c.header, got, want)
		}
	}
}

func TestServeCompression(t *testing.T) {
	fs, page, _ := testSite(t)
	s := New(fs, "/public", false)
	for _, c := range []struct {
		path, accept, wantCoding string
	}{
		{"/policies/kunming/", "", ""},
		{"/policies/kunming/", "gzip", "gzip"},
		{"/policies/kunming/", "gzip, deflate, br", "br"},
		{"/policies/kunming/", "br;q=0.2, gzip;q=0.9", "gzip"},
		{"/policies/kunming/", "gzip;q=0", ""},
		{"/policies/kunming/", "identity", ""},
		{"/css/style.css", "gzip", "gzip"},
		{"/data.csv", "gzip", "gzip"},
		{"/index.xml", "br", "br"},
		{"/_search/static/manifest.json", "gzip", "gzip"},
		{"/tiny.txt", "gzip", ""}, // too small to gain
		{"/logo.png", "gzip", ""}, // not text
		{packName, "gzip, br", ""},
	} {
		w := do(s, "GET", c.path, "Accept-Encoding", c.accept)
		if w.Code != http.StatusOK {
			t.Errorf("%s (%q): status %d", c.path, c.accept, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Encoding"); got != c.wantCoding {
			t.Errorf("%s (%q): Content-Encoding %q, want %q", c.path, c.accept, got, c.wantCoding)
		}
		text := compressible(w.Header().Get("Content-Type"))
		if vary := w.Header().Get("Vary"); text != (vary == "Accept-Encoding") {
			t.Errorf("%s: Vary %q for Content-Type %s", c.path, vary, w.Header().Get("Content-Type"))
		}
		if cl := w.Header().Get("Content-Length"); cl != "" && cl != itoa(w.Body.Len()) {
			t.Errorf("%s (%q): Content-Length %s for a body of %d bytes", c.path, c.accept, cl, w.Body.Len())
		}
		body := decoded(t, w)
		if c.path == "/policies/kunming/" && !bytes.Equal(body, page) {
			t.Errorf("%s (%q): decoded body differs from the file", c.path, c.accept)
		}
	}
}

func TestServeCacheHeaders(t *testing.T) {
	fs, _, _ := testSite(t)
	s := New(fs, "/public", false)
	w := do(s, "GET", packName)
	if got := w.Header().Get("Cache-Control"); got != cacheImmutable {
		t.Errorf("pack: Cache-Control %q, want %q", got, cacheImmutable)
	}
	if got := w.Header().Get("ETag"); got != `"0123456789ab"` {
		t.Errorf("pack: ETag %q", got)
	}
	for _, p := range []string{"/policies/kunming/", "/css/style.css", "/_search/static/manifest.json", "/logo.png"} {
		w := do(s, "GET", p, "Accept-Encoding", "gzip")
		if got := w.Header().Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", p, got)
		}
		if et := w.Header().Get("ETag"); !strings.HasPrefix(et, `"`) || !strings.HasSuffix(et, `"`) || len(et) < 10 {
			t.Errorf("%s: ETag %q is not a strong validator", p, et)
		}
		if got := w.Header().Get("Last-Modified"); got != "Tue, 01 Dec 2026 08:00:00 GMT" {
			t.Errorf("%s: Last-Modified %q", p, got)
		}
	}
}

func TestServeNotModified(t *testing.T) {
	fs, _, _ := testSite(t)
	s := New(fs, "/public", false)
	plain := do(s, "GET", "/policies/kunming/").Header().Get("ETag")
	gz := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip").Header().Get("ETag")
	if plain == gz {
		t.Fatalf("the gzip form has the identity form's ETag %s", plain)
	}
	png := do(s, "GET", "/logo.png").Header().Get("ETag")
	for _, c := range []struct {
		name   string
		path   string
		header []string
		want   int
	}{
		{"identity tag", "/policies/kunming/", []string{"If-None-Match", plain}, 304},
		{"gzip tag, gzip asked", "/policies/kunming/", []string{"If-None-Match", gz, "Accept-Encoding", "gzip"}, 304},
		{"gzip tag, identity asked", "/policies/kunming/", []string{"If-None-Match", gz}, 200},
		{"one of several tags", "/policies/kunming/", []string{"If-None-Match", `"x", ` + plain}, 304},
		{"star", "/policies/kunming/", []string{"If-None-Match", "*"}, 304},
		{"other tag", "/policies/kunming/", []string{"If-None-Match", `"0000"`}, 200},
		{"weak form of the tag", "/policies/kunming/", []string{"If-None-Match", "W/" + plain}, 304},
		{"modified since before", "/policies/kunming/", []string{"If-Modified-Since", "Mon, 30 Nov 2026 08:00:00 GMT"}, 200},
		{"not modified since", "/policies/kunming/", []string{"If-Modified-Since", "Tue, 01 Dec 2026 08:00:00 GMT"}, 304},
		{"tag wins over date", "/policies/kunming/", []string{"If-None-Match", `"0000"`, "If-Modified-Since", "Tue, 01 Dec 2026 08:00:00 GMT"}, 200},
		{"binary file", "/logo.png", []string{"If-None-Match", png}, 304},
		{"pack", packName, []string{"If-None-Match", `"0123456789ab"`}, 304},
	} {
		w := do(s, "GET", c.path, c.header...)
		if w.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, w.Code, c.want)
		}
		if c.want == 304 && w.Body.Len() != 0 {
			t.Errorf("%s: 304 with a body of %d bytes", c.name, w.Body.Len())
		}
	}
}

func TestServeRange(t *testing.T) {
	fs, page, pack := testSite(t)
	s := New(fs, "/public", false)
	w := do(s, "GET", packName, "Range", "bytes=100-199", "Accept-Encoding", "gzip, br")
	if w.Code != http.StatusPartialContent || !bytes.Equal(w.Body.Bytes(), pack[100:200]) || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("pack, one range: status %d, %d bytes, coding %q", w.Code, w.Body.Len(), w.Header().Get("Content-Encoding"))
	}
	if got := w.Header().Get("Content-Range"); got != "bytes 100-199/5000" {
		t.Errorf("pack, one range: Content-Range %q", got)
	}
	// The static search client asks for several objects of a pack at once.
	w = do(s, "GET", packName, "Range", "bytes=0-9,4000-4099,4990-", "Accept-Encoding", "gzip")
	mt, params, err := mime.ParseMediaType(w.Header().Get("Content-Type"))
	if w.Code != http.StatusPartialContent || err != nil || mt != "multipart/byteranges" {
		t.Fatalf("pack, three ranges: status %d, Content-Type %q", w.Code, w.Header().Get("Content-Type"))
	}
	mr := multipart.NewReader(w.Body, params["boundary"])
	for _, want := range [][]byte{pack[0:10], pack[4000:4100], pack[4990:]} {
		part, err := mr.NextPart()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(part)
		if !bytes.Equal(got, want) {
			t.Errorf("pack, part %s: %d bytes differ", part.Header.Get("Content-Range"), len(got))
		}
	}
	// A range of a text file is of its identity bytes, even when the client takes gzip.
	w = do(s, "GET", "/policies/kunming/", "Range", "bytes=10-49", "Accept-Encoding", "gzip")
	if w.Code != http.StatusPartialContent || !bytes.Equal(w.Body.Bytes(), page[10:50]) || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("page range: status %d, coding %q, body %q", w.Code, w.Header().Get("Content-Encoding"), w.Body.String())
	}
	// If-Range with the current tag gives the range, with an old one the whole file.
	etag := do(s, "GET", packName).Header().Get("ETag")
	if w := do(s, "GET", packName, "Range", "bytes=0-9", "If-Range", etag); w.Code != 206 {
		t.Errorf("If-Range current: status %d", w.Code)
	}
	if w := do(s, "GET", packName, "Range", "bytes=0-9", "If-Range", `"old"`); w.Code != 200 || w.Body.Len() != len(pack) {
		t.Errorf("If-Range old: status %d, %d bytes", w.Code, w.Body.Len())
	}
	if w := do(s, "GET", packName, "Range", "bytes=6000-7000"); w.Code != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("range past the end: status %d", w.Code)
	}
}

func TestServeHead(t *testing.T) {
	fs, _, pack := testSite(t)
	s := New(fs, "/public", false)
	get := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip")
	head := do(s, "HEAD", "/policies/kunming/", "Accept-Encoding", "gzip")
	if head.Code != 200 || head.Body.Len() != 0 {
		t.Errorf("HEAD: status %d, body %d bytes", head.Code, head.Body.Len())
	}
	for _, k := range []string{"Content-Encoding", "Content-Length", "ETag", "Vary", "Cache-Control", "Content-Type"} {
		if head.Header().Get(k) != get.Header().Get(k) {
			t.Errorf("HEAD %s %q, GET %q", k, head.Header().Get(k), get.Header().Get(k))
		}
	}
	head = do(s, "HEAD", packName)
	if head.Body.Len() != 0 || head.Header().Get("Content-Length") != itoa(len(pack)) {
		t.Errorf("HEAD pack: body %d bytes, Content-Length %q", head.Body.Len(), head.Header().Get("Content-Length"))
	}
	nf := do(s, "HEAD", "/nowhere/", "Accept-Encoding", "gzip")
	if nf.Code != 404 || nf.Body.Len() != 0 || nf.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("HEAD 404: status %d, body %d, coding %q", nf.Code, nf.Body.Len(), nf.Header().Get("Content-Encoding"))
	}
}

func TestServeNotFoundAndIndexHidden(t *testing.T) {
	fs, _, _ := testSite(t)
	s := New(fs, "/public", false)
	for _, p := range []string{"/nowhere/", "/_search/index/store", "/_search/index/"} {
		w := do(s, "GET", p, "Accept-Encoding", "gzip")
		if w.Code != 404 || !strings.Contains(string(decoded(t, w)), "找不到页面") {
			t.Errorf("%s: status %d", p, w.Code)
		}
		if w.Header().Get("ETag") != "" {
			t.Errorf("%s: a 404 carries the ETag %s", p, w.Header().Get("ETag"))
		}
	}
}

func TestServeRebuiltChangesETag(t *testing.T) {
	fs, page, _ := testSite(t)
	s := New(fs, "/public", true)
	before := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip")
	// The same size and time, so that only the rebuild notice tells the cache.
	changed := bytes.Replace(page, []byte("昆明"), []byte("曲靖"), 1)
	mod := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	_ = afero.WriteFile(fs, "/public/policies/kunming/index.html", changed, 0o644)
	_ = fs.Chtimes("/public/policies/kunming/index.html", mod, mod)
	s.Rebuilt()
	after := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip")
	if before.Header().Get("ETag") == after.Header().Get("ETag") {
		t.Errorf("ETag %s unchanged after a rebuild changed the page", after.Header().Get("ETag"))
	}
	if !strings.Contains(string(decoded(t, after)), "曲靖") {
		t.Errorf("the rebuilt page is not served")
	}
	w := do(s, "GET", "/policies/kunming/", "If-None-Match", before.Header().Get("ETag"), "Accept-Encoding", "gzip")
	if w.Code != 200 {
		t.Errorf("the old ETag still gives %d", w.Code)
	}
	// A failed build shows its error on the page: the page's tag changes again.
	s.Failed("content/a.md:3: 日期有误")
	failed := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip")
	if failed.Header().Get("ETag") == after.Header().Get("ETag") || !strings.Contains(string(decoded(t, failed)), "日期有误") {
		t.Errorf("after a failed build: ETag %s, error shown: %v", failed.Header().Get("ETag"), strings.Contains(string(decoded(t, failed)), "日期有误"))
	}
}

func TestServeKeepsCompressedBytes(t *testing.T) {
	fs, _, _ := testSite(t)
	s := New(fs, "/public", false)
	a := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip")
	e := s.cache.entries["/policies/kunming/index.html"]
	if e == nil || e.coded["gzip"] == nil {
		t.Fatal("the gzip form was not kept")
	}
	kept := &e.coded["gzip"][0]
	b := do(s, "GET", "/policies/kunming/", "Accept-Encoding", "gzip")
	if !bytes.Equal(a.Body.Bytes(), b.Body.Bytes()) || &s.cache.entries["/policies/kunming/index.html"].coded["gzip"][0] != kept {
		t.Error("the second request compressed the page again")
	}
}

func TestFileCacheBudget(t *testing.T) {
	fs, _, _ := testSite(t)
	s := New(fs, "/public", false)
	s.cache.budget = 8000
	for _, p := range []string{"/policies/kunming/", "/css/style.css", "/data.csv", "/index.xml", "/_search/static/manifest.json"} {
		do(s, "GET", p, "Accept-Encoding", "gzip")
		do(s, "GET", p, "Accept-Encoding", "br")
	}
	checkHeld(t, s)
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.held > s.cache.budget && s.cache.lru.Len() > 1 {
		t.Errorf("held %d bytes in %d entries over a budget of %d", s.cache.held, s.cache.lru.Len(), s.cache.budget)
	}
}

func TestServeSearchCompressed(t *testing.T) {
	fs, _, _ := testSite(t)
	s := New(fs, "/public", false)
	s.SetSearch(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/search.csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Length", "999")
			_, _ = io.WriteString(w, strings.Repeat("标题,日期\n", 100))
		case "/api/search":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"hits":[`+strings.Repeat(`{"title":"昆明"},`, 50)+`{}]}`)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, "<html><body>"+strings.Repeat("<p>结果</p>", 100)+"</body></html>")
		}
	}))
	for _, p := range []string{"/search?q=昆明", "/api/search?q=昆明", "/search.csv?q=昆明"} {
		for _, accept := range []string{"gzip", "br", ""} {
			w := do(s, "GET", p, "Accept-Encoding", accept)
			if got := w.Header().Get("Content-Encoding"); got != accept {
				t.Errorf("%s (%q): Content-Encoding %q", p, accept, got)
			}
			if w.Header().Get("Vary") != "Accept-Encoding" || w.Header().Get("Content-Length") != itoa(w.Body.Len()) {
				t.Errorf("%s (%q): Vary %q, Content-Length %q for %d bytes", p, accept, w.Header().Get("Vary"), w.Header().Get("Content-Length"), w.Body.Len())
			}
			if body := decoded(t, w); !strings.Contains(string(body), "昆明") && !strings.Contains(string(body), "结果") && !strings.Contains(string(body), "标题") {
				t.Errorf("%s (%q): body %q", p, accept, body)
			}
		}
	}
}

// BenchmarkServePage measures a request for a hot 96 KB page, gzip asked: served from the
// kept compressed bytes, and compressed for each request as it was before they were kept.
func BenchmarkServePage(b *testing.B) {
	fs := afero.NewMemMapFs()
	page := benchPage(96 << 10)
	_ = afero.WriteFile(fs, "/public/p/index.html", page, 0o644)
	s := New(fs, "/public", false)
	b.Run("kept", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for i := 0; i < b.N; i++ {
			do(s, "GET", "/p/", "Accept-Encoding", "gzip")
		}
	})
	for _, c := range []struct {
		coding string
		level  int
	}{{"gzip", staticGzip}, {"gzip", dynamicGzip}, {"br", staticBrotli}, {"br", dynamicBrotli}} {
		b.Run("each/"+c.coding+"-"+itoa(c.level), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			var n int
			for i := 0; i < b.N; i++ {
				n = len(compress(c.coding, c.level, page))
			}
			b.ReportMetric(float64(n), "out-bytes")
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// benchPage is an HTML page of n bytes whose paragraphs vary as a law's articles do, so that
// it compresses about as well as a real page (a repeated paragraph compresses far better).
func benchPage(n int) []byte {
	words := strings.Fields("社区 治理 居民 委员会 街道 办事处 人民政府 应当 组织 开展 服务 管理 工作 依法 规定 " +
		"条例 本市 公共 设施 建设 保障 监督 检查 责任 单位 个人 权利 义务 协商 议事 公开 信息 财务 村务 " +
		"网格 志愿 养老 救助 物业 业主 环境 卫生 安全 应急 文化 教育 医疗 就业 民政 部门 区县 乡镇")
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>昆明市社区治理条例</title></head><body><main>`)
	x := uint32(1)
	for art := 1; b.Len() < n; art++ {
		fmt.Fprintf(&b, `<p id="a%d"><strong>第%d条</strong>　`, art, art)
		for i := 0; i < 30; i++ {
			x = x*1664525 + 1013904223
			b.WriteString(words[int(x>>16)%len(words)])
			if x%7 == 0 {
				b.WriteString("，")
			}
		}
		b.WriteString("。</p>\n")
	}
	b.WriteString("</main></body></html>")
	return []byte(b.String())
}

// Requests in parallel, with rebuilds between them, keep the cache's count of bytes held
// true (run with -race).
func TestFileCacheConcurrent(t *testing.T) {
	fs, page, _ := testSite(t)
	s := New(fs, "/public", false)
	s.cache.budget = 30000
	paths := []string{"/policies/kunming/", "/css/style.css", "/data.csv", "/index.xml", "/_search/static/manifest.json", packName}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				p := paths[(g+i)%len(paths)]
				w := do(s, "GET", p, "Accept-Encoding", []string{"gzip", "br", ""}[i%3])
				if w.Code != 200 {
					t.Errorf("%s: status %d", p, w.Code)
				}
				if p == "/policies/kunming/" && !bytes.Equal(decoded(t, w), page) {
					t.Errorf("%s: body differs", p)
				}
				if g == 0 && i%10 == 9 {
					s.Rebuilt()
				}
			}
		}()
	}
	wg.Wait()
	checkHeld(t, s)
}

// checkHeld fails the test when the cache's count of the bytes it holds differs from the sum
// of its entries, plain and encoded.
func checkHeld(t *testing.T, s *Server) {
	t.Helper()
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	var n int64
	for e := s.cache.lru.Front(); e != nil; e = e.Next() {
		en := e.Value.(*entry)
		n += int64(len(en.data))
		for _, b := range en.coded {
			n += int64(len(b))
		}
	}
	if n != s.cache.held {
		t.Errorf("held %d bytes, counted %d", s.cache.held, n)
	}
}
