package history

import (
	"slices"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"blank lines only", " \n\t\n", nil},
		{"lines join until a blank line", "第一行\n第二行\n\n第三行", []string{"第一行\n第二行", "第三行"}},
		{"Chinese numbering stays prose", "一、总体要求\n（一）指导思想\n1.坚持党的领导", []string{"一、总体要求\n（一）指导思想\n1.坚持党的领导"}},
		{"list items", "- 甲\n* 乙\n+ 丙\n1. 丁\n2) 戊\n  续行", []string{"- 甲", "* 乙", "+ 丙", "1. 丁", "2) 戊\n  续行"}},
		{"not list items", "1.5 亿元\n-1 度\n---\n1.", []string{"1.5 亿元\n-1 度\n---\n1."}},
		{"headings", "# 总则\n正文\n###### 六级\n####### 七个井号\n#标签", []string{"# 总则", "正文", "###### 六级", "####### 七个井号\n#标签"}},
		{"table rows", "说明：\n| a | b |\n|---|---|\n| 1 | 2 |\n表后", []string{"说明：", "| a | b |", "|---|---|", "| 1 | 2 |", "表后"}},
		{"fence with blank lines", "前\n```go\nx\n\ny\n```\n后", []string{"前", "```go\nx\n\ny\n```", "后"}},
		{"longer closing fence", "~~~\na\n~~~~\nb", []string{"~~~\na\n~~~~", "b"}},
		{"fence closed only by same char", "```\na\n~~~\n\nb", []string{"```\na\n~~~\n\nb"}},
		{"unclosed fence runs to the end", "```\na\n\nb", []string{"```\na\n\nb"}},
		{"CR and CRLF", "a\r\nb\r\rc\r", []string{"a\nb", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
