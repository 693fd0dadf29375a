package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/disclose"
	"github.com/gongkai/gongkai/generator/site"
)

// TestScheduledChangesActWithoutEdits: a session knows the next moment its site changes by
// itself, and a rebuild at that moment (serve's timer calls Rebuild with nothing changed)
// takes the expired page down and puts the scheduled one up.
func TestScheduledChangesActWithoutEdits(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "site.yaml", "title: 定时\n")
	writeOS(t, dir, "content/notes/gone.md", "---\ntitle: 到期通知\ndate: 2026-11-01\nexpiryDate: 2026-12-08\n---\n到期正文。\n")
	writeOS(t, dir, "content/notes/later.md", "---\ntitle: 预定通知\ndate: 2026-11-01\npublishDate: 2026-12-09 10:00\n---\n预定正文。\n")
	writeOS(t, dir, "content/notes/stays.md", "---\ntitle: 常设通知\ndate: 2026-11-01\n---\n常设正文。\n")
	writeOS(t, dir, "content/notes/draft.md", "---\ntitle: 草稿\ndraft: true\npublishDate: 2026-12-07 18:00\n---\n草稿正文。\n")
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, content.CST)
	clock := func() time.Time { return now }
	sess, rep, err := NewSession(Options{Source: dir, Clock: clock, NoIndex: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	page := func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, "public/notes", name, "index.html"))
		return err == nil
	}
	list := func() string {
		b, _ := os.ReadFile(filepath.Join(dir, "public/notes/index.html"))
		return string(b)
	}
	if rep.Next == nil || rep.Next.String() != "2026-12-08 00:00 content/notes/gone.md 下线" {
		t.Fatalf("next change after the first build: %v", rep.Next)
	}
	if !page("gone") || page("later") {
		t.Fatal("the first build did not publish what is current")
	}

	// Nothing changes before the moment.
	now = time.Date(2026, 12, 7, 23, 59, 0, 0, content.CST)
	if got := sess.Next(); got == nil || got.Path != "content/notes/gone.md" {
		t.Fatalf("next change at 23:59: %v", got)
	}

	now = time.Date(2026, 12, 8, 0, 0, 1, 0, content.CST)
	inc, _, err := sess.Rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !inc.Full || page("gone") || strings.Contains(list(), "到期通知") {
		t.Errorf("at the expiry the page is still up (full rebuild: %v)", inc.Full)
	}
	if got := sess.Next(); got == nil || got.String() != "2026-12-09 10:00 content/notes/later.md 上线" {
		t.Fatalf("next change after the expiry: %v", got)
	}

	// An unrelated edit after the publish moment rebuilds everything, not only the edit.
	now = time.Date(2026, 12, 9, 10, 0, 0, 0, content.CST)
	writeOS(t, dir, "content/notes/stays.md", "---\ntitle: 常设通知\ndate: 2026-11-01\n---\n常设正文改。\n")
	inc, _, err = sess.Rebuild([]string{filepath.Join(dir, "content/notes/stays.md")})
	if err != nil {
		t.Fatal(err)
	}
	if !inc.Full || !page("later") || !strings.Contains(list(), "预定通知") {
		t.Errorf("at its publishDate the page is not up (full rebuild: %v)", inc.Full)
	}
	if got := sess.Next(); got != nil {
		t.Errorf("no change is left, yet next is %v", got)
	}

	// An edit that sets a new expiry is scheduled without a full rebuild.
	writeOS(t, dir, "content/notes/stays.md", "---\ntitle: 常设通知\ndate: 2026-11-01\nexpiryDate: 2027-01-01\n---\n常设正文改。\n")
	if _, _, err := sess.Rebuild([]string{filepath.Join(dir, "content/notes/stays.md")}); err != nil {
		t.Fatal(err)
	}
	if got := sess.Next(); got == nil || got.String() != "2027-01-01 00:00 content/notes/stays.md 下线" {
		t.Errorf("next change after an edit: %v", got)
	}
}

// TestChangesOfDisclosure: a disclosure changes when its notice period begins, the day after it
// ends, and the day after unpublish_after, at midnight China time.
func TestChangesOfDisclosure(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2026, time.Month(m), d, 0, 0, 0, 0, content.CST) }
	cp := &content.Page{SrcPath: "/site/content/disclosures/d.md", Kind: content.KindPage, Type: "disclosure"}
	p := &site.Page{Page: cp, Disclose: &disclose.Disclosure{NoticeStart: day(12, 10), NoticeEnd: day(12, 16), UnpublishAfter: day(12, 31)}}
	opts := Options{Source: "/site", Now: time.Date(2026, 12, 7, 12, 0, 0, 0, content.CST)}
	var got []string
	for _, c := range changesOf(opts, cp, p) {
		got = append(got, c.String())
	}
	want := []string{
		"2027-01-01 00:00 content/disclosures/d.md 下线",
		"2026-12-10 00:00 content/disclosures/d.md 公示开始",
		"2026-12-17 00:00 content/disclosures/d.md 公示结束",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// On the 12th the start has passed: only what is still ahead is listed.
	opts.Now = day(12, 12)
	if cs := changesOf(opts, cp, p); len(cs) != 2 {
		t.Errorf("on the 12th: %v", cs)
	}
	// A draft changes by an edit only.
	cp.Draft = true
	cp.Expiry = day(12, 20)
	if cs := changesOf(opts, cp, p); len(cs) != 0 {
		t.Errorf("a draft has changes: %v", cs)
	}
}
