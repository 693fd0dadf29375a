package docx

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/duty"
)

func TestConvertTable(t *testing.T) {
	const vStart, vCont = `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	tests := []struct {
		name string
		body string
		want string
	}{
		{"vMerge continuation is empty, gridSpan leaves empty cells",
			tbl(tr(tc("", "序号"), tc("", "细化目标"), tc("", "责任单位")),
				tr(tc(vStart, "一、加强党的领导"), tc(`<w:gridSpan w:val="2"/>`, "一、加强党的领导")),
				tr(tc("", "1"), tc(vStart, "引导基层党组织强化政治功能"), tc("", "市委组织部")),
				tr(tc("", "2"), tc(vCont), tc("", "市民政局"))),
			"| 序号 | 细化目标 | 责任单位 |\n|---|---|---|\n| 一、加强党的领导 | 一、加强党的领导 |  |\n| 1 | 引导基层党组织强化政治功能 | 市委组织部 |\n| 2 |  | 市民政局 |\n"},
		{"multi-paragraph cells: Chinese joined, units listed with 、, pipes escaped",
			tbl(tr(tc("", "任务"), tc("", "责任", "单位")),
				tr(tc("", "完善社区", "服务体系", "（A|B）"), tc("", "市民政局", "市财政局，", "各有关部门参与"))),
			"| 任务 | 责任单位 |\n|---|---|\n| 完善社区服务体系（A\\|B） | 市民政局、市财政局，各有关部门参与 |\n"},
		{"one-column table is a frame, read as paragraphs",
			tbl(tr(tc("", "专栏1 重点工程")), tr(tc("", "建设社区服务中心。"))),
			"专栏1 重点工程\n\n建设社区服务中心。\n"},
		{"two-row header folded",
			tbl(tr(tc(vStart, "序号"), tc(vStart, "工作任务"), tc(`<w:gridSpan w:val="2"/>`, "责任单位")),
				tr(tc(vCont), tc(vCont), tc("", "牵头单位"), tc("", "配合单位")),
				tr(tc("", "1"), tc("", "建设智慧社区"), tc("", "市民政局"), tc("", "市网信办"))),
			"| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 建设智慧社区 | 市民政局 | 市网信办 |\n"},
		{"deleted row dropped, gridBefore kept",
			tbl(tr(tc("", "类别"), tc("", "指标")),
				tr(tc("", "服务"), tc("", "覆盖率")),
				`<w:tr><w:trPr><w:del w:id="9"/></w:trPr>`+tc("", "删")+tc("", "删")+`</w:tr>`,
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+tc("", "只在第二列")+`</w:tr>`),
			"| 类别 | 指标 |\n|---|---|\n| 服务 | 覆盖率 |\n|  | 只在第二列 |\n"},
		{"rows inside a content control", tbl(tr(tc("", "甲"), tc("", "乙")), `<w:sdt><w:sdtContent>`+tr(tc("", "丙"), tc("", "丁"))+`</w:sdtContent></w:sdt>`),
			"| 甲 | 乙 |\n|---|---|\n| 丙 | 丁 |\n"},
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

func TestNestedTable(t *testing.T) {
	inner := tbl(tr(tc("", "甲"), tc("", "乙")))
	b := tbl(tr(tc("", "类别"), tc("", "指标")), tr(tc("", "服务"), `<w:tc>`+inner+`<w:p/></w:tc>`))
	res := convertFixture(t, fixture{body: b}.bytes(t))
	if got, want := body(t, res), "| 类别 | 指标 |\n|---|---|\n| 服务 | 甲乙 |\n"; got != want {
		t.Errorf("body:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "嵌套表格") {
		t.Errorf("no warning about the nested table: %q", res.Warnings)
	}
}

// The converted duty table must be one the duty parser reads: vMerge carried as empty cells,
// section rows skipped.
func TestTableFeedsDutyParser(t *testing.T) {
	const vStart, vCont = `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	b := p("(列第一位的为牵头单位)") + tbl(
		tr(tc("", "序号"), tc("", "细化目标"), tc("", "责任单位")),
		tr(tc(`<w:gridSpan w:val="3"/>`, "一、加强党的领导")),
		tr(tc("", "1"), tc("", "强化政治功能"), tc(vStart, "市委组织部", "市民政局")),
		tr(tc("", "2"), tc("", "推进居务公开"), tc(vCont)))
	res := convertFixture(t, fixture{body: b}.bytes(t))
	header, rows := onlyTable(t, res)
	tasks, ok := duty.FromTable(header, rows, true)
	if !ok {
		t.Fatalf("duty parser does not recognise header %q", header)
	}
	if len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2: %+v", len(tasks), tasks)
	}
	if u := tasks[0].Units; len(u) != 2 || u[0].Name != "市委组织部" || !u[0].Lead || u[1].Name != "市民政局" {
		t.Errorf("task 1 units = %+v", u)
	}
	if !strings.Contains(string(res.Markdown), "duty_lead: first") {
		t.Errorf("front matter lacks duty_lead: first:\n%s", res.Markdown)
	}
}
