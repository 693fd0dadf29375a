package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// TestParkedHTMLBuildsTheSame builds the example site with every page's
// body parked on disk between assembling and rendering, as a large site's
// are, and compares every file with a build that keeps them in memory; the
// temporary file is gone afterwards.
func TestParkedHTMLBuildsTheSame(t *testing.T) {
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "gongkai-html-*"))
	want := buildExample(t)
	defer func(n int) { parkAbove = n }(parkAbove)
	parkAbove = 0
	got := buildExample(t)
	files := 0
	_ = afero.Walk(want.fs, "/site/public", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		files++
		x, _ := afero.ReadFile(want.fs, p)
		y, err := afero.ReadFile(got.fs, p)
		if err != nil {
			t.Errorf("%s: not built with the bodies parked", p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s differs when the bodies are parked", p)
		}
		return nil
	})
	if files < 100 {
		t.Fatalf("only %d files built", files)
	}
	after, _ := filepath.Glob(filepath.Join(os.TempDir(), "gongkai-html-*"))
	if len(after) > len(before) {
		t.Errorf("the parked bodies were left in %v", after)
	}
}
