package assets

import (
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		dir, href string
		ok        bool
		want      Link
	}{
		{"policies", "附件1.pdf", true, Link{Dest: "policies/附件1.pdf", File: true}},
		{"policies", "%E9%99%84%E4%BB%B61.pdf", true, Link{Dest: "policies/附件1.pdf", File: true}},
		{"policies", "img/map.png", true, Link{Dest: "policies/img/map.png", File: true}},
		{"policies", "./img/map.PNG", true, Link{Dest: "policies/img/map.PNG", File: true}},
		{"consultations/2024-x", "../shared/表.xlsx#Sheet1", true, Link{Dest: "consultations/shared/表.xlsx", Suffix: "#Sheet1", File: true}},
		{"", "a.pdf?v=2", true, Link{Dest: "a.pdf", Suffix: "?v=2", File: true}},
		{"policies", "../../x.pdf", true, Link{Dest: "../x.pdf", File: true}},
		{"policies", "100%.pdf", true, Link{Dest: "policies/100%.pdf", File: true}},
		// Links to pages and folders resolve, but a missing one is not this package's error.
		{"policies", "../consultations/", true, Link{Dest: "consultations"}},
		{"policies", "b.html", true, Link{Dest: "policies/b.html"}},
		{"policies", "other.md", true, Link{Dest: "policies/other.md"}},
		{"policies", "第1.2条", true, Link{Dest: "policies/第1.2条"}},
		{"policies", "附件一", true, Link{Dest: "policies/附件一"}},
		// Not relative paths.
		{"policies", "", false, Link{}},
		{"policies", "#第三条", false, Link{}},
		{"policies", "?page=2", false, Link{}},
		{"policies", "/files/a.pdf", false, Link{}},
		{"policies", "//cdn.example.org/a.js", false, Link{}},
		{"policies", "https://www.gov.cn/a.pdf", false, Link{}},
		{"policies", "mailto:office@example.org", false, Link{}},
		{"policies", "tel:12345", false, Link{}},
		{"policies", "data:image/png;base64,AAAA", false, Link{}},
		{"", ".", false, Link{}},
	}
	for _, tt := range tests {
		got, ok := Resolve(tt.dir, tt.href)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Resolve(%q, %q) = %+v, %v; want %+v, %v", tt.dir, tt.href, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"附件1.pdf", "../a/b.png#x", "https://a/b", "%zz.pdf", "a:b", "./", "../../.."} {
		f.Add("policies", s)
	}
	f.Fuzz(func(t *testing.T, dir, href string) {
		l, ok := Resolve(dir, href)
		if !ok {
			return
		}
		if strings.HasPrefix(l.Dest, "/") && !strings.HasPrefix(dir, "/") {
			t.Errorf("Resolve(%q, %q) = %q: a relative link must stay below the page's folder", dir, href, l.Dest)
		}
		if l.Suffix != "" && !strings.ContainsAny(l.Suffix[:1], "?#") {
			t.Errorf("suffix %q does not start with ? or #", l.Suffix)
		}
	})
}
