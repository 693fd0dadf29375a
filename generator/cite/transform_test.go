package cite

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func render(t testing.TB, src string, resolve func(Citation) (string, bool)) string {
	t.Helper()
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(NewTransformer(resolve), 500))),
	)
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.String()
}

// byKey resolves the one document the test site has.
func byKey(c Citation) (string, bool) {
	if c.Key == "中发〔2017〕13号" || TitleKey(c.Title) == TitleKey("中共中央、国务院关于加强和完善城乡社区治理的意见") {
		return "/policies/zhongfa-2017-13/", true
	}
	return "", false
}

func TestTransformer(t *testing.T) {
	src := "为贯彻落实《中共中央国务院关于加强和完善城乡社区治理的意见》(中发[2017]13号，以下简称《意见》)和《未知文件》精神。\n\n" +
		"按照《意见》要求，参照中发〔2017〕13号，见[《意见》](https://example.org/)与`中发〔2017〕13号`。\n\n" +
		"## 学习《中共中央 国务院关于加强和完善城乡社区治理的意见》\n\n" +
		"| 依据 |\n|---|\n| 中发[2017]13号 |\n\n" +
		"根据《中共中央\n国务院关于加强和完善城乡社区治理的意见》*强调*。\n"
	html := render(t, src, byKey)
	link := `<a href="/policies/zhongfa-2017-13/">`
	for _, want := range []string{
		link + `《中共中央国务院关于加强和完善城乡社区治理的意见》(中发[2017]13号</a>，以下简称《意见》)和《未知文件》精神。`,
		`按照` + link + `《意见》</a>要求，参照` + link + `中发〔2017〕13号</a>，见<a href="https://example.org/">《意见》</a>与<code>中发〔2017〕13号</code>。`,
		`<h2>学习` + link + `《中共中央 国务院关于加强和完善城乡社区治理的意见》</a></h2>`,
		`<td>` + link + `中发[2017]13号</a></td>`,
		`根据` + link + "《中共中央\n国务院关于加强和完善城乡社区治理的意见》</a><em>强调</em>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks\n%s\nin\n%s", want, html)
		}
	}
	if strings.Count(html, "<a ") != 7 {
		t.Errorf("want 6 new links and the existing one, got:\n%s", html)
	}
}

func TestTransformerWithoutResolver(t *testing.T) {
	src := "《中共中央国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号）\n"
	if html := render(t, src, nil); strings.Contains(html, "<a") {
		t.Errorf("nil resolver linked: %s", html)
	}
	never := func(Citation) (string, bool) { return "", false }
	if html := render(t, src, never); strings.Contains(html, "<a") {
		t.Errorf("unresolved citation linked: %s", html)
	}
}

func FuzzTransformer(f *testing.F) {
	for _, s := range []string{
		"《甲》(中发[2017]13号)\n\n[《乙》](x) `丙` 昆发〔2018〕14号",
		"《中共\n中央》**粗**《意见》\\\n（以下简称“意见”）“意见”",
		"| 中发[2017]13号 |\n|---|\n| 《甲》 |",
	} {
		f.Add(s)
	}
	always := func(c Citation) (string, bool) { return "/x/", true }
	f.Fuzz(func(t *testing.T, src string) {
		plain := render(t, src, nil)
		linked := render(t, src, always)
		// Linking adds <a> tags and changes nothing else.
		strip := strings.NewReplacer(`<a href="/x/">`, "", "</a>", "")
		if strip.Replace(linked) != strip.Replace(plain) {
			t.Fatalf("linking changed the text of %q:\n%s\n%s", src, plain, linked)
		}
	})
}
