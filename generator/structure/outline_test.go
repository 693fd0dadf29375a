package structure

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(NewTransformer(), 500)),
		),
	)
}

// parseMarkdown returns the outline and the rendered HTML of a Markdown document.
func parseMarkdown(t testing.TB, src string) (*Outline, string) {
	t.Helper()
	md := newMarkdown()
	pc := parser.NewContext(parser.WithIDs(&unicodeIDs{used: map[string]bool{}}))
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		t.Fatalf("render: %v", err)
	}
	o := OutlineFrom(pc)
	if o == nil {
		t.Fatal("OutlineFrom returned nil after the transformer ran")
	}
	return o, buf.String()
}

// unicodeIDs stands in for the site's heading ids, which keep Chinese: "## 附则说明" → "附则说明".
type unicodeIDs struct{ used map[string]bool }

func (u *unicodeIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := strings.Join(strings.Fields(string(value)), "-")
	if id == "" {
		id = "heading"
	}
	for n, c := 2, id; ; n++ {
		if !u.used[c] {
			u.used[c] = true
			return []byte(c)
		}
		c = id + "-" + itoa(n)
	}
}

func (u *unicodeIDs) Put(value []byte) { u.used[string(value)] = true }

func anchors(o *Outline) []string {
	var out []string
	for _, u := range o.Units {
		out = append(out, u.Anchor)
	}
	return out
}

func TestOutlineAnchors(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []string
	}{
		{
			name: "policy items nest",
			md: "为贯彻落实……制定本方案。\n\n一、总体要求\n\n（一）指导思想\n\n正文。\n\n（二）基本原则\n\n1.坚持党的领导。\n\n2.坚持以人为本。\n\n" +
				"（1）细目\n\n二、主要任务\n\n（一）理顺关系\n",
			want: []string{"一", "一-（一）", "一-（二）", "一-（二）-1", "一-（二）-2", "一-（二）-2-（1）", "二", "二-（一）"},
		},
		{
			name: "law with chapter headings",
			md: "# 中华人民共和国某某法\n\n## 第一章 总则\n\n第一条 为了……\n\n第二条 本法所称……\n\n## 第二章 组织\n\n### 第一节 一般规定\n\n" +
				"第三条 居民委员会的任务：\n\n（一）宣传宪法；\n\n（二）办理公共事务；\n\n第四条 附则。\n",
			want: []string{"中华人民共和国某某法", "第一章", "第一条", "第二条", "第二章", "第二章-第一节", "第三条", "第三条-（一）", "第三条-（二）", "第四条"},
		},
		{
			name: "annex prefixes and resets",
			md:   "一、正文\n\n第一条 正文里的条\n\n附件1\n\n某某法\n\n第一条 附件里的条\n\n第二条 又一条\n\n附件2\n\n一、附件二的项\n\n（一）细项\n",
			want: []string{"一", "第一条", "附件1", "附件1-第一条", "附件1-第二条", "附件2", "附件2-一", "附件2-一-（一）"},
		},
		{
			name: "duplicates and boxes",
			md:   "第一节 发展基础\n\n专栏：强化新型社区治理\n\n1.易地扶贫搬迁型社区。\n\n2.城乡结合部新型社区。\n\n专栏：强化新型社区治理\n\n1.又一个\n\n第一节 再来一次\n",
			// The repeated box would be "…-2", which its namesake's item 2 already holds: "-3".
			want: []string{"第一节", "专栏-强化新型社区治理", "专栏-强化新型社区治理-1", "专栏-强化新型社区治理-2",
				"专栏-强化新型社区治理-3", "专栏-强化新型社区治理-3-1", "第一节-2"},
		},
		{
			name: "single newlines are split",
			md:   "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，\n全面加强。\n（二）基本原则\n",
			want: []string{"一", "一-（一）", "一-（二）"},
		},
		{
			name: "numbering in lists, quotes and emphasis",
			md:   "- 第一条 列表中的条\n\n  第二条 列表中的第二条\n\n> 第三条 引用中的条\n\n**第四条** 加粗的条\n",
			want: []string{"第一条", "第二条", "第三条", "第四条"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, _ := parseMarkdown(t, tt.md)
			if got := anchors(o); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("anchors = %q\nwant      %q", got, tt.want)
			}
		})
	}
}

func TestOutlineHTMLAndText(t *testing.T) {
	md := "前言段落。\n\n## 第一章 总则\n\n第一条 为了加强城市居民委员会的建设，\n制定本法。\n\n第二条 居民委员会是基层群众性自治组织。\n\n" +
		"| 类别 | 指标 |\n|---|---|\n| 城乡社区 | 覆盖率 |\n\n```\n第九条 代码里的不算\n```\n\n## 附则说明 {#notes}\n\n第三条 `代码` 和 [链接](https://example.org) 都是文字。\n"
	o, html := parseMarkdown(t, md)
	for _, want := range []string{`<h2 id="第一章">第一章 总则</h2>`, `<p id="第一条">`, `<p id="第二条">`, `<h2 id="notes">`, `<p id="第三条">`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	if o.Preamble != "前言段落。" {
		t.Errorf("Preamble = %q", o.Preamble)
	}
	byAnchor := map[string]Unit{}
	for _, u := range o.Units {
		byAnchor[u.Anchor] = u
	}
	if got := byAnchor["第一条"].Text; got != "第一条 为了加强城市居民委员会的建设，制定本法。" {
		t.Errorf("第一条 text = %q (soft break between CJK must vanish)", got)
	}
	if got := byAnchor["第二条"].Text; got != "第二条 居民委员会是基层群众性自治组织。\n类别 指标\n城乡社区 覆盖率" {
		t.Errorf("第二条 text = %q (the table belongs to it, the code block does not)", got)
	}
	if got := byAnchor["第三条"].Text; got != "第三条 代码 和 链接 都是文字。" {
		t.Errorf("第三条 text = %q", got)
	}
	notes := byAnchor["notes"]
	if notes.Kind != Heading || notes.Title != "附则说明" {
		t.Errorf("heading unit = %+v", notes)
	}
	if byAnchor["第三条"].Parent < 0 || o.Units[byAnchor["第三条"].Parent].Anchor != "notes" {
		t.Errorf("第三条 should nest under the heading: %+v", byAnchor["第三条"])
	}
	if ch := byAnchor["第一章"]; ch.Level != 2 || ch.Title != "总则" || ch.Depth != 0 {
		t.Errorf("chapter unit = %+v", ch)
	}
	if a := byAnchor["第一条"]; a.Depth != 1 || o.Units[a.Parent].Anchor != "第一章" || a.Title != "为了加强城市居民委员会的建设，制定本法" {
		t.Errorf("article unit = %+v", a)
	}
}

func TestAnchorsIgnoreHeadingIDs(t *testing.T) {
	// The heading "一" keeps its id, so the item 一、 must not take it too.
	o, html := parseMarkdown(t, "## 一\n\n一、总体要求\n")
	if got := anchors(o); !reflect.DeepEqual(got, []string{"一", "一-2"}) {
		t.Errorf("anchors = %q", got)
	}
	if strings.Count(html, `id="一"`) != 1 {
		t.Errorf("duplicate id in %s", html)
	}
}

func TestAnchorsAreStable(t *testing.T) {
	base := "一、总体要求\n\n（一）指导思想\n\n第三条 内容\n\n附件1\n\n第一条 附件条文\n"
	before, _ := parseMarkdown(t, base)
	edited, _ := parseMarkdown(t, "新增的导语。\n\n另一段说明，含数字2020年。\n\n"+strings.Replace(base, "（一）指导思想", "（一）指导思想\n\n插入的一段正文。", 1))
	if !reflect.DeepEqual(anchors(before), anchors(edited)) {
		t.Errorf("anchors changed after editing text:\n%q\n%q", anchors(before), anchors(edited))
	}
	again, _ := parseMarkdown(t, base)
	if !reflect.DeepEqual(anchors(before), anchors(again)) {
		t.Errorf("rebuild changed anchors")
	}
}

func TestCitationText(t *testing.T) {
	o := FromParagraphs([]string{
		"一、总体要求", "（一）指导思想", "（二）基本原则", "3.坚持依法治理。",
		"附件1", "第三条　居民委员会的任务：", "（一）宣传宪法；", "第一章 总则", "第二节 组织",
	})
	want := map[string]string{
		"一-（二）":       "《关于加强和完善城乡社区治理的实施意见》（昆发〔2018〕14号）一、（二）",
		"一-（二）-3":     "《关于加强和完善城乡社区治理的实施意见》（昆发〔2018〕14号）一、（二）3.",
		"附件1-第三条":     "《关于加强和完善城乡社区治理的实施意见》（昆发〔2018〕14号）附件1第三条",
		"附件1-第三条-（一）": "《关于加强和完善城乡社区治理的实施意见》（昆发〔2018〕14号）附件1第三条第（一）项",
		"附件1-第一章-第二节": "《关于加强和完善城乡社区治理的实施意见》（昆发〔2018〕14号）附件1第一章第二节",
	}
	found := 0
	for _, u := range o.Units {
		if w, ok := want[u.Anchor]; ok {
			found++
			if got := CitationText("关于加强和完善城乡社区治理的实施意见", "昆发〔2018〕14号", u, o); got != w {
				t.Errorf("CitationText(%s) = %q, want %q", u.Anchor, got, w)
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d of %d anchors in %q", found, len(want), anchors(o))
	}
	if got := CitationText("", "", o.Units[0], o); got != "一、" {
		t.Errorf("bare citation = %q", got)
	}
}

func TestTOC(t *testing.T) {
	var paras []string
	paras = append(paras, "第一章 总则")
	for i := 1; i <= 120; i++ {
		paras = append(paras, "第"+formatChinese(i)+"条 内容。")
		if i == 60 {
			paras = append(paras, "第二章 附则")
		}
	}
	toc := FromParagraphs(paras).TOC()
	if len(toc) != 2 || toc[0].Anchor != "第一章" || toc[1].Anchor != "第二章" {
		t.Errorf("TOC of a 120-article law = %q, want the two chapters", anchors(&Outline{Units: toc}))
	}
	short := FromParagraphs([]string{"一、甲", "（一）乙", "1.丙", "二、丁"}).TOC()
	if len(short) != 4 {
		t.Errorf("TOC of a short notice = %q, want every item", anchors(&Outline{Units: short}))
	}
}

func FuzzTransformer(f *testing.F) {
	for _, s := range []string{
		"一、总体要求\n（一）指导思想\n1.坚持",
		"## 第一章 总则\n\n第一条 内容\n\n| a | b |\n|---|---|\n| 第二条 | x |\n",
		"- 第一条 *强调*\n  第二条 `code`\n> 附件1\n\n专栏：题目\n",
		"第一条 [链接](x)\n（一）**粗**\\\n（二）&amp;\n",
		"# a {#x}\n# b {#x}\n# {#}\n#\n",
	} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		pc := parser.NewContext()
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
		var buf bytes.Buffer
		if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
			t.Fatalf("render: %v", err)
		}
		o := OutlineFrom(pc)
		seen := map[string]bool{}
		for i, u := range o.Units {
			if u.Anchor == "" || seen[u.Anchor] {
				t.Fatalf("anchor %q of unit %d empty or repeated", u.Anchor, i)
			}
			seen[u.Anchor] = true
			if u.Parent >= i {
				t.Fatalf("unit %d has parent %d after it", i, u.Parent)
			}
			_ = CitationText("标题", "中发〔2017〕13号", u, o)
		}
		_ = o.TOC()
	})
}

func TestSplitKeepsInlineMarkup(t *testing.T) {
	_, html := parseMarkdown(t, "为此制定方案。\n一、总体要求  \n（一）指导思想\\\n以习近平新时代中国特色社会主义思想为指导，\n全面加强。\n（二）**基本**原则\n2020年完成。\n")
	want := "<p>为此制定方案。</p>\n<p id=\"一\">一、总体要求</p>\n<p id=\"一-（一）\">（一）指导思想<br>\n以习近平新时代中国特色社会主义思想为指导，\n全面加强。</p>\n" +
		"<p id=\"一-（二）\">（二）<strong>基本</strong>原则\n2020年完成。</p>\n"
	if html != want {
		t.Errorf("split paragraphs:\n%s\nwant\n%s", html, want)
	}
}
