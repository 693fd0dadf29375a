package history

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

const policyV1 = `---
title: 关于加强和完善城乡社区治理的实施意见
issuers: [中共昆明市委, 昆明市人民政府]
status: 现行有效 # 时效
---

第一条 为了加强城乡社区治理，制定本意见。

第二条 居民委员会每届任期三年。

第三条 本意见自发布之日起施行。
`

func TestSummarize(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     Summary
		text     string
	}{
		{
			name: "edit, insert and status",
			old:  policyV1,
			new: strings.NewReplacer("status: 现行有效", "status: 已废止", "任期三年", "任期五年",
				"第三条", "第二条之一 新增的一条规定。\n\n第三条").Replace(policyV1),
			want: Summary{ParagraphsAdded: 1, ParagraphsEdited: 1,
				MetaChanged: []FieldChange{{Field: "status", Old: "现行有效", New: "已废止"}}},
			text: "修改 1 段，新增 1 段；时效：现行有效 → 已废止",
		},
		{
			name: "reflowed list, requoting and comments are not changes",
			old:  policyV1,
			new: strings.NewReplacer("issuers: [中共昆明市委, 昆明市人民政府]", "issuers:\n  - 中共昆明市委\n  - \"昆明市人民政府\"",
				"status: 现行有效 # 时效", "status: '现行有效'").Replace(policyV1),
			want: Summary{},
			text: "内容无改动",
		},
		{
			name: "list value changed",
			old:  policyV1,
			new:  strings.Replace(policyV1, ", 昆明市人民政府]", "]", 1),
			want: Summary{MetaChanged: []FieldChange{{Field: "issuers", Old: "[中共昆明市委, 昆明市人民政府]", New: "[中共昆明市委]"}}},
			text: "发文机关：[中共昆明市委, 昆明市人民政府] → [中共昆明市委]",
		},
		{
			name: "keys added and removed",
			old:  "---\ntitle: 甲\nlevel: 市\n---\n正文",
			new:  "---\ntitle: 甲\nrepealed_by: 昆发〔2020〕1号\n---\n正文",
			want: Summary{MetaChanged: []FieldChange{{Field: "repealed_by", New: "昆发〔2020〕1号"}, {Field: "level", Old: "市"}}},
			text: "被废止：（无） → 昆发〔2020〕1号；层级：市 → （无）",
		},
		{
			name: "paragraphs removed and moved",
			old:  "一、总体要求\n\n二、主要任务\n\n三、保障措施\n\n四、附则",
			new:  "二、主要任务\n\n三、保障措施\n\n一、总体要求",
			want: Summary{ParagraphsRemoved: 1, ParagraphsMoved: 1},
			text: "删除 1 段，移动 1 段",
		},
		{
			name: "no front matter, CRLF",
			old:  "甲段。\r\n\r\n乙段。",
			new:  "甲段。\n\n乙段。",
			want: Summary{},
			text: "内容无改动",
		},
		{
			name: "front matter added",
			old:  "正文",
			new:  "---\nstatus: 现行有效\n---\n正文",
			want: Summary{MetaChanged: []FieldChange{{Field: "status", New: "现行有效"}}},
			text: "时效：（无） → 现行有效",
		},
		{
			name: "broken YAML compared line by line",
			old:  "---\ntitle: 甲\nstatus: 现行有效\n---\n正文",
			new:  "---\ntitle: [甲\nstatus: 已废止\n---\n正文",
			want: Summary{MetaChanged: []FieldChange{{Field: "title", Old: "甲", New: "[甲"}, {Field: "status", Old: "现行有效", New: "已废止"}}},
			text: "标题：甲 → [甲；时效：现行有效 → 已废止",
		},
		{
			name: "unknown key and long value",
			old:  "---\nnote: 短\n---\n",
			new:  "---\nnote: " + strings.Repeat("长", 50) + "\n---\n",
			want: Summary{MetaChanged: []FieldChange{{Field: "note", Old: "短", New: strings.Repeat("长", 50)}}},
			text: "note：短 → " + strings.Repeat("长", 40) + "…",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize([]byte(tt.old), []byte(tt.new))
			if !equalSummary(got, tt.want) {
				t.Errorf("Summarize = %+v, want %+v", got, tt.want)
			}
			if text := got.Text(); text != tt.text {
				t.Errorf("Text() = %q, want %q", text, tt.text)
			}
		})
	}
}

func equalSummary(a, b Summary) bool {
	return a.ParagraphsAdded == b.ParagraphsAdded && a.ParagraphsRemoved == b.ParagraphsRemoved &&
		a.ParagraphsEdited == b.ParagraphsEdited && a.ParagraphsMoved == b.ParagraphsMoved &&
		slices.Equal(a.MetaChanged, b.MetaChanged)
}

func TestTextWithLabels(t *testing.T) {
	s := Summary{ParagraphsEdited: 2, MetaChanged: []FieldChange{{Field: "status", Old: "现行有效", New: "已修改"}}}
	if got, want := s.TextWithLabels(map[string]string{"status": "效力"}), "修改 2 段；效力：现行有效 → 已修改"; got != want {
		t.Errorf("TextWithLabels = %q, want %q", got, want)
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, meta, body string
	}{
		{"none", "正文\n", "", "正文\n"},
		{"simple", "---\na: 1\n---\n正文", "a: 1\n", "正文"},
		{"dots close", "---\na: 1\n...\n正文", "a: 1\n", "正文"},
		{"CRLF and BOM", "\xef\xbb\xbf---\r\na: 1\r\n---\r\n正文", "a: 1\r\n", "正文"},
		{"empty", "---\n---\n正文", "", "正文"},
		{"closed at end of file", "---\na: 1\n---", "a: 1\n", ""},
		{"never closed", "---\na: 1\n正文", "", "---\na: 1\n正文"},
		{"not at the start", "\n---\na: 1\n---\n", "", "\n---\na: 1\n---\n"},
		{"dashes in text", "----\na\n---\n", "", "----\na\n---\n"},
		{"toml", "+++\na = 1\n+++\n正文", "a = 1\n", "正文"},
		{"toml CRLF", "+++\r\na = 1\r\n+++\r\n正文", "a = 1\r\n", "正文"},
		{"toml never closed", "+++\na = 1\n正文", "", "+++\na = 1\n正文"},
		{"toml closed by dashes", "+++\na = 1\n---\n正文", "", "+++\na = 1\n---\n正文"},
		{"json", "{\"a\": 1}\n正文", "{\"a\": 1}", "正文"},
		{"json CRLF", "{\"a\": 1}\r\n正文", "{\"a\": 1}", "正文"},
		{"json broken", "{\"a\": 1\n正文", "", "{\"a\": 1\n正文"},
		{"shortcode", "{{< x >}}\n", "", "{{< x >}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta, body := SplitFrontMatter([]byte(tt.src))
			if string(meta) != tt.meta || string(body) != tt.body {
				t.Errorf("SplitFrontMatter(%q) = %q, %q; want %q, %q", tt.src, meta, body, tt.meta, tt.body)
			}
		})
	}
}

func TestSummarizeTOMLAndJSON(t *testing.T) {
	old := "+++\ntitle = \"办法\"\nstatus = \"现行有效\"\ntopics = [\"民政\"]\n+++\n第一条。\n"
	new := "+++\ntitle = \"办法\"\nstatus = \"已废止\"\ntopics = [\"民政\", \"社会救助\"]\n+++\n第一条。\n"
	if got, want := Summarize([]byte(old), []byte(new)).Text(), "时效：现行有效 → 已废止；主题分类：[\"民政\"] → [\"民政\",\"社会救助\"]"; got != want {
		t.Errorf("TOML: %q, want %q", got, want)
	}
	jsonOld := "{\"title\": \"办法\", \"status\": \"现行有效\"}\n第一条。\n"
	jsonNew := "{\"title\": \"办法\", \"status\": \"已废止\"}\n第一条。\n"
	if got, want := Summarize([]byte(jsonOld), []byte(jsonNew)).Text(), "时效：现行有效 → 已废止"; got != want {
		t.Errorf("JSON: %q, want %q", got, want)
	}
	// A page moved from YAML to TOML front matter with the same values has not changed.
	yaml := "---\ntitle: 办法\nstatus: 现行有效\n---\n第一条。\n"
	if got := Summarize([]byte(yaml), []byte("+++\ntitle = \"办法\"\nstatus = \"现行有效\"\n+++\n第一条。\n")).Text(); got != "内容无改动" {
		t.Errorf("YAML → TOML: %q, want 内容无改动", got)
	}
}

func FuzzSummarize(f *testing.F) {
	f.Add([]byte(policyV1), []byte(strings.Replace(policyV1, "现行有效", "已废止", 1)))
	f.Add([]byte("---\na: [1\n---\nx"), []byte("---\r\na: &x {b: *x}\r\n...\r\n"))
	f.Add([]byte("---\n- 1\n---\n"), []byte("---\n\"a\": 1\n\"a\": 2\n---\n"))
	f.Add([]byte("+++\na = [1, {b = 2}]\n+++\nx"), []byte("{\"a\": [1, {\"b\": 2}]}\nx"))
	f.Fuzz(func(t *testing.T, old, new []byte) {
		meta, body := SplitFrontMatter(old)
		if !bytes.HasSuffix(old, body) || len(meta)+len(body) > len(old) {
			t.Fatalf("SplitFrontMatter(%q) = %q, %q: not parts of the input", old, meta, body)
		}
		s := Summarize(old, new)
		if s.Text() == "" {
			t.Fatal("empty summary text")
		}
		for _, c := range s.MetaChanged {
			if c.Old == c.New {
				t.Fatalf("field %q reported changed but equal: %q", c.Field, c.Old)
			}
		}
	})
}
