package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serve --watch copies an edited attachment alone; adding or removing one rebuilds everything,
// since links and attachments to it must be checked again.
func TestSessionCopiesEditedFiles(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "site.yaml", "title: 附件\n")
	writeOS(t, dir, "content/policies/_index.md", "---\ntitle: 政策文件\ntype: policy\n---\n")
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\nattachments: [{title: 附件1, file: 附件1.pdf}]\n---\n见[附件1](附件1.pdf)。\n")
	writeOS(t, dir, "content/policies/附件1.pdf", "PDF v1")
	writeOS(t, dir, "static/files/guide.pdf", "PDF guide v1")
	sess, _, err := NewSession(Options{Source: dir, Now: testNow, NoIndex: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	src := func(name string) string { return filepath.Join(dir, name) }
	out := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, "public", name))
		if err != nil {
			return "<missing>"
		}
		return string(b)
	}
	rebuild := func(names ...string) (*Incremental, error) {
		t.Helper()
		var paths []string
		for _, n := range names {
			paths = append(paths, src(n))
		}
		inc, _, err := sess.Rebuild(paths)
		return inc, err
	}

	for name, dest := range map[string]string{"content/policies/附件1.pdf": "policies/附件1.pdf", "static/files/guide.pdf": "files/guide.pdf"} {
		writeOS(t, dir, name, "PDF v2")
		inc, err := rebuild(name)
		if err != nil {
			t.Fatal(err)
		}
		if inc.Full || inc.Pages != 0 || strings.Join(inc.Written, " ") != dest {
			t.Errorf("editing %s: full=%v pages=%d wrote %v; want only %s copied", name, inc.Full, inc.Pages, inc.Written, dest)
		}
		if out(dest) != "PDF v2" {
			t.Errorf("%s was not updated", dest)
		}
	}

	// Hidden files (editor temporaries, lock files) are not published and change nothing.
	writeOS(t, dir, "content/policies/.附件1.pdf.swp", "swap")
	if inc, err := rebuild("content/policies/.附件1.pdf.swp"); err != nil || inc.Full || len(inc.Written) != 0 {
		t.Errorf("a hidden file caused work: %+v, %v", inc, err)
	}

	// A new file with personal data fails (the whole site is rebuilt for a new file) and is
	// not published; masked, it is.
	writeOS(t, dir, "content/policies/名单.csv", "姓名,身份证号\n张三,11010519491231002X\n")
	if inc, err := rebuild("content/policies/名单.csv"); err == nil || !inc.Full || !strings.Contains(err.Error(), "名单.csv:2:4: 未脱敏的身份证号") {
		t.Errorf("a new CSV with an ID number: %+v, %v", inc, err)
	}
	if out("policies/名单.csv") != "<missing>" {
		t.Error("the CSV with an ID number was published")
	}
	writeOS(t, dir, "content/policies/名单.csv", "姓名,身份证号\n张三,110105********002X\n")
	if inc, err := rebuild("content/policies/名单.csv"); err != nil || !inc.Full {
		t.Errorf("a new masked CSV: %+v, %v", inc, err)
	}
	// An edit that unmasks it again fails without a full rebuild and leaves the output.
	writeOS(t, dir, "content/policies/名单.csv", "姓名,身份证号\n张三,11010519491231002X\n")
	if inc, err := rebuild("content/policies/名单.csv"); err == nil || inc != nil {
		t.Errorf("an edit unmasking an ID: %+v, %v", inc, err)
	}
	if !strings.Contains(out("policies/名单.csv"), "110105********002X") {
		t.Error("a failed rebuild changed the published CSV")
	}
	writeOS(t, dir, "content/policies/名单.csv", "姓名,身份证号\n张三,110105********002X\n")

	// Removing an attachment the page still lists is an error; removing both works.
	if err := os.Remove(src("content/policies/附件1.pdf")); err != nil {
		t.Fatal(err)
	}
	if _, err := rebuild("content/policies/附件1.pdf"); err == nil || !strings.Contains(err.Error(), "a.md:3: 附件 附件1.pdf 不存在") {
		t.Errorf("removing a listed attachment: %v", err)
	}
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\n---\n没有附件。\n")
	inc, err := rebuild("content/policies/附件1.pdf", "content/policies/a.md", "content/policies/名单.csv")
	if err != nil || !inc.Full {
		t.Fatalf("removing the attachment and its links: %+v, %v", inc, err)
	}
	if out("policies/附件1.pdf") != "<missing>" {
		t.Error("a removed file is still published")
	}

	// Removing a folder of files (one event for the folder) rebuilds without them.
	writeOS(t, dir, "content/policies/img/a.png", "PNG")
	if _, err := rebuild("content/policies/img/a.png"); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(src("content/policies/img")); err != nil {
		t.Fatal(err)
	}
	if inc, err := rebuild("content/policies/img"); err != nil || !inc.Full || out("policies/img/a.png") != "<missing>" {
		t.Errorf("removing a folder of files: %+v, %v", inc, err)
	}

	// The build's own output and staging folders are not sources: a full rebuild writing them
	// must not start another.
	for _, name := range []string{"public/index.html", ".public.gongkai-staging-abc/policies/a/index.html", ".public.old", "public"} {
		if inc, err := rebuild(name); err != nil || inc.Full || len(inc.Written) != 0 {
			t.Errorf("a change to %s caused work: %+v, %v", name, inc, err)
		}
	}

	// A page edit beside the files stays incremental.
	writeOS(t, dir, "content/policies/a.md", "---\ntitle: 甲办法\n---\n仍然没有附件。\n")
	if inc, err := rebuild("content/policies/a.md"); err != nil || inc.Full {
		t.Errorf("a page edit: %+v, %v", inc, err)
	}
}
