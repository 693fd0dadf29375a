package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestParkedHTMLBuildsTheSame builds the example site, with its index,
// as a large site is built: every page's body parked on disk between
// assembling and rendering, and the pages' text let go of before the static
// export. Every file must be the same as when they stay in memory (but for
// bleve's root.bolt and the manifest, which hold the time), and the
// temporary file must be gone afterwards.
func TestParkedHTMLBuildsTheSame(t *testing.T) {
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "gongkai-html-*"))
	build := func() *testSite {
		src := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), "../.."))
		fs := afero.NewCopyOnWriteFs(src, afero.NewMemMapFs())
		rep, err := Run(Options{SrcFs: fs, Source: "/", Dest: "/site/public", Now: testNow, Workers: 2})
		return (&testSite{t: t, fs: fs, rep: rep, err: err}).ok()
	}
	want := build()
	defer func(n int) { parkAbove = n }(parkAbove)
	parkAbove = 0
	got := build()
	files := 0
	_ = afero.Walk(want.fs, "/site/public", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		if strings.HasPrefix(p, "/site/public/_search/index/") && (info.Name() == "root.bolt" || info.Name() == "manifest.json") {
			return nil
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
