package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/build"
)

// check names a revision withheld for personal data: the page, the commit and its date, the
// line in that revision, and how to rewrite history, without printing the number.
func TestCheckNamesWithheldRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(date string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=测试", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return strings.TrimSpace(string(out))
	}
	page := "---\ntitle: 名单\n---\n名单如下。\n\n张三 %s\n"
	writeSite(t, dir, map[string]string{"site.yaml": "title: 检查\nhistory: true\n",
		"content/lists/a.md": strings.Replace(page, "%s", "11010519491231002X", 1)})
	run("2024-01-10T10:00:00+08:00", "init", "-q")
	run("2024-01-10T10:00:00+08:00", "add", "-A")
	run("2024-01-10T10:00:00+08:00", "commit", "-q", "-m", "公布")
	leaked := run("2024-01-10T10:00:00+08:00", "rev-parse", "--short", "HEAD")
	writeSite(t, dir, map[string]string{"content/lists/a.md": strings.Replace(page, "%s", "110105********002X", 1)})
	run("2024-01-11T10:00:00+08:00", "commit", "-q", "-am", "脱敏")

	problems := check(build.Options{Source: dir})
	var found bool
	for _, p := range problems {
		if p.Severity == "warning" && strings.HasSuffix(p.File, "a.md") && strings.Contains(p.Message, leaked+"（2024-01-10）") &&
			strings.Contains(p.Message, "第 6 行") && strings.Contains(p.Hint, "git filter-repo") {
			found = true
		}
	}
	var text bytes.Buffer
	if err := printProblems(&text, cliText{}, problems, "text"); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Errorf("check does not name revision %s, its date and line 6 with a filter-repo hint:\n%s", leaked, text.String())
	}
	if strings.Contains(text.String(), "11010519491231002X") {
		t.Error("check printed the unmasked ID number")
	}
}
