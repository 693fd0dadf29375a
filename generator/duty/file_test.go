package duty

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const dutyCSV = "序号,细化目标,责任单位\n" +
	"1,引导基层党组织强化政治功能,市委组织部\n" +
	"2,\"健全居民自治机制，依法组织居民开展自治\",\"市委组织部、市民政局\"\n" +
	"3,积极配合省级有关部门制定权责清单,\"市委编办，各有关部门参与\"\n"

func TestReadFileCSV(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(dutyCSV)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, data string
	}{
		{"utf-8", "duties.csv", dutyCSV},
		{"utf-8 with BOM", "duties.csv", "\xEF\xBB\xBF" + dutyCSV},
		{"gbk as Excel saves it", "duties.CSV", gbk},
		{"title rows above the header", "duties.csv", "附件2 部门重点任务分工表,,\n,,\n" + dutyCSV},
		{"tab separated", "duties.tsv", "序号\t细化目标\t责任单位\n1\t引导基层党组织强化政治功能\t市委组织部\n" +
			"2\t健全居民自治机制，依法组织居民开展自治\t市委组织部、市民政局\n3\t积极配合省级有关部门制定权责清单\t市委编办，各有关部门参与\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			if err := afero.WriteFile(fs, tt.path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			tasks, err := ReadFile(fs, tt.path, true, config.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(tasks) != 3 {
				t.Fatalf("got %d tasks, want 3: %+v", len(tasks), tasks)
			}
			second := tasks[1]
			if second.Number != "2" || second.Source != SourceFile || len(second.Units) != 2 ||
				second.Units[0] != (Unit{Name: "市委组织部", Lead: true}) || second.Units[1].Lead {
				t.Errorf("second task: %+v", second)
			}
			if third := tasks[2]; !third.Units[1].Clause {
				t.Errorf("third task: %+v", third)
			}
		})
	}
}

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             []string // substrings of the error
	}{
		{"no header", "a.csv", "甲,乙\n1,2\n", []string{"a.csv:1:", "表头"}},
		{"row without units", "b.csv", "序号,任务,责任单位\n1,甲任务,市民政局\n2,乙任务,\n", []string{"b.csv:3:", "乙任务", "责任单位"}},
		{"row without task", "c.csv", "序号,任务,责任单位\n1,,市民政局\n", []string{"c.csv:2:", "任务"}},
		{"all bad rows reported", "d.csv", "任务,责任单位\n甲,\n乙,\n", []string{"d.csv:2:", "d.csv:3:"}},
		{"bad quotes", "e.csv", "任务,责任单位\n\"甲\"x,市民政局\n", []string{"e.csv:2:", "引号"}},
		{"not utf-8 or gbk", "f.csv", "任务,责任单位\n\xff\xff\xff,x\n", []string{"f.csv", "UTF-8"}},
		{"old excel", "g.xls", "whatever", []string{"g.xls", ".xlsx"}},
		{"unknown type", "h.json", "{}", []string{"h.json", ".csv"}},
		{"broken xlsx", "i.xlsx", "not a zip", []string{"i.xlsx", ".xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			if err := afero.WriteFile(fs, tt.path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadFile(fs, tt.path, false, config.Limits{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	if _, err := ReadFile(afero.NewMemMapFs(), "missing.csv", false, config.Limits{}); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadFileRowError(t *testing.T) {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "x.csv", []byte("任务,责任单位\n\"多行\n任务\",市民政局\n乙,\n"), 0o644)
	_, err := ReadFile(fs, "x.csv", false, config.Limits{})
	var re *RowError
	if !errors.As(err, &re) || re.Row != 4 {
		t.Errorf("want a RowError on line 4 (after a two-line record), got %v", err)
	}
}

func TestReadFileXLSX(t *testing.T) {
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	rows := [][]any{
		{"附件2 部门重点任务分工表"},
		{"序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展"},
		{"1", "建立居务监督委员会", "市民政局", "市委组织部", "2020年底", "已完成"},
		{"2", "推广政府购买服务", "市财政局", "相关部门配合", "2021年6月"},
		{"", "", "市民政局", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// The task of row 4 is merged down over row 5, as spreadsheets often do.
	for _, m := range [][2]string{{"A1", "F1"}, {"A4", "A5"}, {"B4", "B5"}} {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(fs, "content/duties.xlsx", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tasks, err := ReadFile(fs, "content/duties.xlsx", false, config.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 3 {
		t.Fatalf("got %d tasks, want 3: %+v", len(tasks), tasks)
	}
	if t0 := tasks[0]; t0.Row != 3 || !t0.Units[0].Lead || t0.Units[1].Lead || t0.DeadlineDate == nil || t0.Progress[0].Status != StatusDone {
		t.Errorf("first task: %+v", t0)
	}
	if t2 := tasks[2]; t2.Row != 5 || t2.Number != "2" || t2.Text != "推广政府购买服务" || t2.Units[0].Name != "市民政局" {
		t.Errorf("merged task cell should reach row 5: %+v", t2)
	}
}

func FuzzReadFileCSV(f *testing.F) {
	f.Add([]byte(dutyCSV))
	f.Add([]byte("任务,牵头单位,配合单位,完成时限,进展\n甲,市民政局,市财政局,2020年底,2020-01-01 已完成\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs := afero.NewMemMapFs()
		_ = afero.WriteFile(fs, "f.csv", data, 0o644)
		tasks, err := ReadFile(fs, "f.csv", true, config.Limits{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, tk := range tasks {
			if tk.Text == "" || len(tk.Units) == 0 || tk.Row < 1 {
				t.Fatalf("incomplete task accepted: %+v", tk)
			}
		}
	})
}
