package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// git runs a git command in dir with a fixed identity and date, independent of any git config.
func git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=测试", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestRevisionHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: 历史\nbaseURL: https://gongkai.example.gov.cn\nhistory: true\n")
	write("content/policies/other.md", "---\ntitle: 另一件\n---\n不变。\n")
	policy := "---\ntitle: 居委会办法\ntype: policy\nstatus: %s\n---\n第一条 居民委员会每届任期%s年。\n\n第二条 其他事项。\n"
	git(t, dir, "2024-01-01T10:00:00+08:00", "init", "-q")
	write("content/policies/a.md", strings.Replace(strings.Replace(policy, "%s", "现行有效", 1), "%s", "三", 1))
	git(t, dir, "2024-01-01T10:00:00+08:00", "add", "-A")
	git(t, dir, "2024-01-01T10:00:00+08:00", "commit", "-q", "-m", "首次发布")
	write("content/policies/a.md", strings.Replace(strings.Replace(policy, "%s", "现行有效", 1), "%s", "五", 1)+"\n第三条 新增条款。\n")
	git(t, dir, "2024-02-01T10:00:00+08:00", "commit", "-q", "-am", "修改任期")
	write("content/policies/a.md", strings.Replace(strings.Replace(policy, "%s", "已修改", 1), "%s", "五", 1)+"\n第三条 新增条款。\n")
	git(t, dir, "2024-03-01T10:00:00+08:00", "commit", "-q", "-am", "更新时效")

	rep, err := Run(Options{Source: dir, Now: testNow, NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 0 {
		t.Errorf("warnings: %v", rep.Warnings)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, "public", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	page := read("policies/a/index.html")
	for _, subject := range []string{"首次发布", "修改任期", "更新时效"} {
		if !strings.Contains(page, subject) {
			t.Errorf("page does not list revision %q", subject)
		}
	}
	if !strings.Contains(page, "最后更新") || !strings.Contains(page, "2024年3月1日") {
		t.Error("metadata table lacks 最后更新 2024年3月1日")
	}
	site := rep.Site.PageByURL("/policies/a/")
	if len(site.Revisions) != 3 {
		t.Fatalf("%d revisions, want 3", len(site.Revisions))
	}
	second := read(strings.TrimPrefix(site.Revisions[1].URL, "/") + "index.html")
	if !strings.Contains(second, "<del>") || !strings.Contains(second, "三</del>") || !strings.Contains(second, "五</ins>") {
		t.Errorf("diff of 修改任期 should delete 三 and insert 五:\n%s", second)
	}
	if !strings.Contains(site.Revisions[0].Summary, "已修改") {
		t.Errorf("summary of the last revision should name the status change, got %q", site.Revisions[0].Summary)
	}
	changes := read("changes/index.html")
	if i, j := strings.Index(changes, "更新时效"), strings.Index(changes, "首次发布"); i < 0 || j < 0 || i > j {
		t.Errorf("最近更新 should list the newest change first")
	}
	if !strings.Contains(read("changes/index.xml"), "更新时效") {
		t.Error("changes feed lacks the last change")
	}
}

func TestHistoryOutsideGitWarns(t *testing.T) {
	dir := t.TempDir()
	_ = os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	_ = os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: 无仓库\nbaseURL: https://gongkai.example.gov.cn\nhistory: true\n"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("---\ntitle: 甲\n---\n正文\n"), 0o644)
	rep, err := Run(Options{Source: dir, Now: testNow, NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "history") {
		t.Errorf("want one history warning, got %q", rep.Warnings)
	}
}
