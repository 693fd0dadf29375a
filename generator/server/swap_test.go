package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// treeWith is a built site of one page with the given text, its file dated mod.
func treeWith(t *testing.T, text string, mod time.Time) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for name, data := range map[string]string{
		"/a/index.html": "<html><body>" + text + "</body></html>",
		"/404.html":     "<html><body>找不到页面</body></html>",
	} {
		if err := afero.WriteFile(fs, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_ = fs.Chtimes(name, mod, mod)
	}
	return fs
}

// A new tree's file of the same size and time as the old one's is served from the new tree:
// the cache may not answer from the old build.
func TestSetFilesForgetsOldTree(t *testing.T) {
	mod := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	s := New(treeWith(t, "第一版", mod), "/", false)
	if w := do(s, "GET", "/a/"); !strings.Contains(w.Body.String(), "第一版") {
		t.Fatalf("first tree: %d %s", w.Code, w.Body)
	}
	s.SetFiles(treeWith(t, "第二版", mod)) // same length in bytes, same time
	if w := do(s, "GET", "/a/"); !strings.Contains(w.Body.String(), "第二版") {
		t.Fatalf("after SetFiles the old page was served: %d %s", w.Code, w.Body)
	}
}

// A request that misses in a tree that has just been replaced looks again in the new one,
// and a plain miss still gets the 404 page after one question.
func TestStaleTreeLooksAgain(t *testing.T) {
	mod := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	old := afero.NewMemMapFs() // an old build already deleted
	s := New(old, "/", false)
	var asked atomic.Int32
	next := treeWith(t, "新一版", mod)
	s.SetStale(func() {
		asked.Add(1)
		s.mu.RLock()
		cur := s.files
		s.mu.RUnlock()
		if cur != next {
			s.SetFiles(next)
		}
	})
	if w := do(s, "GET", "/a/"); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "新一版") {
		t.Fatalf("a miss in a replaced tree: %d %s", w.Code, w.Body)
	}
	w := do(s, "GET", "/nothing/")
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "找不到页面") {
		t.Fatalf("a plain miss: %d %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("404 page type %q", ct)
	}
	if n := asked.Load(); n != 2 {
		t.Errorf("stale asked %d times, want once per miss (2)", n)
	}
}

// RootFs serves the folder it was opened on after the path names another, refuses writes,
// and refuses a symbolic link out of the folder.
func TestRootFs(t *testing.T) {
	dir := t.TempDir()
	site, outside := filepath.Join(dir, "public"), filepath.Join(dir, "secret")
	for _, d := range []string{filepath.Join(site, "a"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_ = os.WriteFile(filepath.Join(site, "a", "index.html"), []byte("<p>旧版</p>"), 0o644)
	_ = os.WriteFile(filepath.Join(outside, "key"), []byte("secret"), 0o644)
	if err := os.Symlink(outside, filepath.Join(site, "out")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	s := New(afero.NewMemMapFs(), "/", false)
	s.SetFiles(RootFs(root))
	if err := os.Rename(site, site+".old"); err != nil {
		t.Fatal(err)
	}
	if w := do(s, "GET", "/a/"); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "旧版") {
		t.Errorf("after the folder was renamed: %d %s", w.Code, w.Body)
	}
	if w := do(s, "GET", "/out/key"); w.Code != http.StatusNotFound {
		t.Errorf("a link out of the folder: %d %s", w.Code, w.Body)
	}
	if _, err := RootFs(root).Create("/b.html"); err == nil {
		t.Error("RootFs created a file")
	}
	if _, err := RootFs(root).OpenFile("/a/index.html", os.O_WRONLY, 0); err == nil {
		t.Error("RootFs opened a file for writing")
	}
}
