package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/content"
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
