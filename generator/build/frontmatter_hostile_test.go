package build

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"
)

// TestHostileFrontMatter builds each testdata/hostile/frontmatter-*.txtar and checks its
// header (expect, error, planted), as the corpus harness does for every case, so that the
// front matter cases are checked with the package that reads front matter.
func TestHostileFrontMatter(t *testing.T) {
	files, err := filepath.Glob("../../testdata/hostile/frontmatter-*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(src)
			var expect string
			var wantErrs, planted []string
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				key, val, _ := strings.Cut(line, ":")
				val = strings.TrimSpace(val)
				switch key {
				case "expect":
					expect = val
				case "error":
					wantErrs = append(wantErrs, val)
				case "planted":
					planted = append(planted, strings.Fields(val)...)
				}
			}
			fs := afero.NewMemMapFs()
			for _, f := range ar.Files {
				if err := afero.WriteFile(fs, "/site/"+f.Name, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s := rebuild(t, fs)
			switch expect {
			case "ok":
				s.ok()
			case "error":
				if s.err == nil {
					t.Fatal("build succeeded, want an error")
				}
				for _, w := range wantErrs {
					if !strings.Contains(s.err.Error(), w) {
						t.Errorf("error does not contain %q:\n%v", w, s.err)
					}
				}
			default:
				t.Fatalf("expect: %q", expect)
			}
			if ok, _ := afero.DirExists(fs, "/site/public"); !ok {
				return
			}
			s.everyFile(func(name, content string) {
				if strings.HasSuffix(name, ".gz") {
					if zr, err := gzip.NewReader(bytes.NewReader([]byte(content))); err == nil {
						if b, err := io.ReadAll(zr); err == nil {
							content = string(b)
						}
					}
				}
				for _, p := range planted {
					if strings.Contains(name, p) || strings.Contains(content, p) {
						t.Errorf("%s holds planted %s", name, p)
					}
				}
			})
		})
	}
}
