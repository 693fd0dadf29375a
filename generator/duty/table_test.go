package duty

import (
	"reflect"
	"testing"
	"time"
)

func TestFromTableHeader(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		ok     bool
	}{
		{"seed 002", []string{"序号", "细化目标", "责任单位"}, true},
		{"lead and help columns", []string{"工作任务", "牵头单位", "配合单位", "完成时限", "进展"}, true},
		{"emphasis and note", []string{"**任务**", "责任单位（列第一位的为牵头单位）"}, true},
		{"spaces and width", []string{"主要 任务", "责任单位："}, true},
		{"only 配合单位", []string{"任务", "配合单位"}, true},
		{"indicator table", []string{"类别", "维度", "指标", "目标值", "属性"}, false},
		{"no unit column", []string{"序号", "细化目标", "完成时限"}, false},
		{"no task column", []string{"序号", "责任单位"}, false},
		{"near misses", []string{"任务书", "单位"}, false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := FromTable(tt.header, nil, false); ok != tt.ok {
				t.Errorf("FromTable(%q) ok = %v, want %v", tt.header, ok, tt.ok)
			}
		})
	}
}

func TestFromTableRows(t *testing.T) {
	header := []string{"序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展"}
	rows := [][]string{
		{"一、加强党的领导", "", "", "", "", ""},
		{"1", "建立居务监督委员会", "市民政局", "市委组织部、市民政局", "2020年底", "2020-06-30 已完成试点<br>2020-12-20 推进中"},
		{},
		{"2", "推广政府购买服务", "市财政局", "相关部门配合", "长期坚持"},
		{"3", "没有单位的任务", "", "", "", ""},
		{"4", "", "市民政局", "", "", ""},
		{"", "（二）强化服务功能", "", "", "", ""},
	}
	tasks, ok := FromTable(header, rows, false)
	if !ok {
		t.Fatal("header not recognised")
	}
	if len(tasks) != 4 {
		t.Fatalf("got %d tasks, want 4: %+v", len(tasks), tasks)
	}
	first := tasks[0]
	deadline := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	want := Task{
		Number: "1", Text: "建立居务监督委员会",
		Units:    []Unit{{Name: "市民政局", Lead: true}, {Name: "市委组织部"}},
		Deadline: "2020年底", DeadlineDate: &deadline,
		Progress: []Progress{
			{Date: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), Text: "已完成试点", Status: StatusDone},
			{Date: time.Date(2020, 12, 20, 0, 0, 0, 0, time.UTC), Text: "推进中", Status: StatusOngoing},
		},
		Source: SourceTable, Row: 2,
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("first task\n got %+v\nwant %+v", first, want)
	}
	second := tasks[1]
	if second.DeadlineDate != nil || second.Row != 4 || len(second.Units) != 2 || !second.Units[1].Clause || !second.Units[0].Lead {
		t.Errorf("second task: %+v", second)
	}
	if tasks[2].Units != nil || tasks[3].Text != "" {
		t.Errorf("incomplete rows should be kept as they are: %+v, %+v", tasks[2], tasks[3])
	}
}

func TestFromTableHeaderNoteMeansLeadFirst(t *testing.T) {
	tasks, ok := FromTable([]string{"序号", "细化目标", "责任单位（列第一位的为牵头单位）"},
		[][]string{{"1", "任务", "市委组织部、市民政局"}}, false)
	if !ok || len(tasks) != 1 || !tasks[0].Units[0].Lead || tasks[0].Units[1].Lead {
		t.Errorf("got %+v, ok=%v", tasks, ok)
	}
}

func TestParseDeadline(t *testing.T) {
	day := func(y int, m time.Month, d int) *time.Time {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return &t
	}
	tests := []struct {
		in   string
		want *time.Time
	}{
		{"2020-12-31", day(2020, 12, 31)},
		{"2020/6/1", day(2020, 6, 1)},
		{"２０２０年６月３０日", day(2020, 6, 30)},
		{"2020年12月31日前", day(2020, 12, 31)},
		{"2021年6月", day(2021, 6, 30)},
		{"2021年2月底", day(2021, 2, 28)},
		{"2020-02", day(2020, 2, 29)},
		{"2020年底", day(2020, 12, 31)},
		{"2020年底前", day(2020, 12, 31)},
		{"2020年", day(2020, 12, 31)},
		{"2021年上半年", day(2021, 6, 30)},
		{"2021年第三季度", day(2021, 9, 30)},
		{"2018—2020年", day(2020, 12, 31)},
		{"2018-2020年", day(2020, 12, 31)},
		{"长期坚持", nil},
		{"持续推进", nil},
		{"", nil},
		{"2020年13月", nil},
		{"2021-02-30", nil},
		{"2019年6月、2020年12月", nil},
	}
	for _, tt := range tests {
		got := parseDeadline(tt.in)
		if (got == nil) != (tt.want == nil) || (got != nil && !got.Equal(*tt.want)) {
			t.Errorf("parseDeadline(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseProgress(t *testing.T) {
	tests := []struct {
		in   string
		want []Progress
	}{
		{"", nil},
		{"已完成", []Progress{{Text: "已完成", Status: StatusDone}}},
		{"正在推进，预计年底完成", []Progress{{Text: "正在推进，预计年底完成", Status: StatusOngoing}}},
		{"尚未完成", []Progress{{Text: "尚未完成", Status: StatusOngoing}}},
		{"2021年3月：尚未启动", []Progress{{Date: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC), Text: "尚未启动", Status: StatusNotStarted}}},
		{"２０２１－０３－０５，已办结", []Progress{{Date: time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC), Text: "已办结", Status: StatusDone}}},
		{"2021-13-01 推进中", []Progress{{Text: "2021-13-01 推进中", Status: StatusOngoing}}},
	}
	for _, tt := range tests {
		if got := parseProgress(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseProgress(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func TestOverdue(t *testing.T) {
	end := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	today := time.Date(2021, 1, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	sameDay := time.Date(2020, 12, 31, 23, 0, 0, 0, time.FixedZone("CST", 8*3600))
	tests := []struct {
		name  string
		task  Task
		today time.Time
		want  bool
	}{
		{"past, no progress", Task{DeadlineDate: &end}, today, true},
		{"on the deadline day", Task{DeadlineDate: &end}, sameDay, false},
		{"past, done", Task{DeadlineDate: &end, Progress: []Progress{{Status: StatusOngoing}, {Status: StatusDone}}}, today, false},
		{"past, last report ongoing", Task{DeadlineDate: &end, Progress: []Progress{{Status: StatusDone}, {Status: StatusOngoing}}}, today, true},
		{"no date", Task{Deadline: "长期坚持"}, today, false},
	}
	for _, tt := range tests {
		if got := tt.task.Overdue(tt.today); got != tt.want {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"2020年底", "2021年6月", "2020-12-31", "长期坚持", "2018—2020年", "0000-00-00", "9999年第4季度前"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseDeadline(s); d != nil && d.Location() != time.UTC {
			t.Fatalf("parseDeadline(%q) not in UTC: %v", s, d)
		}
		parseProgress(s)
	})
}
