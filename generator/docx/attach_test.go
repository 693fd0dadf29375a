package docx

import (
	"reflect"
	"strings"
	"testing"
)

func TestFindAttachments(t *testing.T) {
	table := block{table: &table{rows: [][]cell{{{paras: []string{"序号"}}, {paras: []string{"任务"}}}}}}
	tests := []struct {
		name     string
		blocks   []block
		want     []attachment
		warnings []string
	}{
		{"title on the next line and after a colon",
			append(blocksOf("正文。", "附件1", "名词解释", "1.三社联动：……", "附件2：部门重点任务分工表"), table),
			[]attachment{{"名词解释", "附件1", 1}, {"部门重点任务分工表", "附件2", 4}}, nil},
		{"附件说明 in the body is not an attachment",
			blocksOf("正文。", "附件：1.名词解释", "2.部门重点任务分工表", "附件：", "1.名词解释", "附件1：《中华人民共和国城市居民委员会组织法》"),
			nil, nil},
		{"unnumbered attachment followed by a table has no title",
			append(blocksOf("正文。", "附件"), table),
			[]attachment{{"", "附件", 1}}, []string{"没有找到标题"}},
		{"Chinese numeral, duplicate number warned",
			blocksOf("正文。", "附件一", "申请表", "附件1", "重复"),
			[]attachment{{"申请表", "附件1", 1}}, []string{"不止一次"}},
		{"a sentence mentioning 附件 is prose", blocksOf("附件材料要齐全。", "附件"), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings := findAttachments(tt.blocks, 0)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("attachments = %+v, want %+v", got, tt.want)
			}
			if len(warnings) != len(tt.warnings) {
				t.Fatalf("warnings = %q, want %d", warnings, len(tt.warnings))
			}
			for i, w := range tt.warnings {
				if !strings.Contains(warnings[i], w) {
					t.Errorf("warning %q lacks %q", warnings[i], w)
				}
			}
		})
	}
}
