package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/build"
)

// swapWord is in the second build of the example site only.
const swapWord = "副本换版验证"

// secondSite copies the example site's configuration and content into a new folder, with one
// page more, whose text has swapWord.
func secondSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeSite(t, dir, map[string]string{
		"site.yaml":                 string(cfg),
		"content/about-replicas.md": "---\ntitle: 副本说明\n---\n这一页只在第二次构建里：" + swapWord + "。\n",
	})
	return dir
}

// buildSite builds source into dest in this process, as `gongkai build -s source -d dest`.
func buildSite(t *testing.T, source, dest string) {
	t.Helper()
	if _, err := build.Run(build.Options{Source: source, Dest: dest}); err != nil {
		t.Fatalf("build %s into %s: %v", source, dest, err)
	}
}

// replicaURLs are what the load asks for: pages, a file served from disk on each request
// (favicon.ico is not compressible, so not kept in memory), the search API, the no-JS search
// page, a feed.
var replicaURLs = []string{
	"/", "/policies/", "/policies/2018-kunming-shequ-zhili/", "/favicon.ico", "/index.xml",
	"/api/search?q=%E6%B2%BB%E7%90%86", "/search/?q=%E7%A4%BE%E5%8C%BA", "/api/search?q=" + swapWord,
	"/consultations/", "/_search/static/manifest.json",
}

// load asks for replicaURLs from base with clients goroutines until stop is closed, and
// returns how many requests it made and what failed (a status other than 200, or an error,
// including a body cut short).
// loadFailure is one failed request of a load run: when, what, and which upstream answered
// it (nginx's X-Upstream header, when a response began).
type loadFailure struct {
	at       time.Time
	url      string
	upstream string
	err      error
}

func (f loadFailure) String() string {
	via := ""
	if f.upstream != "" {
		via = " (from " + f.upstream + ")"
	}
	return fmt.Sprintf("%s %s%s: %v", f.at.Format("15:04:05.000"), f.url, via, f.err)
}

func load(base string, clients int, stop <-chan struct{}) (total int64, failures []loadFailure) {
	var (
		mu sync.Mutex
		n  atomic.Int64
		wg sync.WaitGroup
	)
	tr := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: false}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 20 * time.Second}
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				u := base + replicaURLs[i%len(replicaURLs)]
				n.Add(1)
				resp, err := client.Get(u)
				upstream := ""
				if err == nil {
					upstream = resp.Header.Get("X-Upstream")
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					mu.Lock()
					failures = append(failures, loadFailure{time.Now(), u, upstream, err})
					mu.Unlock()
				}
			}
		}(c)
	}
	wg.Wait()
	return n.Load(), failures
}

// reportLoad fails the test for each failed request of a load (the first 20 of them), and
// when fewer than least requests were made at all.
func reportLoad(t *testing.T, total int64, failures []loadFailure, least int64) {
	t.Helper()
	for i, f := range failures {
		if i == 20 {
			t.Errorf("… and %d more", len(failures)-20)
			break
		}
		t.Error(f.String())
	}
	if total < least {
		t.Errorf("only %d requests were made", total)
	}
}

// TestReplicaSwapsBuildsUnderLoad serves a built folder with `serve --no-build` while new
// builds replace it, by gongkai build's publish and by a rename followed at once by deleting
// the old folder (before the replica's next look), under 4 clients: no request may fail, and
// the replica ends up serving the last build, search included.
func TestReplicaSwapsBuildsUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site four times")
	}
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "public")
	second := secondSite(t)
	buildSite(t, ".", dest)
	other := filepath.Join(tmp, "other")
	buildSite(t, second, other)

	srv := startServer(t, asReplica(replicaOptions{source: ".", dest: dest, poll: 200 * time.Millisecond, shutdown: 5 * time.Second}))
	defer func() {
		if err := srv.stop(time.Minute); err != nil {
			t.Errorf("serve --no-build: %v", err)
		}
		t.Logf("stdout:\n%s\nstderr:\n%s", srv.out.String(), srv.errw.String())
	}()
	base := srv.base
	waitStatus(t, base+"/readyz", http.StatusOK, 10*time.Second)

	stop := make(chan struct{})
	type result struct {
		total    int64
		failures []loadFailure
	}
	loaded := make(chan result)
	go func() {
		n, f := load(base, 4, stop)
		loaded <- result{n, f}
	}()
	time.Sleep(300 * time.Millisecond)
	// A folder renamed into place and the old one deleted at once: requests that started on
	// the old build, and requests that arrive before the replica looks, must not fail.
	old := filepath.Join(tmp, "old")
	if err := os.Rename(dest, old); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, dest); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(old); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	// gongkai build's own publish (two renames, then the old folder removed), back and forth.
	for i, source := range []string{".", second} {
		buildSite(t, source, dest)
		time.Sleep(time.Duration(100+150*i) * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	close(stop)
	res := <-loaded
	t.Logf("%d requests during 3 swaps, %d failed", res.total, len(res.failures))
	reportLoad(t, res.total, res.failures, 100)
	// The last build is served: its page and its index.
	if code, body := get(t, base+"/about-replicas/"); code != http.StatusOK || !strings.Contains(body, swapWord) {
		t.Errorf("the last build's page: %d", code)
	}
	if _, body := get(t, base+"/api/search?q="+swapWord); !strings.Contains(body, "/about-replicas/") {
		t.Errorf("the last build's index does not find %s: %.300s", swapWord, body)
	}
}

// TestReplicaReadiness: /readyz is 503 and pages are 503 (so that a load balancer tries
// another replica) until a build appears in the folder; then both are 200, and a build whose
// index does not open (built with --no-index) is reported, its pages served, and searches
// answered from the previous index.
func TestReplicaReadiness(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "public")
	srv := startServer(t, asReplica(replicaOptions{source: ".", dest: dest, poll: 50 * time.Millisecond, shutdown: time.Second}))
	base, errw := srv.base, srv.errw
	waitStatus(t, base+"/healthz", http.StatusOK, 5*time.Second)
	if code, body := get(t, base+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz without a build: %d %s", code, body)
	}
	if code, _ := get(t, base+"/"); code != http.StatusServiceUnavailable {
		t.Errorf("a page without a build: %d, want 503", code)
	}
	buildSite(t, ".", dest)
	waitStatus(t, base+"/readyz", http.StatusOK, 5*time.Second)
	if code, _ := get(t, base+"/policies/"); code != http.StatusOK {
		t.Errorf("a page once built: %d", code)
	}
	// A build without its index is refused, and the one before stays.
	if _, err := build.Run(build.Options{Source: ".", Dest: dest, NoIndex: true}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(errw.String(), "无法打开") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(errw.String(), "无法打开") {
		t.Errorf("a build without an index was not reported:\n%s", errw.String())
	}
	if code, _ := get(t, base+"/api/search?q=%E6%B2%BB%E7%90%86"); code != http.StatusOK {
		t.Errorf("search after a broken build: %d", code)
	}
	if code, _ := get(t, base+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz after a broken build: %d", code)
	}
}

// TestReplicaFollowsLinkSwitch: a release folder switched in by renaming a symbolic link over
// public (ln -sfn R public.new && mv -T public.new public) is served within the replica's
// check, and deleting the previous release then fails no request.
func TestReplicaFollowsLinkSwitch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	tmp := t.TempDir()
	r1, r2 := filepath.Join(tmp, "r1"), filepath.Join(tmp, "r2")
	buildSite(t, ".", r1)
	if err := os.CopyFS(r2, os.DirFS(r1)); err != nil {
		t.Fatal(err)
	}
	writeSite(t, r2, map[string]string{"about/index.html": "<html><body>第二个发布</body></html>"})
	link := filepath.Join(tmp, "public")
	if err := os.Symlink(r1, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	base := startServer(t, asReplica(replicaOptions{source: ".", dest: link, poll: 50 * time.Millisecond, shutdown: time.Second})).base
	waitStatus(t, base+"/readyz", http.StatusOK, 10*time.Second)
	if err := os.Symlink(r2, link+".new"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(link+".new", link); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(r1); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"/policies/", "/api/search?q=%E6%B2%BB%E7%90%86"} {
		if code, _ := get(t, base+u); code != http.StatusOK {
			t.Errorf("%s right after the switch: %d", u, code)
		}
	}
	waitFor(t, base+"/about/", "第二个发布", 3*time.Second)
}

func TestSpliceMain(t *testing.T) {
	shell := `<html lang="zh-CN"><header>导航</header><main id="main" class="wrap"><p>静态提示</p></main><footer>页脚</footer></html>`
	for _, c := range []struct{ name, shell, page, want string }{
		{"both", shell, `<html><header>少</header><main><h1>搜索</h1><ol>结果</ol></main></html>`,
			`<html lang="zh-CN"><header>导航</header><main id="main" class="wrap"><h1>搜索</h1><ol>结果</ol></main><footer>页脚</footer></html>`},
		{"page has no main", shell, `<html><body>结果</body></html>`, `<html><body>结果</body></html>`},
		{"no shell (a build without search/index.html)", "", `<html><main>结果</main></html>`, `<html><main>结果</main></html>`},
		{"shell cut short", `<html><main id="main">`, `<html><main>结果</main></html>`, `<html><main>结果</main></html>`},
		{"main inside main's text", shell, `<main><code>&lt;/main&gt;</code><p>甲</p></main>`,
			`<html lang="zh-CN"><header>导航</header><main id="main" class="wrap"><code>&lt;/main&gt;</code><p>甲</p></main><footer>页脚</footer></html>`},
	} {
		if got := string(spliceMain([]byte(c.shell), []byte(c.page))); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// TestReplicaBrokenSiteYAML: a site.yaml the replica cannot read does not keep the build
// offline; the results page is rendered with the default theme, and the error is shown.
func TestReplicaBrokenSiteYAML(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "public")
	buildSite(t, ".", dest)
	src := filepath.Join(tmp, "src")
	writeSite(t, src, map[string]string{"site.yaml": "title: [坏\n"})
	srv := startServer(t, asReplica(replicaOptions{source: src, dest: dest, shutdown: time.Second}))
	base, errw := srv.base, srv.errw
	waitStatus(t, base+"/readyz", http.StatusOK, 10*time.Second)
	code, page := get(t, base+"/search/?q=%E6%B2%BB%E7%90%86")
	if code != http.StatusOK || !strings.Contains(page, `class="hit"`) {
		t.Errorf("results page with a broken site.yaml: %d %.300s", code, page)
	}
	if !strings.Contains(errw.String(), "site.yaml") || !strings.Contains(errw.String(), "默认主题") {
		t.Errorf("the broken site.yaml was not reported: %q", errw.String())
	}
}

// TestReplicaShutdown: after SIGTERM (the context), a download in progress finishes and the
// replica returns nil, while new connections are refused; a download that outlasts
// --shutdown-timeout is cut off, and the replica says so.
func TestReplicaShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, ".", dest)
	// Larger than the socket buffers, and than what the server keeps in memory.
	big := bytes.Repeat([]byte("0123456789abcdef"), 2<<20)
	if err := os.WriteFile(filepath.Join(dest, "big.bin"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		timeout time.Duration
		stall   time.Duration // how long the client stops reading after the signal
		cut     bool
	}{
		{"finishes", 5 * time.Second, 300 * time.Millisecond, false},
		{"cut off", 300 * time.Millisecond, 2 * time.Second, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := startServer(t, asReplica(replicaOptions{source: ".", dest: dest, shutdown: c.timeout}))
			base := srv.base
			waitStatus(t, base+"/readyz", http.StatusOK, 10*time.Second)
			resp, err := http.Get(base + "/big.bin")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			first := make([]byte, 1<<20)
			if _, err := io.ReadFull(resp.Body, first); err != nil {
				t.Fatal(err)
			}
			srv.cancel()
			time.Sleep(c.stall)
			if conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second); err == nil {
				conn.Close()
				t.Error("a new connection was accepted after the signal")
			}
			rest, err := io.ReadAll(resp.Body)
			got := len(first) + len(rest)
			served := srv.stop(c.timeout + 5*time.Second)
			if c.cut {
				if err == nil && got == len(big) {
					t.Errorf("a download stalled past --shutdown-timeout was not cut off")
				}
				if served == nil || !strings.Contains(served.Error(), "--shutdown-timeout") {
					t.Errorf("serve returned %v, want the cut-off error", served)
				}
				return
			}
			if err != nil || got != len(big) {
				t.Errorf("the download in progress got %d of %d bytes: %v", got, len(big), err)
			}
			if served != nil {
				t.Errorf("serve returned %v", served)
			}
		})
	}
}
