package platform

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var updateFeeds = flag.Bool("update", false, "rewrite testdata/feeds.txtar from this build")

// TestFeedsGolden pins every feed and sitemap of the test platform, the portal's RSS and Atom
// and each site's RSS feeds and sitemap.xml, to the byte: the portal and the sites write RSS
// with one encoder (render.RSS), and a change to it shows here in every feed at once.
// After a change meant to alter them: go test ./generator/platform -run TestFeedsGolden -update
func TestFeedsGolden(t *testing.T) {
	p := newTestPlatform(t, "")
	p.mustBuild()
	var ar txtar.Archive
	for name, data := range tree(t, p.fs, "/p/public") {
		if strings.HasSuffix(name, ".xml") {
			// One newline more than the file has, taken off again below: txtar would otherwise
			// add one only to a file without, and a feed's final newline would go unchecked.
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data + "\n")})
		}
	}
	sort.Slice(ar.Files, func(i, j int) bool { return ar.Files[i].Name < ar.Files[j].Name })
	got := txtar.Format(&ar)
	golden := filepath.Join("testdata", "feeds.txtar")
	if *updateFeeds {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) == string(want) {
		return
	}
	wantAr := txtar.Parse(want)
	wantFiles := map[string]string{}
	for _, f := range wantAr.Files {
		wantFiles[f.Name] = string(f.Data)
	}
	for _, f := range ar.Files {
		w, ok := wantFiles[f.Name]
		switch {
		case !ok:
			t.Errorf("%s: written, not in %s", f.Name, golden)
		case w != string(f.Data):
			t.Errorf("%s differs from %s:\n--- got\n%q\n--- want\n%q", f.Name, golden, f.Data, w)
		}
		delete(wantFiles, f.Name)
	}
	for name := range wantFiles {
		t.Errorf("%s: in %s, not written", name, golden)
	}
}
