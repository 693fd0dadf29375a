package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// testRepo is a throwaway git repository that commits with fixed names and dates whatever the
// machine's git configuration, so the tests run the same on CI.
type testRepo struct {
	t   *testing.T
	dir string
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("未安装 git")
	}
	isolateGit(t)
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q")
	return r
}

// isolateGit keeps the user's and the system's git configuration out of the tests.
func isolateGit(t *testing.T) {
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(t.TempDir()))
}

func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return runIn(r.t, r.dir, nil, args...)
}

func runIn(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=测试员", "-c", "user.email=staff@example.org",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *testRepo) write(path, text string) {
	r.t.Helper()
	full := filepath.Join(r.dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits everything at the given date (RFC 3339).
func (r *testRepo) commit(date, subject string) {
	r.t.Helper()
	r.git("add", "-A")
	runIn(r.t, r.dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, "commit", "-q", "-m", subject)
}

var versions = []string{
	"---\ntitle: 居民委员会组织办法\nstatus: 现行有效\n---\n\n第一条 为了规范居民委员会的组织，制定本办法。\n\n第三条 居民委员会每届任期三年。\n",
	"---\ntitle: 居民委员会组织办法\nstatus: 现行有效\n---\n\n第一条 为了规范居民委员会的组织，制定本办法。\n\n第二条 居民委员会由主任、副主任和委员组成。\n\n第三条 居民委员会每届任期三年。\n",
	"---\ntitle: 居民委员会组织办法\nstatus: 现行有效\n---\n\n第一条 为了规范居民委员会的组织，制定本办法。\n\n第二条 居民委员会由主任、副主任和委员组成。\n\n第三条 居民委员会每届任期五年。\n",
}

func TestLoad(t *testing.T) {
	r := newTestRepo(t)
	dates := []string{"2024-01-02T09:00:00+08:00", "2024-02-03T10:00:00+08:00", "2024-03-04T11:00:00+08:00"}
	subjects := []string{"发布组织办法", "增加第二条", "任期改为五年"}
	for i, v := range versions {
		r.write("content/policies/a.md", v)
		if i == 1 {
			r.write("content/policies/b.md", "乙\n")
			r.write("README.md", "not content\n")
		}
		r.commit(dates[i], subjects[i])
	}
	r.write("content/policies/b.md", "乙，未提交的修改\n")
	r.write("content/policies/c.md", "新文件\n")

	h, err := Load(r.dir, []string{"content/policies/a.md", "content/policies/b.md", "content/policies/c.md"})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if h.Warning != "" {
		t.Fatalf("Warning = %q", h.Warning)
	}
	revs := h.Revisions("content/policies/a.md")
	if len(revs) != 3 {
		t.Fatalf("got %d revisions, want 3: %+v", len(revs), revs)
	}
	for i, rev := range revs {
		v := len(versions) - 1 - i // newest first
		want, _ := time.Parse(time.RFC3339, dates[v])
		if !rev.Date.Equal(want) || rev.Subject != subjects[v] || rev.Author != "测试员" ||
			rev.Path != "content/policies/a.md" || len(rev.Hash) != 40 || !strings.HasPrefix(rev.Hash, rev.ShortHash) {
			t.Errorf("revision %d = %+v, want date %s, subject %q", i, rev, want, subjects[v])
		}
		got, err := h.Content(rev.Hash, rev.Path)
		if err != nil || string(got) != versions[v] {
			t.Errorf("Content(%s) = %q, %v; want %q", rev.ShortHash, got, err, versions[v])
		}
	}

	newer, _ := h.Content(revs[0].Hash, revs[0].Path)
	older, _ := h.Content(revs[1].Hash, revs[1].Path)
	var changed []string
	for _, b := range Diff(string(older), string(newer)) {
		if b.Kind != Same {
			changed = append(changed, b.Kind.String()+": "+showSpans(b.Spans))
		}
	}
	if want := []string{"changed: 第三条 居民委员会每届任期[-三][+五]年。"}; !slices.Equal(changed, want) {
		t.Errorf("diff of the last two revisions = %q, want %q", changed, want)
	}

	if got := len(h.Revisions("content/policies/b.md")); got != 1 {
		t.Errorf("b.md has %d revisions, want 1", got)
	}
	if h.Revisions("content/policies/c.md") != nil || h.Revisions("README.md") != nil {
		t.Error("untracked or unrequested files have revisions")
	}
	for path, want := range map[string]bool{"content/policies/a.md": false, "content/policies/b.md": true, "content/policies/c.md": true} {
		if got := h.Dirty(path); got != want {
			t.Errorf("Dirty(%s) = %v, want %v", path, got, want)
		}
	}

	for _, tc := range []struct{ rev, path, want string }{
		{revs[2].Hash, "content/policies/b.md", "中没有 content/policies/b.md"},
		{revs[0].Hash, "content", "是 tree，不是文件"},
		{"HEAD:x", "content/policies/a.md", "不是提交名"},
		{"", "content/policies/a.md", "不是提交名"},
		{"HEAD", "../a.md", "用 / 分隔的规范路径"},
		{"HEAD", "/etc/passwd", "用 / 分隔的规范路径"},
	} {
		if _, err := h.Content(tc.rev, tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Content(%q, %q) error = %v, want %q", tc.rev, tc.path, err, tc.want)
		}
	}
	// The process survives errors and serves concurrent readers.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			rev := revs[i%3]
			got, err := h.Content(rev.Hash, rev.Path)
			if err != nil || string(got) != versions[2-i%3] {
				t.Errorf("concurrent Content(%s) = %q, %v", rev.ShortHash, got, err)
			}
		})
	}
	wg.Wait()
	if err := h.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := h.Content(revs[0].Hash, revs[0].Path); err == nil {
		t.Error("Content after Close succeeded")
	}
}

func TestLoadFollowsRenames(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/drafts/x.md", versions[0])
	r.write("content/policies/other.md", "其他\n")
	r.write("content/_index.md", "首页\n")
	r.commit("2024-01-01T00:00:00Z", "草稿")
	r.git("mv", "content/drafts/x.md", "content/policies/y.md")
	r.commit("2024-01-02T00:00:00Z", "移到政策栏目")
	r.write("content/policies/y.md", versions[1])
	r.commit("2024-01-03T00:00:00Z", "修改")

	// From a subdirectory of the work tree, as when the site lives below the repository root.
	// The paths span the whole content directory, so the move between sections is in view.
	h, err := Load(filepath.Join(r.dir, "content"), []string{"policies/y.md", "_index.md"})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var paths []string
	for _, rev := range h.Revisions("policies/y.md") {
		paths = append(paths, rev.Path)
		if _, err := h.Content(rev.Hash, rev.Path); err != nil {
			t.Errorf("Content(%s, %s): %v", rev.ShortHash, rev.Path, err)
		}
	}
	if want := []string{"policies/y.md", "policies/y.md", "drafts/x.md"}; !slices.Equal(paths, want) {
		t.Errorf("revision paths = %q, want %q (warning %q)", paths, want, h.Warning)
	}
}

func TestLoadWarnings(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("未安装 git")
	}
	isolateGit(t)
	paths := []string{"content/a.md"}

	shallowSource := newTestRepo(t)
	for i, v := range versions {
		shallowSource.write("content/a.md", v)
		shallowSource.commit("2024-01-0"+string(rune('1'+i))+"T00:00:00Z", "v")
	}
	shallow := filepath.Join(t.TempDir(), "clone")
	runIn(t, t.TempDir(), nil, "clone", "-q", "--depth", "1", "file://"+shallowSource.dir, shallow)

	empty := newTestRepo(t)

	tests := []struct {
		name, dir, want string
		noGit           bool
	}{
		{name: "not a repository", dir: t.TempDir(), want: "内容不在 git 仓库中，未生成修订历史"},
		{name: "shallow clone", dir: shallow, want: "浅克隆"},
		{name: "no commits", dir: empty.dir, want: "还没有提交"},
		{name: "missing directory", dir: filepath.Join(t.TempDir(), "nope"), want: "未生成修订历史"},
		{name: "git missing", dir: shallowSource.dir, want: "未安装 git", noGit: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.noGit {
				t.Setenv("PATH", t.TempDir())
			}
			h, err := Load(tt.dir, paths)
			if err != nil {
				t.Fatalf("Load error %v, want a warning", err)
			}
			defer h.Close()
			if !strings.Contains(h.Warning, tt.want) || strings.Contains(h.Warning, "\n") {
				t.Errorf("Warning = %q, want one line with %q", h.Warning, tt.want)
			}
			if h.Revisions(paths[0]) != nil {
				t.Errorf("revisions despite warning %q", h.Warning)
			}
			if _, err := h.Content("HEAD", paths[0]); err == nil && tt.name != "no commits" {
				t.Error("Content succeeded without history")
			}
		})
	}

	if _, err := Load(t.TempDir(), []string{"../outside.md"}); err == nil {
		t.Error("Load accepted a path outside the repository")
	}
	var nilHistory *History
	if nilHistory.Revisions("a") != nil || nilHistory.Dirty("a") || nilHistory.Close() != nil {
		t.Error("nil History is not empty")
	}
}
