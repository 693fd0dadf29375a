package docx

import (
	"strings"
	"testing"
)

func TestConvertBody(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"runs split mid-word join", `<w:p><w:r><w:t>城乡社</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>区治理</w:t></w:r></w:p>`, "城乡社区治理\n"},
		{"full-width indentation removed", p("\u3000\u3000为深入贯彻落实精神，提出如下意见。 "), "为深入贯彻落实精神，提出如下意见。\n"},
		{"empty paragraphs dropped", p("甲") + `<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>` + p("乙"), "甲\n\n乙\n"},
		{"page and section breaks dropped",
			p("甲") + `<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:pPr><w:sectPr/></w:pPr></w:p>` + p("乙"), "甲\n\n乙\n"},
		{"bookmarks dropped",
			`<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/>` + r("第一章  总则") + `<w:bookmarkEnd w:id="0"/></w:p>`, "第一章  总则\n"},
		{"PAGE field dropped, its instruction too",
			`<w:p>` + r("第") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("页") + `</w:p>`, "第页\n"},
		{"TOC field spanning paragraphs dropped",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("第一章 总则\t1") + `</w:p>` +
				p("第二章 附则\t9") + `<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` + p("正文"), "正文\n"},
		{"simple PAGE field dropped, hyperlink field kept",
			`<w:p><w:fldSimple w:instr=" PAGE ">` + r("7") + `</w:fldSimple>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://www.km.gov.cn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("昆明市政府网") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			"昆明市政府网\n"},
		{"tracked deletion dropped, insertion kept",
			`<w:p>` + r("由") + `<w:del w:id="1" w:author="a"><w:r><w:delText>市财政局</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">` + r("市民政局") + `</w:ins>` + r("牵头") + `</w:p>`,
			"由市民政局牵头\n"},
		{"comments dropped",
			`<w:p><w:commentRangeStart w:id="0"/>` + r("加强领导") + `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`, "加强领导\n"},
		{"hidden text dropped", `<w:p>` + r("可见") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>`, "可见\n"},
		{"manual line break joins without a space between Chinese",
			`<w:p>` + r("加强基层") + `<w:r><w:br/></w:r>` + r("党组织建设。") + `<w:r><w:br/></w:r>` + r("Word 2007") + `<w:r><w:br/></w:r>` + r("and later") + `</w:p>`,
			"加强基层党组织建设。Word 2007 and later\n"},
		{"text box read after its paragraph, fallback not repeated",
			`<w:p>` + r("正文前") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` + p("框内文字") +
				`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p("框内文字") +
				`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			"正文前\n\n框内文字\n"},
		{"content control read", `<w:sdt><w:sdtPr/><w:sdtContent>` + p("控件内容") + `</w:sdtContent></w:sdt>`, "控件内容\n"},
		{"list markers escaped", p("1. 总则") + p("- 甲") + p("# 乙") + p("> 丙") + p("+ 丁") + p("2)  戊"), "1\\. 总则\n\n\\- 甲\n\n\\# 乙\n\n\\> 丙\n\n\\+ 丁\n\n2\\)  戊\n"},
		{"structural numbering stays a paragraph", p("一、总体要求") + p("（一）指导思想") + p("1.坚持党的领导") + p("第三条 本办法") + p("附件1"),
			"一、总体要求\n\n（一）指导思想\n\n1.坚持党的领导\n\n第三条 本办法\n\n附件1\n"},
		{"inline markup characters escaped", p("到2018~2020年，*重点*任务<b>和`代码`"), "到2018\\~2020年，\\*重点\\*任务\\<b>和\\`代码\\`\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convertFixture(t, fixture{body: tt.body}.bytes(t))
			if got := body(t, res); got != tt.want {
				t.Errorf("body:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestConvertWarnings(t *testing.T) {
	b := `<w:p>` + r("甲") + `<w:del><w:r><w:delText>乙</w:delText></w:r></w:del><w:r><w:commentReference w:id="0"/></w:r>` +
		`<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:drawing><wp:inline/></w:drawing></w:r></w:p>`
	res := convertFixture(t, fixture{body: b}.bytes(t))
	all := strings.Join(res.Warnings, "\n")
	for _, want := range []string{"删去了", "批注", "脚注", "图片"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}
