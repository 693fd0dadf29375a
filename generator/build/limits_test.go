package build

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func deepFrontMatter(depth int) string {
	return "---\ntitle: 深\nx: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n---\n正文\n"
}

func TestSourceLimits(t *testing.T) {
	for _, tc := range []struct {
		name, site, page string
		want             []string // substrings of the error; none: the build passes
	}{
		{"deep front matter", "", deepFrontMatter(10000), []string{"deep.md:3:", "嵌套超过 32 层", "front_matter_depth"}},
		{"deep front matter within a raised limit still no panic", "limits: {front_matter_depth: 20000}\n", deepFrontMatter(10000), []string{"data/documents.json", "嵌套太深"}},
		{"front matter at the limit", "", deepFrontMatter(31), nil},
		{"page too large", "limits: {page_size: 1KB}\n", "# 大\n\n" + strings.Repeat("字字字字字字字字\n", 100), []string{"deep.md:1:", "页面大小上限 1KB", "page_size"}},
		{"line too long", "limits: {line_length: 100}\n", "# 长\n\n短行\n" + strings.Repeat("字", 40) + "\n", []string{"deep.md:4:", "单行长度上限 100 字节", "line_length"}},
		{"line at the limit", "limits: {line_length: 120}\n", "# 长\n\n" + strings.Repeat("字", 40) + "\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := buildTxtar(t, "-- site.yaml --\ntitle: t\n"+tc.site+"-- content/deep.md --\n"+tc.page)
			if tc.want == nil {
				s.ok()
				return
			}
			if s.err == nil {
				t.Fatal("build passed")
			}
			for _, w := range tc.want {
				if !strings.Contains(s.err.Error(), w) {
					t.Errorf("error %q lacks %q", s.err, w)
				}
			}
		})
	}
}

func TestDepartmentFileNamesAreSafe(t *testing.T) {
	data, err := os.ReadFile("../../testdata/hostile/limits-formula-departments.txtar")
	if err != nil {
		t.Fatal(err)
	}
	s := buildTxtar(t, string(data)).ok()
	names, _ := afero.ReadDir(s.fs, "/site/public/data/departments")
	if len(names) != 12 {
		t.Errorf("%d department files, want 12 (6 departments × csv, json)", len(names))
	}
	for _, fi := range names {
		if strings.ContainsAny(fi.Name()[:1], "=+-@.'") || strings.HasPrefix(fi.Name(), "＝") || strings.Contains(fi.Name(), "..") {
			t.Errorf("department file %q", fi.Name())
		}
	}
	if ok, _ := afero.Exists(s.fs, "/site/etc"); ok {
		t.Error("a department name wrote outside the output")
	}
	s.contains("data/duties.csv", ",'=SUM(9+9),", ",'＝SUM(9),")
}
