package docx

import (
	"reflect"
	"strings"
	"testing"
)

func blocksOf(lines ...string) []block {
	var out []block
	for _, l := range lines {
		out = append(out, block{text: l})
	}
	return out
}

func TestGuessMeta(t *testing.T) {
	tests := []struct {
		name     string
		lines    []string
		title    string
		docNum   string
		issuers  []string
		written  string
		genre    string
		level    string
		consumed []int // header lines removed from the body
	}{
		{"joint 红头 document (seed 002)",
			[]string{"中共昆明市委文件", "昆发〔2018〕14号", "★", "中共昆明市委  昆明市人民政府", "关于进一步加强城乡社区治理的实施意见", "（2018年8月22日）", "为深入贯彻落实精神，提出如下实施意见。"},
			"中共昆明市委  昆明市人民政府关于进一步加强城乡社区治理的实施意见", "昆发〔2018〕14号", []string{"中共昆明市委", "昆明市人民政府"},
			"2018-08-22", "实施意见", "市", []int{0, 1, 2, 3, 4, 5}},
		{"title split over two paragraphs, date in the 落款 (seed 000)",
			[]string{"关于印发《三建乡加强和完善城乡社区治理", "实施方案》的通知", "各村（居）民委员会：", "经乡党委研究同意，现将方案印发给你们。", "2020年6月1日", "（此件公开发布）"},
			"关于印发《三建乡加强和完善城乡社区治理实施方案》的通知", "", nil, "2020-06-01", "通知", "", []int{0, 1}},
		{"bracket variant normalised, 签发人 on the 文号 line, 红头 gives the issuer",
			[]string{"昆明市人民政府办公厅文件", "昆政办发[2020]5号      签发人：张三", "关于做好社区换届工作的通知", "各县（市）区人民政府：", "现就有关事项通知如下。"},
			"关于做好社区换届工作的通知", "昆政办发〔2020〕5号", []string{"昆明市人民政府办公厅"}, "", "通知", "市", []int{0, 1, 2}},
		{"issuers in the title, Chinese-numeral date in the signature",
			[]string{"中共中央 国务院关于加强和完善城乡社区治理的意见", "城乡社区是社会治理的基本单元。", "现提出如下意见。", "中共中央", "国务院", "二〇一七年六月十二日"},
			"中共中央 国务院关于加强和完善城乡社区治理的意见", "", []string{"中共中央", "国务院"}, "2017-06-12", "意见", "中央", []int{0}},
		{"signature gives issuers and level",
			[]string{"三建乡城乡社区治理实施方案（试行）", "为贯彻落实有关精神，制定本方案。", "中共三建乡委员会", "三建乡人民政府", "2020年6月1日"},
			"三建乡城乡社区治理实施方案（试行）", "", []string{"中共三建乡委员会", "三建乡人民政府"}, "2020-06-01", "实施方案", "乡", []int{0}},
		{"no title (seed 004 starts at 前言)",
			[]string{"前    言", "为提升全市城乡社区发展治理效能，制定本规划。"},
			"", "", nil, "", "", "", nil},
		{"文号 cited in the first sentence is not the document's",
			[]string{"为深入贯彻落实《意见》（中发〔2017〕13号）精神，结合实际，提出如下意见。", "一、总体要求"},
			"", "", nil, "", "", "", nil},
		{"impossible date ignored",
			[]string{"关于开展社区评议的通知", "（2018年2月30日）", "各社区：", "现通知如下。"},
			"关于开展社区评议的通知", "", nil, "", "通知", "", []int{0}},
		{"community-level issuer line",
			[]string{"通化市二道江区长胜社区居民委员会", "关于调整管辖范围的起草说明", "根据有关规定，现说明如下。"},
			"通化市二道江区长胜社区居民委员会关于调整管辖范围的起草说明", "", []string{"通化市二道江区长胜社区居民委员会"}, "", "起草说明", "村", []int{0, 1}},
		{"repeated title on a web page copy",
			[]string{"关于加强和完善城乡社区治理的实施方案", "来源:发布时间:2018-05-10", "关于加强和完善城乡社区治理的实施方案", "根据有关精神，制定本方案。"},
			"关于加强和完善城乡社区治理的实施方案", "", nil, "", "实施方案", "", []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := guessMeta(blocksOf(tt.lines...), "原文件.docx")
			wantTitle := tt.title
			if wantTitle == "" {
				wantTitle = "原文件"
			}
			if m.title != wantTitle {
				t.Errorf("title = %q, want %q", m.title, wantTitle)
			}
			if m.docNumber != tt.docNum {
				t.Errorf("doc_number = %q, want %q", m.docNumber, tt.docNum)
			}
			if !reflect.DeepEqual(m.issuers, tt.issuers) {
				t.Errorf("issuers = %q, want %q", m.issuers, tt.issuers)
			}
			if m.written != tt.written || m.genre != tt.genre || m.level != tt.level {
				t.Errorf("written, genre, level = %q %q %q, want %q %q %q", m.written, m.genre, m.level, tt.written, tt.genre, tt.level)
			}
			var consumed []int
			for i := range tt.lines {
				if m.consumed[i] {
					consumed = append(consumed, i)
				}
			}
			if !reflect.DeepEqual(consumed, tt.consumed) {
				t.Errorf("consumed lines %v, want %v", consumed, tt.consumed)
			}
			if tt.title == "" && !strings.Contains(strings.Join(m.warnings, "\n"), "标题") {
				t.Errorf("no warning about the missing title: %q", m.warnings)
			}
		})
	}
}

func TestDocNumberLine(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"昆发〔2018〕14号", "昆发〔2018〕14号", true},
		{"昆发[2018]14号", "昆发〔2018〕14号", true},
		{"云政办发（2019）第３号", "云政办发〔2019〕3号", true},
		{"  昆发【2018】 14 号  ", "昆发〔2018〕14号", true},
		{"（昆发〔2018〕14号）", "昆发〔2018〕14号", true},
		{"签发人：张三  昆发〔2018〕14号", "昆发〔2018〕14号", true},
		{"按照中发〔2017〕13号文件要求", "", false},
		{"昆发〔18〕14号", "", false},
		{"昆发〔2018〕号", "", false},
		{"第十四号", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := docNumberLine(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("docNumberLine(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2018年8月22日", "2018-08-22"},
		{"（2018年8月22日）", "2018-08-22"},
		{"(2018年8月22日)", "2018-08-22"},
		{" 2020年6月1日      ", "2020-06-01"},
		{"２０２０年１２月３１日", "2020-12-31"},
		{"2018 年 8 月 22 日", "2018-08-22"},
		{"二〇一七年六月十二日", "2017-06-12"},
		{"二○二一年十月三十一日", "2021-10-31"},
		{"2018-05-10", "2018-05-10"},
		{"2018年2月30日", ""},
		{"2018年13月1日", ""},
		{"2018年8月22日召开会议", ""},
		{"来源:发布时间:2018-05-10", ""},
		{"二〇一七年六月三十二日", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := parseDateLine(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDateLine(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestSplitIssuers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"中共昆明市委  昆明市人民政府", []string{"中共昆明市委", "昆明市人民政府"}},
		{"中共中央、国务院", []string{"中共中央", "国务院"}},
		{"昆明市城乡社区治理工作领导小组办公室", []string{"昆明市城乡社区治理工作领导小组办公室"}},
		{"长胜社区", []string{"长胜社区"}},
		{"关于进一步加强城乡社区治理的实施意见", nil},
		{"各村（居）民委员会：", nil},
		{"组长：刘智（市委副书记）", nil},
		{"2018年8月22日", nil},
		{"★", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, ok := splitIssuers(tt.in)
		if !reflect.DeepEqual(got, tt.want) || ok != (tt.want != nil) {
			t.Errorf("splitIssuers(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestLevelOf(t *testing.T) {
	tests := []struct{ issuer, want string }{
		{"中共中央", "中央"}, {"国务院办公厅", "中央"}, {"民政部", "中央"}, {"国家发展改革委", "中央"},
		{"中共云南省委", "省"}, {"云南省人民政府", "省"}, {"广西壮族自治区民政厅", "省"}, {"重庆市人民政府", "省"},
		{"中共昆明市委", "市"}, {"昆明市民政局", "市"}, {"昆明市乡村振兴局", "市"}, {"广州市人民政府", "市"}, {"西双版纳傣族自治州人民政府", "市"},
		{"昆明市五华区人民政府", "县"}, {"开江县人民政府", "县"}, {"重庆市开州区人民政府", "县"},
		{"中共三建乡委员会", "乡"}, {"三建乡人民政府", "乡"}, {"华山街道办事处", "乡"},
		{"长胜社区居民委员会", "村"}, {"廖家坝村民委员会", "村"},
		{"城乡社区治理工作领导小组", ""}, {"某某协会", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := levelOf(tt.issuer); got != tt.want {
			t.Errorf("levelOf(%q) = %q, want %q", tt.issuer, got, tt.want)
		}
	}
}

func TestGenreOf(t *testing.T) {
	tests := []struct{ title, want string }{
		{"关于进一步加强城乡社区治理的实施意见", "实施意见"},
		{"关于印发《三建乡加强和完善城乡社区治理实施方案》的通知", "通知"},
		{"关于加强和完善城乡社区治理的实施方案", "实施方案"},
		{"开江县“十四五”城乡社区发展治理规划", "规划"},
		{"关于关于调整长胜社区居民委员会绿园社区居民委员会管辖范围的起草说明", "起草说明"},
		{"昆明市社区工作者管理办法（试行）", "办法"},
		{"关于加强和完善城乡社区治理的意见", "意见"},
		{"前    言", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := genreOf(tt.title); got != tt.want {
			t.Errorf("genreOf(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestEscapeParagraph(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1. 总则", `1\. 总则`},
		{"1.总则", "1.总则"},
		{"12)", `12\)`},
		{"2020. 年", `2020\. 年`},
		{"3.5亿元", "3.5亿元"},
		{"- 项", `\- 项`},
		{"---", `\---`},
		{"* 项", `\* 项`},
		{"+ 项", `\+ 项`},
		{"# 一、", `\# 一、`},
		{"> 引", `\> 引`},
		{"| 甲 |", `\| 甲 |`},
		{"___", `\___`},
		{"一、总体要求", "一、总体要求"},
		{"（一）指导思想", "（一）指导思想"},
		{"路径 C:\\docs", `路径 C:\\docs`},
		{"a<b 与 a<br>", `a\<b 与 a\<br>`},
		{"x < 3", "x < 3"},
		{"&amp; 与 R&D", `\&amp; 与 R&D`},
		{"见[附件](x)", `见\[附件](x)`},
		{"〔2017〕[13]", "〔2017〕[13]"},
	}
	for _, tt := range tests {
		if got := escapeParagraph(tt.in); got != tt.want {
			t.Errorf("escapeParagraph(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	const digest = "3eb6ae5ead99fa51485ce86a4534baed247b4400c2421373ce854722b25e078f"
	tests := []struct {
		m    meta
		want string
	}{
		{meta{docNumber: "昆发〔2018〕14号"}, "2018-kunming-14"},
		{meta{docNumber: "昆政办发〔2020〕5号"}, "2020-kunming-zhengbanfa-5"},
		{meta{docNumber: "云发〔2018〕5号"}, "2018-yunnan-5"},
		{meta{docNumber: "二政字〔2024〕7号"}, "2024-7-3eb6ae5e"},
		{meta{docNumber: "国务院令第711号", written: "2019-04-03"}, "2019-3eb6ae5e"},
		{meta{written: "2020-06-01"}, "2020-3eb6ae5e"},
		{meta{}, "3eb6ae5e"},
	}
	for _, tt := range tests {
		if got := slug(tt.m, digest); got != tt.want {
			t.Errorf("slug(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}

// The 落款's date is the 成文日期 wherever Word users put it: a line of its own, after the
// issuer in the same paragraph (Shift+Enter), on the issuer's line, or after a 附件说明.
func TestSignatureDate(t *testing.T) {
	text := []string{"关于开展社区评议的通知", "各社区：", "现通知如下。"}
	tests := []struct {
		name        string
		tail        []block
		written     string
		issuers     []string
		attachments []string // anchors
	}{
		{"date on its own line", blocksOf("三建乡人民政府", "2020年6月1日"), "2020-06-01", []string{"三建乡人民政府"}, nil},
		{"manual line break between issuer and date",
			[]block{{text: "三建乡人民政府2020年6月1日", lines: []string{"三建乡人民政府", "2020年6月1日"}}}, "2020-06-01", []string{"三建乡人民政府"}, nil},
		{"two issuers and the date in one paragraph",
			[]block{{text: "中共三建乡委员会三建乡人民政府二〇二〇年六月一日", lines: []string{"中共三建乡委员会", "三建乡人民政府", "二〇二〇年六月一日"}}},
			"2020-06-01", []string{"中共三建乡委员会", "三建乡人民政府"}, nil},
		{"issuer and date on one line", blocksOf("三建乡人民政府　　2020年6月1日"), "2020-06-01", []string{"三建乡人民政府"}, nil},
		{"附件说明 above the 落款, the attachment after it",
			blocksOf("附件：社区评议表", "三建乡人民政府", "2020年6月1日", "附件", "社区评议表", "评议内容。"), "2020-06-01", []string{"三建乡人民政府"}, []string{"附件"}},
		{"a sentence ending in a date is not a 落款", blocksOf("本通知自2020年6月1日起施行。"), "", nil, nil},
		{"a date after a non-organ is no issuer", blocksOf("请于 2020年6月1日"), "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := append(blocksOf(text...), tt.tail...)
			m := guessMeta(blocks, "原文件.docx")
			if m.written != tt.written || !reflect.DeepEqual(m.issuers, tt.issuers) {
				t.Errorf("written, issuers = %q %q, want %q %q", m.written, m.issuers, tt.written, tt.issuers)
			}
			var anchors []string
			for _, a := range m.attachments {
				anchors = append(anchors, a.anchor)
			}
			if !reflect.DeepEqual(anchors, tt.attachments) {
				t.Errorf("attachments %q, want %q (warnings %q)", anchors, tt.attachments, m.warnings)
			}
		})
	}
}

func TestSignatureWithLineBreakInDocx(t *testing.T) {
	body := p("关于开展社区评议的通知") + p("各社区：") + p("现通知如下。") +
		`<w:p><w:pPr><w:jc w:val="right"/></w:pPr>` + r("三建乡人民政府") + `<w:r><w:br/></w:r>` + r("2020年6月1日") + `</w:p>`
	res := convertFixture(t, fixture{body: body}.bytes(t))
	for _, want := range []string{"written: 2020-06-01", "issuers: [三建乡人民政府]"} {
		if !strings.Contains(string(res.Markdown), want) {
			t.Errorf("front matter lacks %q:\n%s", want, res.Markdown)
		}
	}
}

func FuzzSignatureLine(f *testing.F) {
	for _, s := range []string{"三建乡人民政府　　2020年6月1日", "2020年6月1日", "中共中央 国务院 二〇一七年六月十二日", "请于 2020年6月1日", "x 0000年日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, names, ok := signatureLine(s)
		if ok && len(d) != len("2006-01-02") {
			t.Errorf("signatureLine(%q) = %q, %q", s, d, names)
		}
	})
}
