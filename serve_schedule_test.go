package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/content"
)

// TestServeActsOnTime: without --watch, without a request or an edit, serve takes a page down
// at its expiryDate and puts another up at its publishDate.
func TestServeActsOnTime(t *testing.T) {
	dir := t.TempDir()
	at := time.Now().In(content.CST).Add(3 * time.Second).Truncate(time.Second).Format("2006-01-02 15:04:05")
	writeSite(t, dir, map[string]string{
		"site.yaml":              "title: 定时\n",
		"content/_index.md":      "---\ntitle: 首页\n---\n",
		"content/notes/gone.md":  "---\ntitle: 到期\ndate: 2026-01-01\nexpiryDate: " + at + "\n---\n到期正文。\n",
		"content/notes/later.md": "---\ntitle: 预定\ndate: 2026-01-01\npublishDate: " + at + "\n---\n预定正文。\n",
	})
	srv := startServer(t, serving(build.Options{Source: dir}, false))
	base, out, errw := srv.base, srv.out, srv.errw
	waitFor(t, base+"/notes/gone/", "到期正文", 20*time.Second)
	if code, _ := get(t, base+"/notes/later/"); code != http.StatusNotFound {
		t.Fatalf("the scheduled page is up before its time: %d", code)
	}
	if !strings.Contains(out.String(), "下一次定时变化：") {
		t.Errorf("serve did not print the next change:\n%s", out.String())
	}
	waitFor(t, base+"/notes/later/", "预定正文", 15*time.Second)
	if code, _ := get(t, base+"/notes/gone/"); code != http.StatusNotFound {
		t.Errorf("the expired page is still served: %d", code)
	}
	t.Logf("serve said:\n%s%s", out.String(), errw.String())
}
