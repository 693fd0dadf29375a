package history

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// show writes blocks compactly: "=same", "+added", "-removed", "~a[-b][+c]d" for changed.
func show(blocks []Block) []string {
	var out []string
	for _, b := range blocks {
		switch b.Kind {
		case Same:
			out = append(out, "="+b.New)
		case Added:
			out = append(out, "+"+b.New)
		case Removed:
			out = append(out, "-"+b.Old)
		case Changed:
			out = append(out, "~"+showSpans(b.Spans))
		}
	}
	return out
}

func showSpans(spans []Span) string {
	var sb strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Equal:
			sb.WriteString(s.Text)
		case Delete:
			sb.WriteString("[-" + s.Text + "]")
		case Insert:
			sb.WriteString("[+" + s.Text + "]")
		}
	}
	return sb.String()
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"one character", "第三条 居民委员会每届任期三年", "第三条 居民委员会每届任期五年",
			[]string{"~第三条 居民委员会每届任期[-三][+五]年"}},
		{"both empty", "", "", nil},
		{"blank only", "\n\n  \n", "\r\n", nil},
		{"from empty", "", "第一条 总则", []string{"+第一条 总则"}},
		{"to empty", "第一条 总则", "", []string{"-第一条 总则"}},
		{"paragraph inserted", "第一条 总则。\n\n第二条 附则。", "第一条 总则。\n\n第一条之一 新增条款。\n\n第二条 附则。",
			[]string{"=第一条 总则。", "+第一条之一 新增条款。", "=第二条 附则。"}},
		{"paragraph deleted", "甲段落内容。\n\n乙段落内容。\n\n丙段落内容。", "甲段落内容。\n\n丙段落内容。",
			[]string{"=甲段落内容。", "-乙段落内容。", "=丙段落内容。"}},
		{"paragraph moved", "一、总体要求\n\n二、主要任务\n\n三、保障措施", "二、主要任务\n\n三、保障措施\n\n一、总体要求",
			[]string{"-一、总体要求", "=二、主要任务", "=三、保障措施", "+一、总体要求"}},
		{"CRLF equals LF", "甲段落。\r\n第二行。\r\n\r\n乙段落。\r\n", "甲段落。\n第二行。\n\n乙段落。",
			[]string{"=甲段落。\n第二行。", "=乙段落。"}},
		{"old Mac line ends", "甲\r\r乙", "甲\n\n乙", []string{"=甲", "=乙"}},
		{"trailing spaces ignored", "甲段落。  \n\n乙", "甲段落。\n\n乙", []string{"=甲段落。", "=乙"}},
		{"dissimilar paragraph replaced", "今天天气很好。\n\n尾段", "明年计划如下所述：\n\n尾段",
			[]string{"-今天天气很好。", "+明年计划如下所述：", "=尾段"}},
		{"table row is a unit",
			"| 序号 | 姓名 | 金额 |\n| --- | --- | --- |\n| 1 | 张某 | 300 |\n| 2 | 李某 | 450 |",
			"| 序号 | 姓名 | 金额 |\n| --- | --- | --- |\n| 1 | 张某 | 300 |\n| 2 | 李某 | 480 |",
			[]string{"=| 序号 | 姓名 | 金额 |", "=| --- | --- | --- |", "=| 1 | 张某 | 300 |", "~| 2 | 李某 | 4[-5][+8]0 |"}},
		{"list item is a unit", "- 市民政局\n- 市财政局\n  牵头", "- 市民政局\n- 市住建局\n- 市财政局\n  牵头",
			[]string{"=- 市民政局", "+- 市住建局", "=- 市财政局\n  牵头"}},
		{"heading is a unit", "# 总则\n第一条 内容", "# 附则\n第一条 内容",
			[]string{"~# [-总][+附]则", "=第一条 内容"}},
		{"fenced block keeps blank lines", "```\na\n\nb\n```\n\n尾", "```\na\n\nc\n```\n\n尾",
			[]string{"~```\na\n\n[-b][+c]\n```", "=尾"}},
		{"two edits paired in order",
			"第一条 本办法适用于全市。\n\n第二条 由市民政局负责。",
			"第一条 本办法适用于全省。\n\n第二条 由省民政厅负责。",
			[]string{"~第一条 本办法适用于全[-市][+省]。", "~第二条 由[-市][+省]民政[-局][+厅]负责。"}},
		{"edit next to insertion",
			"居民会议由本居住地区全体十八周岁以上的居民组成。\n\n附则",
			"本条新增的说明文字。\n\n居民会议由本居住地区全体年满十八周岁的居民组成。\n\n附则",
			[]string{"+本条新增的说明文字。", "~居民会议由本居住地区全体[+年满]十八周岁[-以上]的居民组成。", "=附则"}},
		{"better partner later wins",
			"甲乙丙丁戊己庚辛\n\n甲乙丙丁戊己庚辛壬癸",
			"甲乙丙丁戊己庚辛壬癸子",
			[]string{"-甲乙丙丁戊己庚辛", "~甲乙丙丁戊己庚辛壬癸[+子]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(Diff(tt.old, tt.new))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Diff(%q, %q)\n got %q\nwant %q", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func TestDiffText(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"identical", "村民委员会", "村民委员会", "村民委员会"},
		{"empty", "", "", ""},
		{"insert", "十八周岁的", "年满十八周岁的", "[+年满]十八周岁的"},
		{"delete", "居民委员会每届任期三年", "居民委员会任期三年", "居民委员会[-每届]任期三年"},
		{"replace at end", "本办法自发布之日起施行", "本办法自2025年1月1日起施行", "本办法自[-发布之][+2025年1月1]日起施行"},
		// A shared 的 between rewritten words is coincidence, not an unchanged part.
		{"short equal dissolved", "甲乙的丙丁", "戊己的庚辛", "[-甲乙的丙丁][+戊己的庚辛]"},
		{"rewritten sentence", "各街道办事处要按照本意见要求，结合实际制定具体实施办法，确保各项工作落到实处。",
			"各乡镇人民政府、街道办事处要结合实际，制定具体办法，确保落实。",
			"各[+乡镇人民政府、]街道办事处要[-按照本意见要求，]结合实际[+，]制定具体[-实施]办法，确保[-各项工作落到实处][+落实]。"},
		{"long equal kept", "甲由村民委员会负责乙", "丙由村民委员会负责丁", "[-甲][+丙]由村民委员会负责[-乙][+丁]"},
		{"invalid UTF-8 kept comparable", "a\xffb", "a\xffc", "a\uFFFD[-b][+c]"},
		{"mixed scripts", "fee: 100元", "fee: 120元", "fee: 1[-0][+2]0元"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := showSpans(DiffText(tt.old, tt.new)); got != tt.want {
				t.Errorf("DiffText(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func TestDiffHugeInputsStayFast(t *testing.T) {
	// Two unrelated long paragraphs: past the limits they are replaced whole, quickly.
	a := strings.Repeat("甲乙丙丁戊己庚辛壬癸", 5000)
	b := strings.Repeat("子丑寅卯辰巳午未申酉戌亥", 5000)
	start := time.Now()
	spans := DiffText(a, b)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("DiffText of 110,000 characters took %v", d)
	}
	checkSpans(t, a, b, spans)

	// Many paragraphs each edited: every one is paired and diffed.
	var olds, news []string
	for i := range 2000 {
		p := strings.Repeat("城乡社区治理", 10) + string(rune('一'+i%20))
		olds = append(olds, p)
		news = append(news, p+"。")
	}
	start = time.Now()
	blocks := Diff(strings.Join(olds, "\n\n"), strings.Join(news, "\n\n"))
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Diff of 2,000 edited paragraphs took %v", d)
	}
	if s := Summarize([]byte(strings.Join(olds, "\n\n")), []byte(strings.Join(news, "\n\n"))); s.ParagraphsEdited != 2000 {
		t.Errorf("edited %d paragraphs, want 2000 (%d blocks)", s.ParagraphsEdited, len(blocks))
	}
}

// checkSpans asserts that the spans rebuild both texts and are merged.
func checkSpans(t *testing.T, old, new string, spans []Span) {
	t.Helper()
	var o, n strings.Builder
	for i, s := range spans {
		if s.Text == "" {
			t.Fatalf("empty span %d in %v", i, spans)
		}
		if i > 0 && spans[i-1].Op == s.Op {
			t.Fatalf("spans %d and %d are both %v", i-1, i, s.Op)
		}
		if s.Op != Insert {
			o.WriteString(s.Text)
		}
		if s.Op != Delete {
			n.WriteString(s.Text)
		}
	}
	if o.String() != old || n.String() != new {
		t.Fatalf("spans rebuild %q / %q, want %q / %q", o.String(), n.String(), old, new)
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("第三条 居民委员会每届任期三年", "第三条 居民委员会每届任期五年")
	f.Add("甲\n\n乙\n\n丙", "丙\n\n甲\r\n\r\n乙丁")
	f.Add("| 1 | 张某 | 300 |\n| 2 | 李某 | 450 |", "- a\n- b\n```\nx\n\n```")
	f.Add("", "\xff\r")
	f.Fuzz(func(t *testing.T, old, new string) {
		blocks := Diff(old, new)
		var olds, news []string
		for _, b := range blocks {
			switch b.Kind {
			case Same:
				if b.Old != b.New {
					t.Fatalf("same block differs: %q / %q", b.Old, b.New)
				}
			case Added:
				if b.Old != "" {
					t.Fatalf("added block has old text %q", b.Old)
				}
			case Removed:
				if b.New != "" {
					t.Fatalf("removed block has new text %q", b.New)
				}
			}
			checkSpans(t, b.Old, b.New, b.Spans)
			if b.Kind != Added {
				olds = append(olds, b.Old)
			}
			if b.Kind != Removed {
				news = append(news, b.New)
			}
		}
		if want := paragraphs(old); !slices.Equal(olds, want) {
			t.Fatalf("old paragraphs %q, want %q", olds, want)
		}
		if want := paragraphs(new); !slices.Equal(news, want) {
			t.Fatalf("new paragraphs %q, want %q", news, want)
		}
		checkSpans(t, normalizeText(old), normalizeText(new), DiffText(normalizeText(old), normalizeText(new)))
		RenderHTML(blocks, 1)
	})
}
