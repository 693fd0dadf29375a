package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"第一章 总则":         "第一章-总则",
		"一、总体要求":         "一-总体要求",
		"Work Plan 2024": "work-plan-2024",
		"  （一）指导思想  ":    "一-指导思想",
		"社区 “两委” 换届":     "社区-两委-换届",
		"!!!":            "",
		"Ｆｕｌｌ　ｗｉｄｔｈ":     "ｆｕｌｌ-ｗｉｄｔｈ",
	}
	for in, want := range tests {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ name, src, want, unwanted string }{
		{"CJK line break adds no space", "第一行\n第二行", "<p>第一行第二行</p>", ""},
		{"English line break keeps a space", "first\nsecond", "first\nsecond", ""},
		{"mixed: the break next to Chinese goes, as CSS Text 3 does", "社区 community\n治理", "社区 community治理", ""},
		{"unique unicode heading ids", "## 目标\n\n## 目标", `<h2 id="目标-2">`, ""},
		{"GFM table", "| 序号 | 任务 |\n|---|---|\n| 1 | 做 |", `<div class="scroll" tabindex="0"><table>`, ""},
		{"table cell kept on one line", "| 序号 | 任务 |\n|---|---|\n| 1 | 做好社区工作，按时完成。 |", `<td class="nw">1</td>`, `<td class="nw">做好`},
		{"right alignment kept", "| 项目 | 金额 |\n|---|---:|\n| 甲 | 1,160.00 |", `<td align="right" class="nw">1,160.00</td>`, ""},
		{"footnote", "正文[^1]\n\n[^1]: 注释", "footnote", ""},
		{"attributes", "## 标题 {#custom}", `id="custom"`, ""},
		{"style dropped", `## 标题 {style="position:fixed;inset:0;z-index:99"}`, `<h2 id="标题">`, "position"},
		{"event handlers dropped", `## 标题 {onclick="alert(1)" data-x=1 .warn}`, `<h2 id="标题" class="warn">`, "alert"},
		{"unsafe class names dropped", `## 标题 {class="a;b sr ok-1 <x>"}`, `class="ok-1"`, "sr"},
		{"id and class kept", `## 标题 {#sec-1 .note .wide}`, `<h2 id="sec-1" class="note wide">`, ""},
		{"raw html escaped", "<b>粗</b>", "&lt;b&gt;粗&lt;/b&gt;", "<b>"},
		{"html comment dropped", "<!-- INFO END -->\n\n正文", "<p>正文</p>", "INFO END"},
	}
	md := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			doc := md.Parser().Parse(text.NewReader([]byte(tt.src)), parser.WithContext(NewContext()))
			if err := md.Renderer().Render(&b, []byte(tt.src), doc); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("got %q, want it to contain %q", b.String(), tt.want)
			}
			if tt.unwanted != "" && strings.Contains(b.String(), tt.unwanted) {
				t.Errorf("got %q, must not contain %q", b.String(), tt.unwanted)
			}
		})
	}
}

func TestTables(t *testing.T) {
	src := []byte("前言\n\n| 类别 | 指标 |\n|---|---|\n| 城乡 | 覆盖率 |\n|  | 满意度 |\n")
	doc := New(Options{}).Parser().Parse(text.NewReader(src))
	tables := Tables(doc, src)
	if len(tables) != 1 {
		t.Fatalf("found %d tables", len(tables))
	}
	tb := tables[0]
	if tb.Line != 3 || strings.Join(tb.Header, ",") != "类别,指标" || len(tb.Rows) != 2 || tb.Rows[1][0] != "" || tb.Rows[1][1] != "满意度" {
		t.Errorf("table = %+v", tb)
	}
}
