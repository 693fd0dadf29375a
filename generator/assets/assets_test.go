package assets

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func memFs(t *testing.T, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fs, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func dests(files []File) string {
	var out []string
	for _, f := range files {
		out = append(out, f.Dest)
	}
	return strings.Join(out, " ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		keep  func(string) bool
		want  string
		err   string
	}{
		{name: "pages are not files", files: []string{"/s/content/a.md", "/s/content/p/_index.md"}, want: ""},
		{name: "files keep their path", files: []string{"/s/content/p/附件1.pdf", "/s/content/p/img/map.png", "/s/content/p/a.md"}, want: "p/img/map.png p/附件1.pdf"},
		{name: "hidden files and folders", files: []string{"/s/content/.DS_Store", "/s/content/p/.a.pdf.swp", "/s/content/.git/config", "/s/content/p/.cache/x.png", "/s/content/p/ok.png"}, want: "p/ok.png"},
		{name: "underscore folders are skipped like their pages", files: []string{"/s/content/_drafts/x.pdf", "/s/content/p/_x.pdf"}, want: "p/_x.pdf"},
		{name: "keep leaves out build inputs", files: []string{"/s/content/p/duties.csv", "/s/content/p/data.csv"}, keep: func(s string) bool { return !strings.HasSuffix(s, "duties.csv") }, want: "p/data.csv"},
		{name: "static goes to the root", files: []string{"/s/static/files/guide.pdf", "/s/static/a.md", "/s/static/.DS_Store", "/s/static/.well-known/security.txt"}, want: ".well-known/security.txt a.md files/guide.pdf"},
		{name: "static and content on one path", files: []string{"/s/content/x.pdf", "/s/static/x.pdf"}, want: "x.pdf", err: "/s/static/x.pdf: 它和 /s/content/x.pdf 都会发布为 /x.pdf"},
		{name: "no folders at all", files: nil, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]string{}
			for _, f := range tt.files {
				m[f] = "x"
			}
			fs := memFs(t, m)
			_ = fs.MkdirAll("/s/content", 0o755)
			got, errs := Find(fs, Options{ContentDir: "/s/content", StaticDir: "/s/static", Keep: tt.keep})
			if dests(got) != tt.want {
				t.Errorf("found %q, want %q", dests(got), tt.want)
			}
			if tt.err == "" && len(errs) > 0 || tt.err != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err)) {
				t.Errorf("errors %v, want %q", errs, tt.err)
			}
		})
	}
}

func TestFindOrigins(t *testing.T) {
	fs := memFs(t, map[string]string{"/s/content/a.pdf": "", "/s/static/b.pdf": ""})
	got, _ := Find(fs, Options{ContentDir: "/s/content", StaticDir: "/s/static"})
	if len(got) != 2 || got[0].Origin != Content || got[1].Origin != Static || got[0].Src != "/s/content/a.pdf" {
		t.Errorf("got %+v", got)
	}
}

func TestFindMissingContentIsAnError(t *testing.T) {
	_, errs := Find(afero.NewMemMapFs(), Options{ContentDir: "/nowhere"})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "/nowhere") {
		t.Errorf("errors %v", errs)
	}
}
