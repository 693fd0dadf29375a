// Package seedtest reads the project's seed documents for tests. The seeds live in shared/seeds
// beside the repository (../shared/seeds from its root), read-only; tests that need them skip
// when they are absent.
package seedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir is the seeds folder: shared/seeds beside the repository root, found by walking up from
// the test's working folder to go.mod.
func Dir() string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "seeds")
		}
	}
	return filepath.Join("..", "shared", "seeds")
}

// Read returns the text of the seed whose file name starts with prefix (e.g. "002"), or skips
// the test.
func Read(t testing.TB, prefix string) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(Dir(), prefix+"_*.txt"))
	if len(matches) == 0 {
		t.Skipf("seed %s not found in %s", prefix, Dir())
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Skipf("seed %s: %v", prefix, err)
	}
	return string(data)
}
