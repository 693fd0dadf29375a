package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDraftSavedWithAnErrorIsWithdrawnOnceFixed: one save makes a page a draft and breaks
// another page; the rebuild fails. When the other page is fixed, the draft must be gone,
// although the second save did not touch it.
func TestDraftSavedWithAnErrorIsWithdrawnOnceFixed(t *testing.T) {
	for _, broken := range []struct{ name, content string }{
		{"page error", "---\ntitle: 乙\ntags: [未闭合\n---\n乙正文。\n"},
		{"site.yaml error", ""},
	} {
		t.Run(broken.name, func(t *testing.T) {
			dir := t.TempDir()
			writeOS(t, dir, "site.yaml", "title: 草稿\n")
			writeOS(t, dir, "content/notes/a.md", "---\ntitle: 甲\ndate: 2024-01-01\n---\n甲正文。\n")
			writeOS(t, dir, "content/notes/b.md", "---\ntitle: 乙\ndate: 2024-01-01\n---\n乙正文。\n")
			sess, _, err := NewSession(Options{Source: dir, Now: testNow, NoIndex: true, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			a := filepath.Join(dir, "content/notes/a.md")
			writeOS(t, dir, "content/notes/a.md", "---\ntitle: 甲\ndate: 2024-01-01\ndraft: true\n---\n甲正文。\n")
			other := filepath.Join(dir, "content/notes/b.md")
			if broken.content != "" {
				writeOS(t, dir, "content/notes/b.md", broken.content)
			} else {
				other = filepath.Join(dir, "site.yaml")
				writeOS(t, dir, "site.yaml", "title: [草稿\n")
			}
			if _, _, err := sess.Rebuild([]string{a, other}); err == nil {
				t.Fatal("the broken save rebuilt without error")
			}
			if broken.content != "" {
				writeOS(t, dir, "content/notes/b.md", "---\ntitle: 乙\ndate: 2024-01-01\n---\n乙正文改。\n")
			} else {
				writeOS(t, dir, "site.yaml", "title: 草稿\n")
			}
			if _, _, err := sess.Rebuild([]string{other}); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public/notes/a/index.html")); err == nil {
				t.Error("the page made a draft is still published")
			}
			list, _ := os.ReadFile(filepath.Join(dir, "public/notes/index.html"))
			if strings.Contains(string(list), "甲") {
				t.Error("the section still lists the draft")
			}
		})
	}
}
