package history

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// logFormat starts each commit with a record separator, then its fields separated by unit
// separators; the subject comes last so that anything in it is kept. With -z, git ends the
// header with NUL and writes each change as NUL-terminated status and path fields.
const logFormat = "%x1e%H%x1f%h%x1f%cI%x1f%aN%x1f%s"

type commit struct {
	rev     Revision // without Path
	changes []change
}

// change is one --name-status entry: status letter (A, M, D, T, R…), one path, or for a
// rename the old path then the new one. Paths are relative to the top of the work tree.
type change struct {
	status byte
	paths  []string
}

// parseLog reads the output of `git log -z --name-status --format=logFormat`, newest first.
func parseLog(out []byte) ([]commit, error) {
	tokens := bytes.Split(out, []byte{0})
	if n := len(tokens); n > 0 && len(tokens[n-1]) == 0 {
		tokens = tokens[:n-1]
	}
	var commits []commit
	for i := 0; i < len(tokens); {
		tok := tokens[i]
		i++
		if len(tok) > 0 && tok[0] == '\x1e' {
			c, err := parseHeader(string(tok[1:]))
			if err != nil {
				return nil, err
			}
			commits = append(commits, c)
			continue
		}
		status := strings.TrimPrefix(string(tok), "\n")
		if len(commits) == 0 || status == "" || !strings.Contains("ACDMRTUXB", status[:1]) {
			return nil, fmt.Errorf("此处应为提交或修改状态，却是 %q", shorten(status))
		}
		n := 1
		if status[0] == 'R' || status[0] == 'C' {
			n = 2
		}
		if i+n > len(tokens) {
			return nil, fmt.Errorf("提交 %[2]s 的修改 %[1]q 缺少路径", status, commits[len(commits)-1].rev.ShortHash)
		}
		ch := change{status: status[0]}
		for _, p := range tokens[i : i+n] {
			ch.paths = append(ch.paths, string(p))
		}
		i += n
		c := &commits[len(commits)-1]
		c.changes = append(c.changes, ch)
	}
	return commits, nil
}

func parseHeader(h string) (commit, error) {
	f := strings.SplitN(h, "\x1f", 5)
	if len(f) != 5 || f[0] == "" {
		return commit{}, fmt.Errorf("提交头 %q 缺少哈希、短哈希、日期、作者或标题", shorten(h))
	}
	date, err := time.Parse(time.RFC3339, f[2])
	if err != nil {
		return commit{}, fmt.Errorf("提交 %s：日期 %q 不是 ISO 8601 格式", f[1], f[2])
	}
	return commit{rev: Revision{Hash: f[0], ShortHash: f[1], Date: date, Author: f[3], Subject: f[4]}}, nil
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// follow walks the commits newest first and collects the revisions of each wanted path,
// switching to a file's old name when a commit renamed it, and stopping where it was added.
// prefix is the repository directory relative to the top of the work tree.
func follow(commits []commit, wanted []string, prefix string) map[string][]Revision {
	owner := map[string]string{} // path at the current point in history → wanted path
	for _, w := range wanted {
		owner[prefix+w] = w
	}
	revs := map[string][]Revision{}
	for _, c := range commits {
		for _, ch := range c.changes {
			cur := ch.paths[len(ch.paths)-1]
			w, ok := owner[cur]
			if !ok {
				continue
			}
			switch ch.status {
			case 'D':
				// A deletion has no text to show; older commits are of the file before it.
				continue
			case 'A', 'C':
				delete(owner, cur)
			case 'R':
				delete(owner, cur)
				if strings.HasPrefix(ch.paths[0], prefix) {
					owner[ch.paths[0]] = w
				}
			}
			r := c.rev
			r.Path = strings.TrimPrefix(cur, prefix)
			revs[w] = append(revs[w], r)
		}
	}
	return revs
}
