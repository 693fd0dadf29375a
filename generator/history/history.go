package history

import (
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"strings"
	"time"
)

// Revision is one commit that changed a file.
type Revision struct {
	Hash      string
	ShortHash string
	// Date is the committer date, when the change landed on the published branch; the author
	// date of a rebased or cherry-picked commit can be much older.
	Date    time.Time
	Author  string
	Subject string
	// Path is the file's path at this revision, relative to the repository directory given to
	// Load. It differs from the path asked for in revisions before a rename; pass it to Content.
	Path string
}

// History holds the revision history of a set of files and reads their old contents. Close it
// when done to stop its git process. A nil or empty History answers every query with nothing.
type History struct {
	// Warning explains, in one line, why the history is empty or incomplete (no git, not a
	// repository, shallow clone); "" when all is well. Report it; do not fail the build.
	Warning string

	revisions map[string][]Revision
	dirty     map[string]bool
	dir       string // the repository directory given to Load
	prefix    string // that directory relative to the top of the work tree, "" or "a/b/"
	cat       *catFile
}

// Load reads the revision history of paths (relative to repoDir, slash-separated) with a
// single `git log` over the commits that touched the deepest directory holding all of them.
// Renames inside that directory are followed (git log -M, read newest first), which
// `git log --follow` can only do for one file per run; pass all content files in one call so
// that a move from one section to another is in view.
//
// A missing git, a directory outside any repository, a repository without commits or a
// shallow clone give an empty History with a Warning, never an error: history is an extra,
// and a build must not stop for it. The error is for invalid paths only.
func Load(repoDir string, paths []string) (*History, error) {
	for _, p := range paths {
		if err := checkPath(p); err != nil {
			return nil, err
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		return &History{Warning: "未安装 git，未生成修订历史；如需修订历史，安装 git 后重新构建"}, nil
	}
	out, err := runGit(repoDir, "rev-parse", "--is-shallow-repository", "--show-prefix")
	if err != nil {
		switch {
		case strings.Contains(err.Error(), "not a git repository"):
			return &History{Warning: "内容不在 git 仓库中，未生成修订历史；如需修订历史，在网站文件夹运行 `git init` 并提交"}, nil
		case strings.Contains(err.Error(), "dubious ownership"):
			// Common in CI containers, where the checkout belongs to another user.
			return &History{Warning: fmt.Sprintf("%s 属于另一个用户，git 拒绝读取，未生成修订历史；"+
				"构建前运行 `git config --global --add safe.directory '*'`", repoDir)}, nil
		}
		return &History{Warning: fmt.Sprintf("%v；未生成修订历史", err)}, nil
	}
	lines := strings.Split(string(out), "\n")
	if lines[0] == "true" {
		return &History{Warning: "仓库是浅克隆（shallow clone），未生成修订历史；取回完整历史" +
			"（git fetch --unshallow，或在 actions/checkout 中写 fetch-depth: 0）"}, nil
	}
	h := &History{dir: repoDir, revisions: map[string][]Revision{}, dirty: map[string]bool{}}
	if len(lines) > 1 {
		h.prefix = lines[1]
	}
	h.cat = &catFile{dir: repoDir}
	if len(paths) == 0 {
		return h, nil
	}

	spec := commonDir(paths)
	// --date-order: newest first, yet never a parent before its child, which following a
	// rename back in time relies on.
	out, err = runGit(repoDir, "log", "--date-order", "-z", "--name-status", "-M", "--root", "--no-color",
		"--no-show-signature", "--encoding=UTF-8", "--format="+logFormat, "--", spec)
	if err != nil {
		if strings.Contains(err.Error(), "does not have any commits") {
			h.Warning = "git 仓库还没有提交，未生成修订历史；提交内容后重新构建"
		} else {
			h.Warning = fmt.Sprintf("%v；未生成修订历史", err)
		}
		return h, nil
	}
	commits, err := parseLog(out)
	if err != nil {
		h.Warning = fmt.Sprintf("无法读取 git log：%v；未生成修订历史", err)
		return h, nil
	}
	h.revisions = follow(commits, paths, h.prefix)

	out, err = runGit(repoDir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", spec)
	if err != nil {
		h.Warning = fmt.Sprintf("%v；未提交的修改不会标出", err)
		return h, nil
	}
	for _, p := range parseStatus(out) {
		if rel, ok := strings.CutPrefix(p, h.prefix); ok {
			h.dirty[rel] = true
		}
	}
	return h, nil
}

// Revisions returns the commits that changed path, newest first; nil when it has none (or is
// not committed).
func (h *History) Revisions(path string) []Revision {
	if h == nil {
		return nil
	}
	return h.revisions[path]
}

// Dirty reports whether path has changes that are not committed (including being untracked), so
// the page can say that its latest text is not in the history yet.
func (h *History) Dirty(path string) bool {
	return h != nil && h.dirty[path]
}

// Content returns the text of path (relative to the repository directory, as in
// Revision.Path) at revision rev. It is safe for concurrent use; all calls share one
// `git cat-file --batch` process, started on first use.
func (h *History) Content(rev, path string) ([]byte, error) {
	if h == nil || h.cat == nil {
		w := "no history loaded"
		if h != nil && h.Warning != "" {
			w = h.Warning
		}
		return nil, fmt.Errorf("history: 无法读取 %s 在 %s 的版本：%s", path, rev, w)
	}
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if rev == "" || strings.ContainsAny(rev, ": \t\r\n\x00") {
		return nil, fmt.Errorf("history: %q 不是提交名；用 Revision.Hash", rev)
	}
	return h.cat.blob(rev + ":" + h.prefix + path)
}

// Close stops the git process that serves Content. Content fails after Close.
func (h *History) Close() error {
	if h == nil || h.cat == nil {
		return nil
	}
	return h.cat.close()
}

// checkPath rejects paths git would read differently from how the caller meant them.
func checkPath(p string) error {
	if p == "" || strings.ContainsAny(p, "\x00\r\n\\") || path.IsAbs(p) || path.Clean(p) != p ||
		p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("history: 路径 %q 应为仓库文件夹内用 / 分隔的规范路径，如 content/policies/a.md", p)
	}
	return nil
}

// commonDir is the deepest directory holding all paths, the pathspec of the one git log:
// narrow enough to skip unrelated commits, wide enough to see renames between sections.
func commonDir(paths []string) string {
	dir := path.Dir(paths[0])
	for _, p := range paths[1:] {
		for dir != "." && !strings.HasPrefix(p, dir+"/") {
			dir = path.Dir(dir)
		}
	}
	return dir
}

// runGit runs git in dir with output and messages that do not depend on the user's locale,
// and without taking the index lock (status may run while staff use git).
func runGit(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "--literal-pathspecs"}, args...)...)
	cmd.Env = append(cmd.Environ(), "LC_ALL=C", "LANGUAGE=", "GIT_OPTIONAL_LOCKS=0", "GIT_PAGER=cat")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("在 %s 运行 git %s 失败：%s", dir, args[0], msg)
	}
	return out, nil
}
