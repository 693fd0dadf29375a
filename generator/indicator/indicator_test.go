package indicator

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/seedtest"
)

func TestFromTableHeader(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		ok     bool
	}{
		{"seed 004", []string{"类别", "维度", "指标", "目标值", "属性"}, true},
		{"name and kind only", []string{"指标名称", "指标属性"}, true},
		{"year as target", []string{"主要指标", "2025年"}, true},
		{"emphasis and width", []string{"**指标**", "目标值（2025年）"}, true},
		{"duty table", []string{"序号", "细化目标", "责任单位"}, false},
		{"indicator without target or kind", []string{"类别", "指标"}, false},
		{"target without indicator", []string{"类别", "目标值", "属性"}, false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		if _, ok := FromTable(tt.header, nil); ok != tt.ok {
			t.Errorf("%s: FromTable(%q) ok = %v, want %v", tt.name, tt.header, ok, tt.ok)
		}
	}
}

func TestFromTableCarriesMergedCells(t *testing.T) {
	header := []string{"类别", "维度", "指标", "目标值", "属性"}
	rows := [][]string{
		{"城乡社区发展", "——", "综合服务设施覆盖率", "100%", "预期性"},
		{"", "", "每百户居民拥有社区综合服务设施面积（平方米）", "≥30", "约束性"},
		{},
		{"城乡社区治理", "", "", "", ""},
		{"", "党建引领", "社会组织党建写入章程（%）", "100", "预期"},
		{"", "", "“两委”交叉任职的社区（%）", "100", " 约束 "},
		{"", "综合服务", "综合性文化服务中心覆盖率（%）", "90", "其他"},
		{"", "", "民生诉求响应完成率（%）"},
	}
	got, ok := FromTable(header, rows)
	if !ok {
		t.Fatal("header not recognised")
	}
	want := []Indicator{
		{"城乡社区发展", "——", "综合服务设施覆盖率", "100%", KindExpected, 1},
		{"城乡社区发展", "——", "每百户居民拥有社区综合服务设施面积（平方米）", "≥30", KindBinding, 2},
		{"城乡社区治理", "党建引领", "社会组织党建写入章程（%）", "100", KindExpected, 5},
		{"城乡社区治理", "党建引领", "“两委”交叉任职的社区（%）", "100", KindBinding, 6},
		{"城乡社区治理", "综合服务", "综合性文化服务中心覆盖率（%）", "90", "", 7},
		{"城乡社区治理", "综合服务", "民生诉求响应完成率（%）", "", "", 8},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}

// table004 extracts the indicator table of seed 004. The seed lays it out with one tab before
// each cell and cells broken over several lines, so the helper splits on tabs, joins the lines of
// a cell, ends a row at its 属性 cell and pads rows that lost their leading empty cells.
func table004(t *testing.T) (header []string, rows [][]string) {
	t.Helper()
	text := seedtest.Read(t, "004")
	start := strings.Index(text, "\t属性")
	end := strings.Index(text, "明确城乡社区建制规模")
	if start < 0 || end < start {
		t.Fatal("seed 004: indicator table not found")
	}
	header = []string{"类别", "维度", "指标", "目标值", "属性"}
	var row []string
	for _, part := range strings.Split(text[start+len("\t属性"):end], "\t")[1:] {
		cell := strings.TrimSpace(strings.ReplaceAll(part, "\n", ""))
		if cell == "）" { // conversion debris in one row
			continue
		}
		row = append(row, cell)
		if cell == "预期性" || cell == "约束性" {
			if len(row) > 5 {
				t.Fatalf("seed 004: row with %d cells: %q", len(row), row)
			}
			rows = append(rows, append(make([]string, 5-len(row)), row...))
			row = nil
		}
	}
	return header, rows
}

func TestSeed004(t *testing.T) {
	header, rows := table004(t)
	inds, ok := FromTable(header, rows)
	if !ok {
		t.Fatal("header not recognised")
	}
	binding := 0
	for _, ind := range inds {
		if ind.Kind == KindBinding {
			binding++
		}
		if ind.Category == "" || ind.Dimension == "" || ind.Name == "" || ind.Kind == "" {
			t.Errorf("row %d incomplete: %+v", ind.Row, ind)
		}
	}
	if binding != 5 {
		t.Errorf("got %d 约束性 indicators, want 5", binding)
	}
	if len(inds) != len(rows) {
		t.Errorf("got %d indicators from %d rows", len(inds), len(rows))
	}
	first, last := inds[0], inds[len(inds)-1]
	if first.Category != "城乡社区发展" || first.Name != "城乡社区综合服务设施覆盖率" || first.Target != "100%" {
		t.Errorf("first: %+v", first)
	}
	if last.Category != "城乡社区" || last.Dimension != "科技赋能" || last.Target != "≥80" {
		t.Errorf("last: %+v", last)
	}
}

func FuzzFromTable(f *testing.F) {
	f.Add("类别|维度|指标|目标值|属性", "城乡社区发展|——|覆盖率|100%|约束性\n||面积|≥30|预期性")
	f.Add("指标|属性", "|\n甲|约束")
	f.Fuzz(func(t *testing.T, head, body string) {
		var rows [][]string
		for _, line := range strings.Split(body, "\n") {
			rows = append(rows, strings.Split(line, "|"))
		}
		inds, ok := FromTable(strings.Split(head, "|"), rows)
		if !ok && inds != nil {
			t.Fatal("indicators from an unrecognised table")
		}
		for _, ind := range inds {
			if ind.Row < 1 || ind.Row > len(rows) {
				t.Fatalf("row %d out of range", ind.Row)
			}
			if ind.Kind != "" && ind.Kind != KindBinding && ind.Kind != KindExpected {
				t.Fatalf("kind %q", ind.Kind)
			}
		}
	})
}
