package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func writeOS(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIncrementalRebuildWritesOnlyDependents(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "site.yaml", "title: 增量\n")
	writeOS(t, dir, "content/policies/_index.md", "---\ntitle: 政策文件\ntype: policy\n---\n")
	writeOS(t, dir, "content/notes/_index.md", "---\ntitle: 笔记\n---\n")
	writeOS(t, dir, "content/notes/n.md", "---\ntitle: 笔记一\ndate: 2024-01-01\n---\n无关。\n")
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\ndoc_number: 测发〔2024〕1号\ntopics: [民政]\nwritten: 2024-01-01\n---\n第一条 原文。\n")
	writeOS(t, dir, "content/policies/b.md", "---\ntitle: 乙办法\nwritten: 2024-02-01\n---\n根据测发〔2024〕1号制定。\n")
	sess, _, err := NewSession(Options{Source: dir, Now: testNow, NoIndex: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}

	// Edit the text of 甲: its page, the pages that show it, and the data files change.
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\ndoc_number: 测发〔2024〕1号\ntopics: [民政]\nwritten: 2024-01-01\n---\n第一条 新文。\n")
	inc, _, err := sess.Rebuild([]string{filepath.Join(dir, "content/policies/a.md")})
	if err != nil {
		t.Fatal(err)
	}
	if inc.Full {
		t.Fatal("a text edit caused a full rebuild")
	}
	got := strings.Join(inc.Written, " ")
	t.Logf("wrote %s", got)
	for _, want := range []string{"policies/a/index.html", "data/documents.json"} {
		if !strings.Contains(got, want) {
			t.Errorf("rebuild did not write %s; wrote %s", want, got)
		}
	}
	for _, unwanted := range []string{"notes/n/index.html", "notes/index.html", "policies/b/index.html", "css/style.css", "404.html", "search/index.html"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("rebuild rewrote %s, which does not show the edited page", unwanted)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public/policies/a/index.html"))
	if !strings.Contains(string(page), "新文") {
		t.Error("the edited page was not updated")
	}

	// Moving 甲 to another topic rewrites the old and the new term pages.
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\ndoc_number: 测发〔2024〕1号\ntopics: [财政]\nwritten: 2024-01-01\n---\n第一条 新文。\n")
	inc, _, err = sess.Rebuild([]string{filepath.Join(dir, "content/policies/a.md")})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(inc.Written)
	got = strings.Join(inc.Written, " ")
	for _, want := range []string{"topics/财政/index.html", "documents/topic/财政/index.html"} {
		if !strings.Contains(got, want) {
			t.Errorf("topic change did not write %s; wrote %s", want, got)
		}
	}
	if inc.Removed == 0 {
		t.Error("the empty old term page was not removed")
	}

	// Renaming the 文号 乙 cites re-converts 乙 too: its citation now points at an external page.
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\ndoc_number: 测发〔2024〕9号\n---\n第一条 新文。\n")
	inc, _, err = sess.Rebuild([]string{filepath.Join(dir, "content/policies/a.md")})
	if err != nil {
		t.Fatal(err)
	}
	if inc.Full || inc.Pages != 2 {
		t.Errorf("changing a 文号 should re-convert the document and the page citing it, got full=%v pages=%d", inc.Full, inc.Pages)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "public/policies/b/index.html"))
	if !strings.Contains(string(b), "/cited/") {
		t.Error("乙 still links 测发〔2024〕1号 to 甲 after 甲's 文号 changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "public/cited/测发〔2024〕1号/index.html")); err != nil {
		t.Error("the now external 测发〔2024〕1号 has no page")
	}

	// site.yaml changes rebuild everything.
	inc, _, err = sess.Rebuild([]string{filepath.Join(dir, "site.yaml")})
	if err != nil || !inc.Full {
		t.Errorf("a site.yaml change must rebuild everything (full=%v, err=%v)", inc != nil && inc.Full, err)
	}

	// A broken edit is an error and leaves the output as it was.
	before, _ := os.ReadFile(filepath.Join(dir, "public/policies/a/index.html"))
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: [甲\n---\n")
	if _, _, err := sess.Rebuild([]string{filepath.Join(dir, "content/policies/a.md")}); err == nil {
		t.Error("a broken edit rebuilt without error")
	}
	after, _ := os.ReadFile(filepath.Join(dir, "public/policies/a/index.html"))
	if string(before) != string(after) {
		t.Error("a failed rebuild changed the output")
	}
}
