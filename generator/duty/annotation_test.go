package duty

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFindAnnotations(t *testing.T) {
	type want struct {
		text  string
		units []string // names; a leading * marks the lead
	}
	tests := []struct {
		name      string
		paragraph string
		leadFirst bool
		want      []want
	}{
		{"sentence before", "（一）总体要求。加强党的建设。以党组织为核心，实现整体建设。(责任单位:市委组织部)",
			false, []want{{"以党组织为核心，实现整体建设。", []string{"市委组织部"}}}},
		{"first sentence drops its numbering", "（二）建立协商机制。（责任单位：市民政局、市委组织部）",
			true, []want{{"建立协商机制。", []string{"*市民政局", "市委组织部"}}}},
		{"two annotations, second starts after the first", "推进甲。(责任单位:市民政局)推进乙，推进丙。(责任单位:市财政局)",
			false, []want{{"推进甲。", []string{"市民政局"}}, {"推进乙，推进丙。", []string{"市财政局"}}}},
		{"mid-sentence", "推进甲（责任单位：市民政局），推进乙（责任单位：市财政局）。",
			false, []want{{"推进甲", []string{"市民政局"}}, {"推进乙", []string{"市财政局"}}}},
		{"mismatched brackets", "加强社区教育。(责任单位：市教育局）", false, []want{{"加强社区教育。", []string{"市教育局"}}}},
		{"nested brackets", "划分网格。（责任单位：各县（市、区）政府）", false, []want{{"划分网格。", []string{"各县（市、区）政府"}}}},
		{"spaces around label and colon", "推进甲。（ 责任单位 ： 市 民政局 ）", false, []want{{"推进甲。", []string{"市民政局"}}}},
		{"牵头单位 label", "推进甲。（牵头单位：市民政局；配合单位：市财政局）", false, []want{{"推进甲。", []string{"*市民政局", "市财政局"}}}},
		{"责任部门 label in 【】", "推进甲；【责任部门：市公安局】", false, []want{{"推进甲；", []string{"市公安局"}}}},
		{"semicolon ends the clause", "推进甲；推进乙（责任单位：市民政局）", false, []want{{"推进乙", []string{"市民政局"}}}},
		{"decimal number is not outline numbering", "1.5平方米以上。（责任单位：市住建局）", false, []want{{"1.5平方米以上。", []string{"市住建局"}}}},
		{"no colon is not an annotation", "推进甲（责任单位）。", false, nil},
		{"ordinary brackets", "乡镇（街道）党（工）委要聚焦主业。", false, nil},
		{"unterminated", "推进甲（责任单位：市民政局", false, nil},
		{"label elsewhere", "明确责任单位：市民政局。", false, nil},
		{"empty", "", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindAnnotations(tt.paragraph, tt.leadFirst)
			var gotW []want
			for _, a := range got {
				w := want{text: a.TaskText}
				for _, u := range a.Units {
					n := u.Name
					if u.Lead {
						n = "*" + n
					}
					w.units = append(w.units, n)
				}
				gotW = append(gotW, w)
				span := tt.paragraph[a.Start:a.End]
				if r, _ := utf8.DecodeRuneInString(span); !strings.ContainsRune("(（【", r) {
					t.Errorf("span %q does not start at the bracket", span)
				}
				if tt.paragraph[a.TaskStart:a.TaskStart+len(a.TaskText)] != a.TaskText {
					t.Errorf("TaskStart %d does not point at %q", a.TaskStart, a.TaskText)
				}
			}
			if !reflect.DeepEqual(gotW, tt.want) {
				t.Errorf("FindAnnotations(%q)\n got %+v\nwant %+v", tt.paragraph, gotW, tt.want)
			}
		})
	}
}

func TestAnnotationPassage(t *testing.T) {
	p := "（一）发挥作用。甲。（责任单位：市委组织部）乙。丙。（责任单位：市编办）"
	as := FindAnnotations(p, false)
	if len(as) != 2 || as[0].Passage != "（一）发挥作用。甲。" || as[1].Passage != "乙。丙。" || as[1].TaskText != "丙。" {
		t.Errorf("got %+v", as)
	}
}

func TestInlineTasksNumbering(t *testing.T) {
	tasks := InlineTasks([]string{"甲。（责任单位：市民政局）乙。（责任单位：市财政局）", "没有标注。", "丙。（责任单位：市公安局）"}, false)
	if len(tasks) != 3 {
		t.Fatalf("got %d tasks", len(tasks))
	}
	for i, tk := range tasks {
		if tk.Number != string(rune('1'+i)) || tk.Source != SourceInline {
			t.Errorf("task %d: %+v", i, tk)
		}
	}
	if tasks[2].Row != 3 || tasks[2].Text != "丙。" {
		t.Errorf("third task: %+v", tasks[2])
	}
}

func FuzzFindAnnotations(f *testing.F) {
	for _, s := range []string{"推进甲。(责任单位:市民政局)推进乙（责任单位：市财政局牵头，各有关部门参与）。",
		"（（责任单位：（（）", "（一）甲（责任部门：各县（市、区）", "【牵头单位：】", "1.（责任单位：x）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		prev := 0
		for _, a := range FindAnnotations(p, true) {
			if a.Start < prev || a.End <= a.Start || a.End > len(p) {
				t.Fatalf("bad span %d..%d after %d in %q", a.Start, a.End, prev, p)
			}
			if a.TaskStart < prev || a.TaskStart+len(a.TaskText) > a.Start || p[a.TaskStart:a.TaskStart+len(a.TaskText)] != a.TaskText {
				t.Fatalf("TaskText %q at %d is not in %q before %d", a.TaskText, a.TaskStart, p, a.Start)
			}
			prev = a.End
		}
	})
}
