package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// What the render writes is scanned as readers get it and traced to the source line, also when
// the source spells the number in a way no source scan joins (here: two front matter fields a
// theme prints side by side).
func TestOutputGuard(t *testing.T) {
	src := afero.NewMemMapFs()
	_ = afero.WriteFile(src, "/site/content/a.md", []byte("---\ntitle: 甲\na: 1381234\nb: 5678\n---\n正文。\n"), 0o644)
	p := &site.Page{Page: &content.Page{SrcPath: "/site/content/a.md", URL: "/a/"}}
	g := newGuard([]*site.Page{p}, &site.Site{Pages: []*site.Page{p}})
	out := outputGuard{afero.NewMemMapFs(), g}
	for name, data := range map[string]string{
		"a/index.html":        "<p>1381234<span>5678</span></p>",
		"a/other.html":        `<p>ok</p><img alt="&#49;3812345678">`,
		"index.xml":           "<description>&lt;p&gt;1381234&lt;b&gt;5678&lt;/b&gt;&lt;/p&gt;</description>",
		"data/documents.json": `{"t":"\u0031\u00338 1234 5678"}`,
		"a/clean.html":        "<p>1,160.00 2018-08-22 昆发〔2018〕14号</p>",
		"a/picture.png":       "13812345678", // not text: the asset checks' business
	} {
		if err := afero.WriteFile(out, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	errs := g.errors(Options{SrcFs: src, Dest: "/site/public"}, nil)
	if len(errs) != 1 {
		t.Fatalf("want one error for the one number, got %d: %v", len(errs), errs)
	}
	msg := errs[0].Error()
	for _, want := range []string{"/site/content/a.md:3: 未脱敏的手机号 138****5678 不得公开", "a/index.html 等 4 个文件"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error does not say %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "13812345678") {
		t.Errorf("the error shows the number: %s", msg)
	}
}

// Under serve --watch there is no stage: a file with a finding is not left behind.
func TestOutputGuardRefuses(t *testing.T) {
	p := &site.Page{Page: &content.Page{SrcPath: "/site/content/a.md", URL: "/a/"}}
	g := newGuard([]*site.Page{p}, &site.Site{Pages: []*site.Page{p}})
	g.refuse = true
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(outputGuard{fs, g}, "/a/.tmp-x1-index.html", []byte("<p>138<b>1234</b>5678</p>"), 0o644); err == nil {
		t.Error("a file holding a number was written")
	}
	if ok, _ := afero.Exists(fs, "/a/.tmp-x1-index.html"); ok {
		t.Error("the refused file was left behind")
	}
	if len(g.found) != 1 || g.found[0].file != "a/index.html" {
		t.Errorf("want one finding in a/index.html, got %+v", g.found)
	}
	if err := afero.WriteFile(outputGuard{fs, g}, "/a/index.html", []byte("<p>138****5678</p>"), 0o644); err != nil {
		t.Errorf("a clean file was refused: %v", err)
	}
}

// Sources that render a number whole are refused before rendering, so that `gongkai check`
// finds them too.
func TestSourceGuardReadsMarkup(t *testing.T) {
	for _, tt := range []struct{ name, body string }{
		{"comment", "电话 138<!-- -->12345678。"},
		{"entity", "电话 &#49;3812345678。"},
		{"emphasis", "电话 138**1234**5678。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := buildTxtar(t, strings.Replace(disclosureSite, "138****5678", tt.body, 1))
			if s.err == nil || !strings.Contains(s.err.Error(), "now.md:13:") || !strings.Contains(s.err.Error(), "未脱敏的手机号 138****5678") || strings.Contains(s.err.Error(), "生成后会出现在") {
				t.Fatalf("want the source guard's error naming now.md:13, got %v", s.err)
			}
		})
	}
}

// serve --watch writes into the live site: an edit that renders a number whole is refused and
// the page stays as it was.
func TestOutputGuardIncremental(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "site.yaml", "title: 增量\n")
	writeOS(t, dir, "content/notes/n.md", "---\ntitle: 笔记一\ndate: 2024-01-01\n---\n旧文。\n")
	sess, _, err := NewSession(Options{Source: dir, Now: testNow, NoIndex: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	writeOS(t, dir, "content/notes/n.md", "---\ntitle: 笔记一\ndate: 2024-01-01\n---\n电话 138<!-- -->12345678。\n")
	_, _, err = sess.Rebuild([]string{filepath.Join(dir, "content/notes/n.md")})
	if err == nil || !strings.Contains(err.Error(), "n.md:5:") || !strings.Contains(err.Error(), "未脱敏的手机号") {
		t.Fatalf("want the edit refused naming n.md:5, got %v", err)
	}
	filepath.Walk(filepath.Join(dir, "public"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			if strings.Contains(string(b), "138<!-- -->12345678") || strings.Contains(string(b), "12345678") {
				t.Errorf("%s holds the number", p)
			}
		}
		return nil
	})
	page, _ := os.ReadFile(filepath.Join(dir, "public/notes/n/index.html"))
	if !strings.Contains(string(page), "旧文") {
		t.Error("the refused edit replaced the published page")
	}
}
