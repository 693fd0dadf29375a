package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each source passes the source guard, yet renders or indexes a whole number.
func TestOutputGuard(t *testing.T) {
	for _, tt := range []struct{ name, body, want string }{
		{"comment", "电话 138<!-- -->12345678。", "now.md:12: 未脱敏的手机号 138****5678"},
		{"entity", "电话 &#49;3812345678。", "now.md:12: 未脱敏的手机号"},
		{"emphasis", "电话 138**1234**5678。", "now.md:12: 未脱敏的手机号"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := strings.Replace(disclosureSite, "138****5678", tt.body, 1)
			s := buildTxtar(t, site)
			if s.err == nil || !strings.Contains(s.err.Error(), tt.want) {
				t.Fatalf("want an error containing %q, got %v", tt.want, s.err)
			}
			if strings.Contains(s.err.Error(), "13812345678") {
				t.Errorf("the error shows the number: %v", s.err)
			}
		})
	}
}

// serve --watch writes into the live site: an edit that renders a number whole is refused and
// the page stays as it was.
func TestOutputGuardIncremental(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "site.yaml", "title: 增量\n")
	writeOS(t, dir, "content/notes/n.md", "---\ntitle: 笔记一\ndate: 2024-01-01\n---\n旧文。\n")
	sess, _, err := NewSession(Options{Source: dir, Now: testNow, NoIndex: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	writeOS(t, dir, "content/notes/n.md", "---\ntitle: 笔记一\ndate: 2024-01-01\n---\n电话 138<!-- -->12345678。\n")
	_, _, err = sess.Rebuild([]string{filepath.Join(dir, "content/notes/n.md")})
	if err == nil || !strings.Contains(err.Error(), "n.md:5: 未脱敏的手机号") || !strings.Contains(err.Error(), "published in notes/n/index.html") {
		t.Fatalf("want the edit refused naming n.md:5, got %v", err)
	}
	filepath.Walk(filepath.Join(dir, "public"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			if strings.Contains(string(b), "138<!-- -->12345678") || strings.Contains(string(b), "12345678") {
				t.Errorf("%s holds the number", p)
			}
		}
		return nil
	})
	page, _ := os.ReadFile(filepath.Join(dir, "public/notes/n/index.html"))
	if !strings.Contains(string(page), "旧文") {
		t.Error("the refused edit replaced the published page")
	}
}
