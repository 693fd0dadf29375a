package disclose

import (
	"strings"
	"testing"
)

func TestCheckTotals(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		rows   [][]string
		want   []TableProblem // row and a part of the message
	}{
		{"right", []string{"项目", "收入（元）", "支出（元）"}, [][]string{
			{"上级拨款", "50,000.00", ""},
			{"办公费", "", "1,234.50"},
			{"道路维修", "", "20000"},
			{"合计", "50,000.00", "21,234.50"},
		}, nil},
		{"wrong total shows both amounts", []string{"项目", "收入（元）", "支出（元）"}, [][]string{
			{"上级拨款", "50,000.00", ""},
			{"办公费", "", "1,234.50"},
			{"合计", "50,000.00", "1,243.50"},
		}, []TableProblem{{2, "合计 行 支出（元） 写作 1,243.50，上方各行相加为 1,234.50（相差 9.00）"}}},
		{"off by a cent", []string{"摘要", "金额"}, [][]string{
			{"a", "0.10"}, {"b", "0.20"}, {"合计", "0.31"},
		}, []TableProblem{{2, "写作 0.31，上方各行相加为 0.30（相差 0.01）"}}},
		{"blank cells and dashes", []string{"序号", "项目", "收入", "支出"}, [][]string{
			{"1", "a", "100", "—"},
			{"2", "b", "", "-"},
			{"3", "c", " ", "/"},
			{"", "合计", "100", ""},
		}, nil},
		{"amounts with 元 and full-width", []string{"项目", "金额(元)"}, [][]string{
			{"a", "1,000.00元"}, {"b", "２００元"}, {"合 计", "1200元"},
		}, nil},
		{"bold total", []string{"项目", "金额"}, [][]string{
			{"a", "1"}, {"**合计**", "**1.00**"},
		}, nil},
		{"bold wrong total", []string{"项目", "金额"}, [][]string{
			{"a", "1"}, {"**合计**", "**2**"},
		}, []TableProblem{{1, "合计 行 金额 写作 2.00"}}},
		{"unreadable amount", []string{"项目", "支出"}, [][]string{
			{"a", "见附件"}, {"b", "5"}, {"合计", "5"},
		}, []TableProblem{{0, `支出 列的 "见附件" 不是金额`}}},
		{"subtotals then total", []string{"类别", "金额（元）"}, [][]string{
			{"经营收入", "100"}, {"发包收入", "200"}, {"小计", "300"},
			{"补助收入", "50"}, {"小计", "50"},
			{"合计", "350"},
		}, nil},
		{"wrong subtotal", []string{"类别", "金额（元）"}, [][]string{
			{"a", "100"}, {"b", "200"}, {"小计", "301"}, {"合计", "300"},
		}, []TableProblem{{2, "小计 行 金额（元） 写作 301.00，上方各行相加为 300.00"}}},
		{"two sections each with 合计, then 总计", []string{"项目", "金额"}, [][]string{
			{"a", "1"}, {"合计", "1"}, {"b", "2"}, {"c", "3"}, {"合计", "5"}, {"总计", "6"},
		}, nil},
		{"total of the last section only is accepted", []string{"项目", "金额"}, [][]string{
			{"a", "1"}, {"小计", "1"}, {"b", "2"}, {"合计", "2"},
		}, nil},
		{"万元 to the cent", []string{"项目", "支出（万元）"}, [][]string{
			{"a", "1.2345"}, {"b", "0.000001"}, {"合计", "1.234501"},
		}, nil},
		{"万元 wrong", []string{"项目", "支出（万元）"}, [][]string{
			{"a", "1.2345"}, {"b", "2"}, {"合计", "3.2"},
		}, []TableProblem{{2, "写作 3.20，上方各行相加为 3.2345（相差 0.0345）"}}},
		{"not money", []string{"项目", "金额（份）", "数量"}, [][]string{{"a", "x"}, {"合计", "y"}}, nil},
		{"no amount columns", []string{"序号", "细化目标", "责任单位"}, [][]string{{"合计", "x", "y"}}, nil},
		{"short rows", []string{"项目", "收入"}, [][]string{{"a"}, {}, {"合计"}}, nil},
		{"total written 0 with nothing above", []string{"项目", "收入"}, [][]string{{"合计", "0"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckTotals(tt.header, tt.rows)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].Row != tt.want[i].Row || !strings.Contains(got[i].Message, tt.want[i].Message) {
					t.Errorf("problem %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func FuzzCheckTotals(f *testing.F) {
	f.Add("项目|收入（元）|支出(万元)\na|1,234.50|1.2345\n合计|1234.5|1.2345\n小计||\n总计|-1|x")
	f.Add("金额\n合计\n\n|||")
	f.Fuzz(func(t *testing.T, table string) {
		lines := strings.Split(table, "\n")
		header := strings.Split(lines[0], "|")
		var rows [][]string
		for _, l := range lines[1:] {
			rows = append(rows, strings.Split(l, "|"))
		}
		for _, p := range CheckTotals(header, rows) {
			if p.Row < 0 || p.Row >= len(rows) || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
