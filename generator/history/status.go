package history

import "bytes"

// parseStatus returns the paths (relative to the top of the work tree) listed by
// `git status --porcelain=v1 -z`: modified, staged, deleted or untracked.
func parseStatus(out []byte) []string {
	var paths []string
	tokens := bytes.Split(out, []byte{0})
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if len(t) < 4 || t[2] != ' ' {
			continue
		}
		paths = append(paths, string(t[3:]))
		if t[0] == 'R' || t[0] == 'C' {
			i++ // the path it was renamed or copied from
		}
	}
	return paths
}
