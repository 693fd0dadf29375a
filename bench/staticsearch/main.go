// Command staticsearch measures search on a static host: a built site served
// by a plain file server, queried in headless Chromium through the search
// page's own script (themes/default/static/js/search.js).
//
//	go run ./bench/staticsearch -site DIR/public [-gongkai BIN -source DIR] [-queries bench/queries.txt] [-client FILE] [-sort date|-date]
//
// With -gongkai and -source it first builds the site (timed); when the site
// has no static export yet it writes one (timed). It reports, per query, the
// bytes the page transferred (the client's own count: the sum of
// PerformanceResourceTiming.transferSize), requests and time; the first query
// includes the script. Then it checks exact-phrase totals against a plain
// substring count ("grep") over the indexed text, for random Chinese
// substrings of 2–6 characters. With -client the site's /js/search.js is
// replaced by FILE, minified as the build does, so an edited client is
// measured without rebuilding the site. With -sort the same queries are
// asked sorted by date (oldest or newest first), whose ranking must order
// the hits that share a date by score as the server does.
package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/bench/internal/headless"
	"github.com/gongkai/gongkai/generator/minify"
	"github.com/gongkai/gongkai/search/static"
	"github.com/spf13/afero"
)

func main() {
	site := flag.String("site", "", "built site folder (public/) to serve")
	gongkai := flag.String("gongkai", "", "gongkai binary: build -source first and time it")
	source := flag.String("source", "", "site source folder for -gongkai")
	queries := flag.String("queries", "bench/queries.txt", "queries, one per line (# comments)")
	samples := flag.Int("samples", 20, "random substrings checked against grep")
	seed := flag.Int64("seed", 1, "seed for the random substrings")
	http1 := flag.Bool("http1", false, "serve plain HTTP/1.1 instead of HTTPS with HTTP/2, as static hosts serve today")
	useNginx := flag.Bool("nginx", false, "serve with nginx (Debian package nginx-light) instead of Go's file server")
	flag.BoolVar(&singleRange, "single-range", false, "serve one range a request, as S3-style object storage does (a multi-range request gets the whole file)")
	clientJS := flag.String("client", "", "serve this search.js (minified as the build does) in place of the site's")
	flag.StringVar(&sortOrder, "sort", "", "ask every query sorted this way: date (oldest first) or -date (newest first); default relevance")
	pagefind := flag.String("pagefind", "", "also measure Pagefind on this folder (a Hugo build of the same corpus indexed by pagefind), same queries and phrases")
	flag.Parse()
	if *site == "" {
		fail(errors.New("-site is required"))
	}
	if sortOrder != "" && sortOrder != "date" && sortOrder != "-date" {
		fail(fmt.Errorf("-sort %q: use date (oldest first) or -date (newest first), or leave it out for relevance", sortOrder))
	}
	if *gongkai != "" {
		if err := timeBuild(*gongkai, *source); err != nil {
			fail(err)
		}
	}
	if err := prepare(*site); err != nil {
		fail(err)
	}
	if *clientJS != "" {
		cleanup, err := useClient(*site, *clientJS)
		if err != nil {
			fail(err)
		}
		defer cleanup()
	}
	qs, err := readQueries(*queries)
	if err != nil {
		fail(err)
	}
	serveSite := serve
	if *useNginx {
		serveSite = serveNginx
	}
	base, stop, err := serveSite(*site, !*http1)
	if err != nil {
		fail(err)
	}
	defer stop()
	ctx, cancel, err := browser()
	if err != nil {
		fail(err)
	}
	defer cancel()
	if err := measureQueries(ctx, base, qs); err != nil {
		fail(err)
	}
	var phrases []sample
	if *samples > 0 {
		if phrases, err = checkGrep(ctx, base, *site, *samples, *seed); err != nil {
			fail(err)
		}
	}
	if *pagefind != "" {
		pfBase, pfStop, err := serve(*pagefind, !*http1)
		if err != nil {
			fail(err)
		}
		defer pfStop()
		if err := measurePagefind(ctx, pfBase, qs, phrases); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "staticsearch:", err)
	os.Exit(1)
}

// timeBuild runs gongkai build, which writes the static export after the
// index, and reports the export's share (traced by GONGKAI_EXPORT_TRACE).
func timeBuild(gongkai, source string) error {
	start := time.Now()
	cmd := exec.Command(gongkai, "build", "-s", source)
	cmd.Env = append(os.Environ(), "GONGKAI_EXPORT_TRACE=1")
	var trace strings.Builder
	cmd.Stdout, cmd.Stderr = os.Stderr, &trace
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s: %w\n%s", source, err, trace.String())
	}
	total := time.Since(start)
	var export time.Duration
	for _, line := range strings.Split(trace.String(), "\n") {
		if f := strings.Fields(line); len(f) >= 4 && f[0] == "static" && f[2] == "done" {
			export, _ = time.ParseDuration(f[3])
		}
	}
	fmt.Printf("gongkai build, with export        %8.1f s\n", total.Seconds())
	fmt.Printf("  of which static export          %8.1f s   (+%.0f%% over the build without it)\n",
		export.Seconds(), 100*export.Seconds()/(total-export).Seconds())
	return nil
}

// prepare writes the static export when the build has not (a site built
// before gongkai exported it).
func prepare(site string) error {
	out := filepath.Join(site, "_search", "static")
	if _, err := os.Stat(filepath.Join(out, static.ManifestName)); err != nil {
		start := time.Now()
		man, err := static.Export(filepath.Join(site, "_search", "index"), afero.NewOsFs(), out)
		if err != nil {
			return err
		}
		fmt.Printf("export (static.Export)           %8.1f s   %d records, %d files, %.0f MB\n",
			time.Since(start).Seconds(), man.Records, man.Files, float64(man.Bytes)/1e6)
	}
	var size int64
	_ = filepath.WalkDir(out, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	fmt.Printf("export size                       %8.0f MB\n", float64(size)/1e6)
	rd, err := static.OpenReader(afero.NewOsFs(), out)
	if err != nil {
		return err
	}
	packKinds, err = rd.PackKinds()
	return err
}

func readQueries(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, nil
}

// serve is a plain static host: Go's file server (which honours Range),
// compressing text files as nginx's gzip or any CDN does; the packs are
// already as small as they get and are read by range. With h2 it serves
// HTTPS with HTTP/2, whose compressed headers make a range request cost
// tens of bytes rather than the ~230 of HTTP/1.1.
func serve(dir string, h2 bool) (string, func(), error) {
	files := fileServer(dir)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w := counting{rw, kindOf(r.URL.Path)}
		served.requests.Add(1)
		w.add(300) // Chrome's count for a request's headers
		if singleRange && strings.Contains(r.Header.Get("Range"), ",") {
			r.Header.Del("Range")
		}
		p := r.URL.Path
		if strings.Contains(p, "/_search/static/") && strings.HasSuffix(p, ".bin") {
			// Content-hashed: a host may let browsers keep them (nginx: expires max).
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		text := strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".json")
		if !text || r.Header.Get("Range") != "" || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		files.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(rec.Code)
		zw := gzip.NewWriter(w)
		_, _ = zw.Write(rec.Body.Bytes())
		_ = zw.Close()
	}))
	if h2 {
		srv.EnableHTTP2 = true
		srv.StartTLS()
		fmt.Println("served over HTTPS with HTTP/2")
	} else {
		srv.Start()
		fmt.Println("served over HTTP/1.1")
	}
	return srv.URL, srv.Close, nil
}

// serveNginx serves dir with nginx over HTTP/1.1, configured as a static
// host would be: gzip for text, content-hashed search files cached forever.
// nginx answers several ranges with shorter part headers than Go does.
func serveNginx(dir string, _ bool) (string, func(), error) {
	exe, err := exec.LookPath("nginx")
	if err != nil {
		return "", nil, errors.New("-nginx: nginx is not installed (apt-get install nginx-light)")
	}
	tmp, err := os.MkdirTemp("", "gongkai-nginx-")
	if err != nil {
		return "", nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := l.Addr().String()
	_ = l.Close()
	abs, _ := filepath.Abs(dir)
	conf := fmt.Sprintf(`daemon off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
worker_processes 1;
events {}
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path %[1]s;
	gzip on;
	gzip_types text/css application/javascript application/json;
	server {
		listen %[2]s;
		root %[3]s;
		location /_search/static/ { expires max; }%[4]s
	}
}
`, tmp, addr, abs, clientLocation(dir))
	if err := os.WriteFile(filepath.Join(tmp, "nginx.conf"), []byte(conf), 0o644); err != nil {
		return "", nil, err
	}
	cmd := exec.Command(exe, "-p", tmp, "-c", filepath.Join(tmp, "nginx.conf"))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	base := "http://" + addr
	for i := 0; i < 100; i++ {
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	fmt.Println("served by nginx over HTTP/1.1")
	// SIGTERM: the master stops its workers (a killed master leaves them running).
	return base, func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait(); _ = os.RemoveAll(tmp) }, nil
}

// client is what -client puts in place of the site's /js/search.js.
var client struct{ site, file string }

// useClient minifies src as the build publishes it (generator/minify) into a
// temporary file that the servers hand out as site's /js/search.js.
func useClient(site, src string) (func(), error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	data = minify.Asset(src, data)
	tmp, err := os.MkdirTemp("", "gongkai-client-")
	if err != nil {
		return nil, err
	}
	cleanup := func() { _ = os.RemoveAll(tmp) }
	client.site, client.file = site, filepath.Join(tmp, "search.js")
	// 0755: nginx's workers read it as another user.
	if err := errors.Join(os.Chmod(tmp, 0o755), os.WriteFile(client.file, data, 0o644)); err != nil {
		cleanup()
		return nil, err
	}
	fmt.Printf("client %s, minified: %d B\n", src, len(data))
	return cleanup, nil
}

// fileServer serves dir, with -client's script for the site.
func fileServer(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	if client.file == "" || dir != client.site {
		return files
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/js/search.js" {
			http.ServeFile(w, r, client.file)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// clientLocation is the nginx location that serves -client's script.
func clientLocation(dir string) string {
	if client.file == "" || dir != client.site {
		return ""
	}
	return fmt.Sprintf("\n\t\tlocation = /js/search.js { alias %s; }", client.file)
}

// singleRange makes serve answer a request for several ranges with the whole
// file, as S3-style object storage does.
var singleRange bool

// served counts what serve's servers sent: requests, and body bytes after
// compression. Pagefind fetches from a Web Worker, whose requests the page's
// resource timing does not list, so its bytes are counted here (with the
// 300 bytes a request that Chrome adds for headers).
var served struct{ requests, bytes atomic.Int64 }

type counting struct {
	http.ResponseWriter
	kind string
}

func (c counting) Write(b []byte) (int, error) {
	served.bytes.Add(int64(len(b)))
	c.add(len(b))
	return c.ResponseWriter.Write(b)
}

// add counts n bytes sent for a file of c's kind.
func (c counting) add(n int) {
	byKind.Lock()
	byKind.bytes[c.kind] += n
	if n == 300 {
		byKind.requests[c.kind]++
	}
	byKind.Unlock()
}

// byKind is what serve sent per kind of file (kindOf) since the last
// takeKinds, counting 300 bytes a request as Chrome does: where a query's
// bytes go. Multipart part headers count with their pack's kind.
var byKind = struct {
	sync.Mutex
	bytes, requests map[string]int
}{bytes: map[string]int{}, requests: map[string]int{}}

// packKinds is static.Reader.PackKinds of the site's export.
var packKinds map[string]string

// kindOf is the kind of file a path of the site is: a pack's kind (dict,
// meta, body, lists), "files" for the export's other files, "script" for
// the client, "page" for the rest.
func kindOf(p string) string {
	const dir = "/_search/static/"
	i := strings.Index(p, dir)
	switch {
	case i >= 0 && packKinds[p[i+len(dir):]] != "":
		return packKinds[p[i+len(dir):]]
	case i >= 0:
		return "files"
	case strings.HasSuffix(p, "/js/search.js"):
		return "script"
	}
	return "page"
}

// kindOrder is the order kinds are printed in.
var kindOrder = []string{"files", "dict", "lists", "meta", "body", "script", "page"}

// takeKinds returns what was counted per kind since the last call, as
// "kind KB/requests" in kindOrder, and the byte counts.
func takeKinds() (string, map[string]int) {
	byKind.Lock()
	defer byKind.Unlock()
	var parts []string
	for _, k := range kindOrder {
		if n := byKind.bytes[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %.1f/%d", k, float64(n)/1024, byKind.requests[k]))
		}
	}
	out := byKind.bytes
	byKind.bytes, byKind.requests = map[string]int{}, map[string]int{}
	return strings.Join(parts, " "), out
}

// browser is bench/internal/headless's Chromium, shared with bench/relevance.
func browser() (context.Context, func(), error) { return headless.Browser() }

// stats is GongkaiSearch.last plus the request count.
type stats struct {
	Error string  `json:"error"`
	Query string  `json:"query"`
	Bytes int     `json:"bytes"`
	MS    float64 `json:"ms"`
	Total int     `json:"total"`
	Exact int     `json:"exact"` // documents found as typed (the rest came from the relaxed pass)
	Reqs  int     `json:"reqs"`
}

const wait = `#results [role=status]:not([aria-busy]), #results .banner`

// lastStats reads the client's own count for the latest query.
const lastStats = `(() => { const l = GongkaiSearch.last || {}, b = document.querySelector('#results .banner'); return { query: l.query, bytes: l.bytes, ms: l.ms, total: l.total, exact: l.exact, error: b ? b.textContent : '',
	reqs: performance.getEntriesByType('resource').filter((e) => e.startTime >= performance.now() - l.ms - 1).length }; })()`

// sortOrder is -sort: "", "date" or "-date".
var sortOrder string

// searchQuery is the search page's query string for q in sortOrder.
func searchQuery(q string) string {
	v := url.Values{"q": {q}}
	if sortOrder != "" {
		v.Set("sort", sortOrder)
	}
	return "?" + v.Encode()
}

// typeQuery types q into the open search page, submits it and returns the
// client's own count for it. The form asks by relevance; for -sort the page
// goes to the sorted address as its own links do (history, then popstate),
// so that the script and what it has read stay loaded.
func typeQuery(ctx context.Context, q string) (stats, error) {
	var s stats
	submit := chromedp.Click(`form.searchform button`, chromedp.ByQuery)
	if sortOrder != "" {
		submit = chromedp.Evaluate(fmt.Sprintf(`history.pushState(null, '', %q); dispatchEvent(new PopStateEvent('popstate'))`, searchQuery(q)), nil)
	}
	err := chromedp.Run(ctx,
		chromedp.SetValue(`#q`, q, chromedp.ByID),
		submit,
		chromedp.Sleep(50*time.Millisecond),
		chromedp.WaitVisible(wait, chromedp.ByQuery),
		chromedp.Evaluate(lastStats, &s),
	)
	return s, err
}

func measureQueries(ctx context.Context, base string, qs []string) error {
	if sortOrder != "" {
		fmt.Printf("\nsorted by %s\n", sortOrder)
	}
	fmt.Printf("\n%-24s %10s %6s %9s %8s\n", "query", "bytes", "reqs", "ms", "total")
	// First query: a fresh page load, so the script and every shared file count.
	var first stats
	var pageBytes float64
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/search/"+searchQuery(qs[0])),
		chromedp.WaitVisible(wait, chromedp.ByQuery),
		chromedp.Evaluate(lastStats, &first),
		chromedp.Evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.indexOf('/_search/') < 0 && e.name.indexOf('/js/') < 0)
			.reduce((n, e) => n + e.transferSize, 0) + performance.getEntriesByType('navigation')[0].transferSize`, &pageBytes),
	)
	if err != nil {
		return err
	}
	var script float64
	if err := chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.indexOf('/js/search.js') >= 0).reduce((n, e) => n + e.transferSize, 0)`, &script)); err != nil {
		return err
	}
	// The client counts from the start of its search; the script loaded just before.
	first.Bytes += int(script)
	fmt.Printf("%-24s %10d %6d %9.0f %8d   (script %.0f B; page HTML+CSS %.0f B not counted)\n", first.Query, first.Bytes, first.Reqs, first.MS, first.Total, script, pageBytes)
	kinds, _ := takeKinds()
	fmt.Printf("%24s sent by kind (KB/requests, 300 B a request): %s\n", "", kinds)
	var later []int
	sum := map[string]int{}
	for _, q := range qs[1:] {
		s, err := typeQuery(ctx, q)
		if err != nil {
			return fmt.Errorf("query %q: %w", q, err)
		}
		later = append(later, s.Bytes)
		kinds, n := takeKinds()
		for k, v := range n {
			sum[k] += v
		}
		fmt.Printf("%-24s %10d %6d %9.0f %8d %s  [%s]\n", s.Query, s.Bytes, s.Reqs, s.MS, s.Total, s.Error, kinds)
	}
	if len(later) > 0 {
		var parts []string
		for _, k := range kindOrder {
			if sum[k] > 0 {
				parts = append(parts, fmt.Sprintf("%s %.1f", k, float64(sum[k])/1024/float64(len(later))))
			}
		}
		fmt.Printf("\nlater queries, mean KB sent by kind (server's count): %s\n", strings.Join(parts, ", "))
	}
	sort.Ints(later)
	if len(later) > 0 {
		fmt.Printf("\nfirst query incl. script: %.1f KB; later queries: median %.1f KB, max %.1f KB (%d queries)\n",
			float64(first.Bytes)/1024, float64(later[len(later)/2])/1024, float64(later[len(later)-1])/1024, len(later))
	}
	return nil
}

// checkGrep compares the client's totals for random exact phrases with a
// plain substring count over the text the index holds: a record matches when
// its title, 文号, section or body contains the phrase (search's fields; the
// title and 文号 are searched on document records only), and results are
// documents, so the documents holding such a record are counted (the
// client's exact count: a phrase found in fewer than three also brings
// relaxed results).
func checkGrep(ctx context.Context, base, site string, n int, seed int64) ([]sample, error) {
	rd, err := static.OpenReader(afero.NewOsFs(), filepath.Join(site, "_search", "static"))
	if err != nil {
		return nil, err
	}
	man := rd.Manifest()
	var texts [][]string
	var docOf []string // the page each record belongs to
	for gid := 0; gid < man.Records; gid++ {
		r, err := rd.Record(gid)
		if err != nil {
			return nil, err
		}
		docOf = append(docOf, strings.SplitN(r.Href, "#", 2)[0])
		if r.Section == "" && !strings.Contains(r.Href, "#") { // a document record
			texts = append(texts, []string{r.Title, r.DocNumber, r.Body})
		} else {
			texts = append(texts, []string{r.Section, r.Body})
		}
	}
	rng := rand.New(rand.NewSource(seed))
	var synonyms []string
	for _, g := range man.Synonyms {
		synonyms = append(synonyms, g...)
	}
	fmt.Printf("\n%-14s %10s %10s %10s %10s\n", "phrase", "client", "grep docs", "records", "raw grep")
	agree := 0
	var out []sample
	for tried := 0; agree+tried < 100*n && tried < n; {
		phrase := randomPhrase(rng, texts, 2+rng.Intn(5))
		if phrase == "" || containsAny(phrase, synonyms) {
			continue
		}
		tried++
		grep, raw := 0, 0
		docs := map[string]bool{}
		for i, fields := range texts {
			hit, rawHit := false, false
			for _, f := range fields {
				rawHit = rawHit || strings.Contains(f, phrase)
				hit = hit || strings.Contains(joinHan(f), phrase)
			}
			grep += b2i(hit)
			raw += b2i(rawHit)
			if hit {
				docs[docOf[i]] = true
			}
		}
		got, err := typeQuery(ctx, phrase)
		if err != nil {
			return nil, err
		}
		out = append(out, sample{text: phrase, docs: len(docs)})
		mark := ""
		if got.Exact == len(docs) {
			agree++
		} else {
			mark = "  ≠"
		}
		fmt.Printf("%-14s %10d %10d %10d %10d%s\n", phrase, got.Exact, len(docs), grep, raw, mark)
	}
	fmt.Printf("exact-phrase totals equal to grep: %d of %d\n", agree, n)
	return out, nil
}

// joinHan drops inline spaces between two Han characters, as the index does
// (刘  智 is found as 刘智); "raw grep" counts without this.
func joinHan(s string) string {
	if !strings.ContainsAny(s, " \t\u00a0\u3000\u2002\u2003\u2009") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if strings.ContainsRune(" \t\u00a0\u3000\u2002\u2003\u2009", rs[i]) && i > 0 && unicode.Is(unicode.Han, rs[i-1]) {
			j := i
			for j < len(rs) && strings.ContainsRune(" \t\u00a0\u3000\u2002\u2003\u2009", rs[j]) {
				j++
			}
			if j < len(rs) && unicode.Is(unicode.Han, rs[j]) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// randomPhrase picks n consecutive Han characters from a random record's body.
func randomPhrase(rng *rand.Rand, texts [][]string, n int) string {
	fields := texts[rng.Intn(len(texts))]
	rs := []rune(fields[len(fields)-1])
	if len(rs) < n {
		return ""
	}
	at := rng.Intn(len(rs) - n + 1)
	for _, r := range rs[at : at+n] {
		if !unicode.Is(unicode.Han, r) {
			return ""
		}
	}
	return string(rs[at : at+n])
}

// containsAny: a phrase holding an abbreviation also finds its long forms,
// which grep would not count.
func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
