package frontmatter

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, src   string
		wantMeta    bool
		wantBody    string
		wantBodyLn  int
		wantErrLine string
	}{
		{"no front matter", "# 标题\n正文\n", false, "# 标题\n正文\n", 1, ""},
		{"front matter", "---\ntitle: 通知\n---\n正文\n", true, "正文\n", 4, ""},
		{"BOM and CRLF", "\ufeff---\r\ntitle: 通知\r\n---\r\n正文\r\n", true, "正文\r\n", 4, ""},
		{"empty front matter", "---\n---\n正文\n", false, "正文\n", 3, ""},
		{"yaml dots close", "---\ntitle: a\n...\nb\n", true, "b\n", 4, ""},
		{"dashes later are body", "正文\n---\ntitle: x\n---\n", false, "正文\n---\ntitle: x\n---\n", 1, ""},
		{"never closed", "---\ntitle: 通知\n正文\n", false, "", 0, "p.md:1: front matter starts with --- but is never closed"},
		{"bad yaml", "---\ntitle: 通知\nwritten: [2024\n---\n", false, "", 0, "p.md:3:"},
		{"bad mapping", "---\ntitle: a\n  x: b\n---\n", false, "", 0, "p.md:3:"},
		{"not a mapping", "---\n- a\n- b\n---\n", false, "", 0, "p.md:2: front matter must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("p.md", []byte(tt.src))
			if tt.wantErrLine != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErrLine) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErrLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (doc.Meta != nil) != tt.wantMeta {
				t.Errorf("meta present = %v, want %v", doc.Meta != nil, tt.wantMeta)
			}
			if string(doc.Body) != tt.wantBody || doc.BodyLine != tt.wantBodyLn {
				t.Errorf("body = %q line %d, want %q line %d", doc.Body, doc.BodyLine, tt.wantBody, tt.wantBodyLn)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"---\ntitle: a\n---\nb", "---\n: :\n---", "---\n[\n---", "---\n", "正文", "---\na: &x [*x]\n---\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Parse("f.md", []byte(src))
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.md:") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}
