package docx

import "testing"

// A numbering.xml as Chinese templates set it up: 一、 / （一） / 1. / （1）, a second list that
// restarts through startOverride, and 甲、 for ideographTraditional.
const chineseNumbering = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uf06c" + `"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`

// Heading styles that carry the numbering, as many templates do.
const numberedStyles = `
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`

func styled(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + r(text) + `</w:p>`
}

func TestNumbering(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"four Chinese levels with resets",
			p("正文开始。") + numbered(1, 0, "总体要求") + numbered(1, 1, "指导思想") + numbered(1, 2, "坚持党的领导") + numbered(1, 2, "坚持以人为本") +
				numbered(1, 3, "细项") + numbered(1, 1, "基本原则") + numbered(1, 2, "新一轮") + numbered(1, 0, "主要任务"),
			"正文开始。\n\n一、总体要求\n\n（一）指导思想\n\n1.坚持党的领导\n\n2.坚持以人为本\n\n（1）细项\n\n（二）基本原则\n\n1.新一轮\n\n二、主要任务\n"},
		{"startOverride and separate counters per list",
			p("正文开始。") + numbered(2, 0, "五") + numbered(2, 0, "六") + numbered(1, 0, "一"),
			"正文开始。\n\n五、五\n\n六、六\n\n一、一\n"},
		{"ideographTraditional and legal numbering",
			p("正文开始。") + numbered(3, 0, "甲项") + numbered(3, 1, "子项") + numbered(3, 0, "乙项"),
			"正文开始。\n\n甲、甲项\n\n1.1子项\n\n乙、乙项\n"},
		{"bullet from a symbol font", p("正文开始。") + numbered(4, 0, "要点"), "正文开始。\n\n•要点\n"},
		{"numbering through styles and basedOn",
			p("正文开始。") + styled("H1", "总体要求") + styled("H2", "指导思想") + styled("H1", "主要任务"),
			"正文开始。\n\n一、总体要求\n\n（一）指导思想\n\n二、主要任务\n"},
		{"numId 0 switches style numbering off", p("正文开始。") + `<w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + r("无编号") + `</w:p>`,
			"正文开始。\n\n无编号\n"},
		{"unknown list and level ignored", p("正文开始。") + numbered(99, 0, "甲") + numbered(1, 8, "乙"), "正文开始。\n\n甲\n\n乙\n"},
		{"empty numbered paragraph still counts", p("正文开始。") + `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>` + numbered(1, 0, "第二项"),
			"正文开始。\n\n二、第二项\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convertFixture(t, fixture{body: tt.body, numbering: chineseNumbering, styles: numberedStyles}.bytes(t))
			if got := body(t, res); got != tt.want {
				t.Errorf("body:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCountingThousand", "二十一"}, {105, "chineseCounting", "一百零五"},
		{110, "chineseCounting", "一百一十"}, {1001, "chineseCounting", "一千零一"}, {0, "chineseCounting", "0"},
		{3, "chineseLegalSimplified", "叁"}, {11, "chineseLegalSimplified", "壹拾壹"},
		{1, "ideographTraditional", "甲"}, {10, "ideographTraditional", "癸"}, {11, "ideographTraditional", "甲"},
		{12, "ideographZodiac", "亥"}, {2018, "ideographDigital", "二〇一八"}, {7, "decimalFullWidth", "７"},
		{3, "decimalEnclosedCircle", "③"}, {21, "decimalEnclosedCircle", "21"}, {2, "decimalEnclosedParen", "⑵"},
		{4, "decimalZero", "04"}, {27, "upperLetter", "AA"}, {2, "lowerLetter", "b"}, {14, "upperRoman", "XIV"},
		{9, "lowerRoman", "ix"}, {5, "decimal", "5"}, {5, "someFutureFormat", "5"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}
