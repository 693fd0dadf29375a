package assets

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestCollisions(t *testing.T) {
	out := memFs(t, map[string]string{
		"/policies/a/index.html": "page",
		"/robots.txt":            "generated",
		"/css/style.css":         "theme",
	})
	tests := []struct {
		dest string
		want string
	}{
		{"policies/a/附件.pdf", ""},
		{"css/style.css", ""}, // the theme's, replaceable
		{"policies/a/index.html", "/c/policies/a/index.html: 会覆盖构建生成的 /policies/a/index.html"},
		{"robots.txt", "会覆盖构建生成的 /robots.txt"},
		{"policies/a", "会覆盖构建生成的 /policies/a；"}, // a folder of generated pages
		{"robots.txt/x.pdf", "无法发布为 /robots.txt/x.pdf，因为构建会生成文件 /robots.txt"},
	}
	for _, tt := range tests {
		errs := Collisions([]File{{Src: "/c/" + tt.dest, Dest: tt.dest}}, out, func(d string) bool { return d == "css/style.css" })
		switch {
		case tt.want == "" && len(errs) > 0:
			t.Errorf("%s: unexpected %v", tt.dest, errs)
		case tt.want != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want)):
			t.Errorf("%s: got %v, want %q", tt.dest, errs, tt.want)
		}
	}
	if errs := Collisions([]File{{Src: "/c/css/style.css", Dest: "css/style.css"}}, out, nil); len(errs) != 1 {
		t.Errorf("with nothing replaceable, the theme's file is a collision too: %v", errs)
	}
}

func TestCopy(t *testing.T) {
	src := memFs(t, map[string]string{"/c/p/附件1.pdf": "%PDF-1.4", "/s/files/a.txt": "new"})
	out := memFs(t, map[string]string{"/files/a.txt": "old"})
	files := []File{{Src: "/c/p/附件1.pdf", Dest: "p/附件1.pdf"}, {Src: "/s/files/a.txt", Dest: "files/a.txt", Origin: Static}}
	if err := Copy(src, files, out); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"/p/附件1.pdf": "%PDF-1.4", "/files/a.txt": "new"} {
		got, err := afero.ReadFile(out, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	entries, _ := afero.ReadDir(out, "/files")
	if len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
	if err := Copy(src, []File{{Src: "/c/gone.pdf", Dest: "gone.pdf"}}, out); err == nil || !strings.Contains(err.Error(), "/c/gone.pdf") {
		t.Errorf("copying a missing file: %v", err)
	}
}
