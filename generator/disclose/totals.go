package disclose

import (
	"fmt"
	"strings"
)

// TableProblem is a wrong total or an unreadable amount in a table. Row is the
// 0-based index among the data rows (the header is not counted).
type TableProblem struct {
	Row     int
	Message string
}

// Total rows by how much they sum: 小计 a section, 合计 the table or a part of
// it ending in 合计, 总计 everything.
const (
	dataRow = iota
	subtotalRow
	totalRow
	grandTotalRow
)

// amountColumn is a 收入/支出/金额 column and its precision: 元 to the cent,
// 万元 to the cent as well (six decimals).
type amountColumn struct {
	index    int
	name     string
	decimals int
	unit     string
}

// CheckTotals checks that every 合计/总计/小计 row of a financial table equals
// the sum of the rows above it, to the cent, in each 收入, 支出 or 金额 column
// (with or without a unit such as （元） or (万元)). A 小计 sums the rows since
// the previous total of any kind, a 合计 the rows since the previous 合计 or
// 总计, a 总计 all rows; a total matching the rows since the previous total
// of any kind is also accepted. Blank cells and placeholders (—, -, /, 无)
// count as nothing; an unreadable amount is a problem of its own.
func CheckTotals(header []string, rows [][]string) []TableProblem {
	cols := amountColumns(header)
	if len(cols) == 0 {
		return nil
	}
	var problems []TableProblem
	// sums[level][col]: running sums since the last row of at least that level
	sums := [grandTotalRow + 1][]int64{}
	for level := range sums {
		sums[level] = make([]int64, len(cols))
	}
	for i, row := range rows {
		level, label := rowLevel(row)
		for c, col := range cols {
			cell := cellAt(row, col.index)
			if isBlankAmount(cell) {
				continue
			}
			value, ok := parseDecimal(cell, col.decimals, col.unit)
			if !ok {
				problems = append(problems, TableProblem{Row: i, Message: fmt.Sprintf(
					"%s 列的 %q 不是金额：写成 1,234.50 或 1234.5 这样的数字（单位%s，最多 %d 位小数）",
					col.name, cell, col.unit, col.decimals)})
				continue
			}
			if level == dataRow {
				for l := range sums {
					sums[l][c] += value
				}
				continue
			}
			expected := sums[level][c]
			if value != expected && value != sums[subtotalRow][c] {
				problems = append(problems, TableProblem{Row: i, Message: fmt.Sprintf(
					"%s 行 %s 写作 %s，上方各行相加为 %s（相差 %s）：核对金额",
					label, col.name, formatAmount(value, col.decimals), formatAmount(expected, col.decimals),
					formatAmount(abs(value-expected), col.decimals))})
			}
		}
		for l := subtotalRow; l <= level; l++ {
			clear(sums[l])
		}
	}
	return problems
}

// amountColumns finds the 收入/支出/金额 columns, whatever unit follows them.
func amountColumns(header []string) []amountColumn {
	var cols []amountColumn
	for i, h := range header {
		base, unit := splitUnit(strings.Trim(strings.Join(strings.Fields(h), ""), "*"))
		switch base {
		case "收入", "支出", "金额":
		default:
			continue
		}
		decimals := 2
		switch unit {
		case "元", "":
			unit = "元"
		case "万元":
			decimals = 6
		default:
			continue // not money, e.g. 金额（份）
		}
		cols = append(cols, amountColumn{index: i, name: h, decimals: decimals, unit: unit})
	}
	return cols
}

// splitUnit splits 收入（元） or 金额(万元) into the name and its unit.
func splitUnit(name string) (base, unit string) {
	trimmed := strings.TrimRight(name, ")）")
	if trimmed == name {
		return name, ""
	}
	open := strings.LastIndexAny(trimmed, "（(")
	if open <= 0 {
		return name, ""
	}
	return trimmed[:open], strings.TrimLeft(trimmed[open:], "（(")
}

// rowLevel tells a total row by its first non-empty cell (合计, 合 计, **合计**, 合计：).
func rowLevel(row []string) (int, string) {
	for _, cell := range row {
		label := strings.Trim(strings.Join(strings.Fields(cell), ""), "*:：")
		if label == "" {
			continue
		}
		switch label {
		case "小计":
			return subtotalRow, label
		case "合计":
			return totalRow, label
		case "总计", "总合计":
			return grandTotalRow, label
		}
		return dataRow, ""
	}
	return dataRow, ""
}

// cellAt is the cell's text; Markdown bold (**1,234.50**), common on totals, is dropped.
func cellAt(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(strings.Trim(strings.TrimSpace(row[i]), "*"))
	}
	return ""
}

// isBlankAmount: tables write "nothing" as an empty cell or a dash.
func isBlankAmount(cell string) bool {
	switch strings.Join(strings.Fields(cell), "") {
	case "", "-", "—", "——", "－", "/", "无":
		return true
	}
	return false
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
