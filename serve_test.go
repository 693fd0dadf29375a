package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/build"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines to write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls url until its body contains want, for at most limit.
func waitFor(t *testing.T, url, want string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		if _, body := get(t, url); strings.Contains(body, want) {
			return time.Since(start)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not show %q within %s", url, want, limit)
	return 0
}

func TestServeWatchRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"site.yaml":             "title: 监视测试\n",
		"content/_index.md":     "---\ntitle: 首页\n---\n",
		"content/policies/a.md": "---\ntitle: 通知甲\n---\n第一版正文。\n",
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errw syncBuffer
	done := make(chan error, 1)
	go func() { done <- serve(ctx, &out, &errw, build.Options{Source: dir}, ln, true) }()
	defer func() {
		cancel()
		<-done
	}()
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/policies/a/", "第一版正文", 20*time.Second)

	_, page := get(t, base+"/policies/a/")
	if !strings.Contains(page, "/_gongkai/events") {
		t.Error("pages served with --watch have no live reload script")
	}
	if code, _ := get(t, base+"/search/?q=正文"); code != http.StatusOK {
		t.Errorf("search page status %d", code)
	}

	writeSite(t, dir, map[string]string{"content/policies/a.md": "---\ntitle: 通知甲\n---\n第二版正文。\n"})
	if took := waitFor(t, base+"/policies/a/", "第二版正文", 10*time.Second); took > 2*time.Second {
		t.Logf("edit took %s to show (the issue asks for under 2 s)", took)
	}

	// A broken edit keeps the last good page and shows the error with file:line.
	writeSite(t, dir, map[string]string{"content/policies/a.md": "---\ntitle: 通知甲\ntags: [社区\n---\n第三版\n"})
	waitFor(t, base+"/policies/a/", `<pre id="gongkai-error"`, 10*time.Second)
	_, page = get(t, base+"/policies/a/")
	if !strings.Contains(page, "第二版正文") || !strings.Contains(page, "a.md:3") {
		t.Errorf("after a broken edit the page should keep the last good text and show a.md:3; got:\n%s", page)
	}

	// New folders are watched too.
	writeSite(t, dir, map[string]string{"content/notices/b.md": "---\ntitle: 新栏目\n---\n新栏目正文\n"})
	writeSite(t, dir, map[string]string{"content/policies/a.md": "---\ntitle: 通知甲\n---\n第四版正文。\n"})
	waitFor(t, base+"/notices/b/", "新栏目正文", 10*time.Second)
}
