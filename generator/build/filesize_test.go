package build

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/render"
	"github.com/spf13/afero"
)

func TestFormatSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0.1 KB"},
		{1, "0.1 KB"},
		{400, "0.4 KB"},
		{9 * 1024, "9.0 KB"},
		{10*1024 - 1, "10 KB"},
		{283*1024 + 100, "283 KB"},
		{1023 * 1024, "1023 KB"},
		{1024 * 1024, "1.0 MB"},
		{1258291, "1.2 MB"},
		{35 * 1024 * 1024, "35 MB"},
		{5 << 30, "5120 MB"},
	} {
		if got := FormatSize(c.n); got != c.want {
			t.Errorf("FormatSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestLabelFileLinks(t *testing.T) {
	labels := map[string]string{"/a.pdf": "（PDF，283 KB）"}
	for _, c := range []struct{ in, want string }{
		{`<a href="/a.pdf">附件1 名单</a>。`, `<a href="/a.pdf">附件1 名单</a><span class="filemeta">（PDF，283 KB）</span>。`},
		{`<a href="/a.pdf" title="t">附件1</a>`, `<a href="/a.pdf" title="t">附件1</a><span class="filemeta">（PDF，283 KB）</span>`},
		{`<a href="/a.pdf">名单（PDF）</a>`, `<a href="/a.pdf">名单（PDF）</a>`},     // said by hand
		{`<a href="/a.pdf">名单</a>（pdf 版）`, `<a href="/a.pdf">名单</a>（pdf 版）`}, // said by hand after the link
		{`<a href="/b.pdf">b</a>`, `<a href="/b.pdf">b</a>`},
		{`<a href="/a.pdf">unclosed`, `<a href="/a.pdf">unclosed`},
		{`<a href="/a.pdf`, `<a href="/a.pdf`},
		{`<a href="/a.pdf"><img src="x.png"></a><a href="/a.pdf">二</a>`,
			`<a href="/a.pdf"><img src="x.png"></a><span class="filemeta">（PDF，283 KB）</span><a href="/a.pdf">二</a><span class="filemeta">（PDF，283 KB）</span>`},
	} {
		if got := labelFileLinks(c.in, labels); got != c.want {
			t.Errorf("labelFileLinks(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func FuzzLabelFileLinks(f *testing.F) {
	f.Add(`<a href="/a.pdf">附件1</a>`)
	f.Add(`<a href="/a.pdf"></a><a href="/a.pdf">PDF</a>`)
	f.Add(`<a href="/a.pdf">`)
	labels := map[string]string{"/a.pdf": " (PDF, 1.0 KB)"}
	f.Fuzz(func(t *testing.T, h string) {
		got := labelFileLinks(h, labels)
		if strings.ReplaceAll(got, `<span class="filemeta"> (PDF, 1.0 KB)</span>`, "") != h && !strings.Contains(h, `<span class="filemeta">`) {
			t.Errorf("labelFileLinks changed more than it added: %q → %q", h, got)
		}
	})
}

// Links to published documents, in the text and in the attachments list, say their type and
// size; images and links elsewhere do not. English pages use English punctuation.
func TestAttachmentLinksShowTypeAndSize(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en"} {
		fs := afero.NewMemMapFs()
		writeArchive(t, fs, strings.Replace(filesSite, "title: 附件\n", "title: 附件\nlanguage: "+lang+"\n", 1))
		if err := afero.WriteFile(fs, "/site/content/policies/附件1.pdf", bytes.Repeat([]byte("x"), 283*1024+100), 0o644); err != nil {
			t.Fatal(err)
		}
		s := rebuild(t, fs).ok()
		pdf, docx := "（PDF，283 KB）", "（DOCX，0.1 KB）"
		if lang == "en" {
			pdf, docx = " (PDF, 283 KB)", " (DOCX, 0.1 KB)"
		}
		rel := render.RelURL
		s.contains("policies/a/index.html",
			`<a href="`+rel("/policies/附件1.pdf")+`">附件1</a><span class="filemeta">`+pdf+`</span>`,
			`<a href="`+rel("/policies/forms/申请表.docx")+`">附件2 申请表</a><span class="filemeta">`+docx+`</span>`,
			`<a href="/files/guide.pdf">指南</a><span class="filemeta">`,
		)
		s.lacks("policies/a/index.html", `map.png"><span class="filemeta">`, `a.pdf">国务院文件</a><span`)
	}
}
