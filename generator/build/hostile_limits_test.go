package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"
)

// TestLimitsHostileCorpus builds this branch's cases of the hostile corpus
// (testdata/hostile/limits-*.txtar) and checks their headers: expect, error, planted. The shared
// harness checks every case more thoroughly (indexes, packs); this keeps the cases honest here.
func TestLimitsHostileCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/hostile/limits-*.txtar")
	if len(files) == 0 {
		t.Fatal("no limits-*.txtar cases")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(data)
			var expect string
			var wantErrs, planted []string
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				key, val, ok := strings.Cut(line, ":")
				if !ok {
					continue
				}
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
			s := buildTxtar(t, string(data))
			switch expect {
			case "ok":
				s.ok()
			case "error":
				if s.err == nil {
					t.Fatal("build passed; want an error")
				}
				for _, w := range wantErrs {
					if !strings.Contains(s.err.Error(), w) {
						t.Errorf("error lacks %q:\n%v", w, s.err)
					}
				}
			default:
				t.Fatalf("expect: %q", expect)
			}
			afero.Walk(s.fs, "/site/public", func(p string, info fs.FileInfo, err error) error {
				if err != nil {
					return nil
				}
				b := []byte{}
				if !info.IsDir() {
					b, _ = afero.ReadFile(s.fs, p)
				}
				for _, tok := range planted {
					if strings.Contains(p, tok) || strings.Contains(string(b), tok) {
						t.Errorf("%s holds planted %q", p, tok)
					}
				}
				return nil
			})
		})
	}
}
