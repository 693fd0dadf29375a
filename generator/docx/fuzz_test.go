package docx

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/frontmatter"
	"github.com/gongkai/gongkai/generator/markdown"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzConvert feeds raw bytes (random input, mutated archives) and, separately, mutated
// document.xml and numbering.xml inside a valid archive, which reaches the XML walker. Whatever
// comes in, Convert must not panic, and what it returns must be a content file whose front matter
// parses and whose body is plain paragraphs and tables: no heading, list, quote or code block.
//
// Each execution takes about a millisecond. What made a run look stalled (8 executions in 60 s)
// was minimisation: every new interesting input is minimised for up to 60 s by default, the
// archives are kilobytes, and no progress is reported meanwhile. Unless -fuzzminimizetime is
// given, it is capped at 200 executions per input (about 1,300 executions/s on 2 cores).
func FuzzConvert(f *testing.F) {
	capMinimize("200x")
	minimal := fixture{body: p("正文。")}
	rich := fixture{
		body: p("中共昆明市委文件") + p("昆发〔2018〕14号") + p("关于进一步加强城乡社区治理的实施意见") + p("为贯彻落实，提出如下意见。") +
			numbered(1, 0, "总体要求") + numbered(1, 1, "指导思想") + styled("H2", "基本原则") +
			`<w:p>` + r("由") + `<w:del><w:r><w:delText>甲</w:delText></w:r></w:del><w:ins>` + r("乙") + `</w:ins>` +
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("3") +
			`<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` + p("附件1") + p("分工表") +
			tbl(tr(tc("", "序号"), tc("", "细化目标"), tc("", "责任单位")), tr(tc("", "1"), tc(`<w:vMerge w:val="restart"/>`, "任务"), tc(`<w:gridSpan w:val="2"/>`, "市民政局"))),
		numbering: chineseNumbering, styles: numberedStyles,
	}
	for _, fx := range []fixture{minimal, rich} {
		parts := fx.parts()
		f.Add(fx.bytes(f), parts["word/document.xml"], parts["word/numbering.xml"])
	}
	f.Add([]byte("PK\x03\x04 not really"), "<w:document><w:body><w:p><w:r><w:t>1. - # ></w:t></w:r></w:p></w:body></w:document>", "")
	f.Add([]byte{}, `<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>`, `<w:numbering><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`)

	f.Fuzz(func(t *testing.T, raw []byte, documentXML, numberingXML string) {
		// Size caps keep one execution cheap; larger inputs find nothing the small ones do not.
		if len(raw) > 64<<10 || len(documentXML) > 16<<10 || len(numberingXML) > 16<<10 {
			return
		}
		check(t, raw)
		parts := fixture{}.parts()
		parts["word/document.xml"] = documentXML
		if numberingXML != "" {
			parts["word/numbering.xml"] = numberingXML
		}
		parts["word/styles.xml"] = `<w:styles>` + numberedStyles + `</w:styles>`
		check(t, zipParts(t, parts))
	})
}

// capMinimize sets -test.fuzzminimizetime unless the command line did.
func capMinimize(limit string) {
	const name = "test.fuzzminimizetime"
	set := false
	flag.Visit(func(fl *flag.Flag) { set = set || fl.Name == name })
	if fl := flag.Lookup(name); fl != nil && !set {
		_ = fl.Value.Set(limit)
	}
}

func check(t *testing.T, data []byte) {
	res, err := convertBytes("fuzz.docx", data, Options{Section: "policies", SourceName: "fuzz.docx"})
	if err != nil {
		if !strings.Contains(err.Error(), "fuzz.docx") {
			t.Fatalf("error does not name the file: %v", err)
		}
		return
	}
	doc, err := frontmatter.Parse(res.Path, res.Markdown)
	if err != nil || doc.Meta == nil {
		t.Fatalf("front matter does not parse: %v\n%s", err, res.Markdown)
	}
	if !strings.HasPrefix(res.Path, "policies/") || !strings.HasSuffix(res.Path, ".md") {
		t.Fatalf("path %q", res.Path)
	}
	src := doc.Body
	root := markdown.New(markdown.Options{}).Parser().Parse(text.NewReader(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Document:
			return ast.WalkContinue, nil
		case *ast.Paragraph, *east.Table:
			return ast.WalkSkipChildren, nil
		}
		t.Fatalf("body has a %s block:\n%s", n.Kind(), bytes.TrimSpace(src))
		return ast.WalkStop, nil
	})
}
