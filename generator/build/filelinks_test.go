package build

import (
	"regexp"
	"strings"
	"testing"
)

// linkAttrRe is what rewriteLinkAttrs finds, as a regular expression: the reference it must agree with.
var linkAttrRe = regexp.MustCompile(`\s(href|src)="([^"]*)"`)

func viaRegexp(h string) string {
	return linkAttrRe.ReplaceAllStringFunc(h, func(attr string) string {
		m := linkAttrRe.FindStringSubmatch(attr)
		return attr[:len(attr)-len(m[2])-1] + strings.ToUpper(m[2]) + `"`
	})
}

func upper(_, raw string) (string, bool) { return strings.ToUpper(raw), raw != strings.ToUpper(raw) }

func TestRewriteLinkAttrs(t *testing.T) {
	for _, h := range []string{
		``,
		`<p>无链接</p>`,
		`<a href="a.pdf">附件</a>`,
		`<a class="x" href="a.pdf" title="t">a</a><img src="img/b.png" alt="b">`,
		`<a href="#第三条">第三条</a> <a href="/x/">x</a>`,
		`<p>data-href="x.pdf" and xhref="y.pdf"</p>`,
		"<a\thref=\"tab.pdf\">t</a><a\nsrc=\"nl.png\">",
		`<a href="unterminated.pdf>`,
		`href="start.pdf"`,
		`<a href="">empty</a><a src="="x"">odd</a>`,
		`<a href="a.pdf"><img src="b.png"></a><a href="a.pdf">again</a>`,
	} {
		if got, want := rewriteLinkAttrs(h, upper), viaRegexp(h); got != want {
			t.Errorf("rewriteLinkAttrs(%q) = %q, regexp gives %q", h, got, want)
		}
	}
}

func FuzzRewriteLinkAttrs(f *testing.F) {
	f.Add(`<a class="x" href="a.pdf" title="t">a</a><img src="img/b.png">`)
	f.Add("<a\thref=\"t.pdf\"> src=\"=\"\"")
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := rewriteLinkAttrs(h, upper), viaRegexp(h); got != want {
			t.Fatalf("rewriteLinkAttrs(%q) = %q, regexp gives %q", h, got, want)
		}
	})
}

func BenchmarkRewriteLinkAttrs(b *testing.B) {
	h := strings.Repeat(`<p id="第一条"><a class="anchor" href="#第一条">¶</a>第一条 为了规范管理，根据<a href="/cited/x/">《某法》</a>制定本办法。</p>`+"\n", 200)
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			rewriteLinkAttrs(h, func(string, string) (string, bool) { return "", false })
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			linkAttrRe.ReplaceAllStringFunc(h, func(s string) string { return s })
		}
	})
}
