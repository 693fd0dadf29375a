// Package indicator reads indicator tables of plans (类别 / 维度 / 指标 / 目标值 / 属性), where
// 属性 says whether a target binds the government (约束性) or is expected (预期性).
package indicator

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Indicator kinds, as written in the 属性 column.
const (
	KindBinding  = "约束性"
	KindExpected = "预期性"
)

// Indicator is one row of an indicator table.
type Indicator struct {
	Category, Dimension, Name, Target string
	Kind                              string // KindBinding | KindExpected | "" when the cell says neither
	Row                               int    // 1-based index of the row in the table body
}

// FromTable reads an indicator table from its header and rows. ok is false when the header is not
// an indicator table: it needs an indicator column (指标, 指标名称, 主要指标) and a target or kind
// column (目标值, 属性, …). Category and dimension cells left empty (merged cells once the table
// is flattened) are carried down from the row above; a new category starts with an empty dimension
// unless its own row names one. Rows that only name a category or dimension set it for the rows
// below and are not indicators themselves.
func FromTable(header []string, rows [][]string) ([]Indicator, bool) {
	cols, ok := findColumns(header)
	if !ok {
		return nil, false
	}
	var out []Indicator
	category, dimension := "", ""
	for i, row := range rows {
		cell := func(j int) string {
			if j < 0 || j >= len(row) {
				return ""
			}
			return cleanCell(row[j])
		}
		if c := cell(cols.category); c != "" && c != category {
			category, dimension = c, ""
		}
		if d := cell(cols.dimension); d != "" {
			dimension = d
		}
		ind := Indicator{Category: category, Dimension: dimension, Name: cell(cols.name),
			Target: cell(cols.target), Kind: kindOf(cell(cols.kind)), Row: i + 1}
		if ind.Name == "" && ind.Target == "" && cell(cols.kind) == "" {
			continue
		}
		out = append(out, ind)
	}
	return out, true
}

type columns struct{ category, dimension, name, target, kind int }

var headerWords = map[string][]string{
	"category":  {"类别", "分类", "领域", "类型"},
	"dimension": {"维度", "子类", "方面", "分项"},
	"name":      {"指标", "指标名称", "主要指标", "具体指标"},
	"target":    {"目标值", "目标", "预期目标", "规划目标", "目标任务"},
	"kind":      {"属性", "指标属性", "性质", "指标性质"},
}

func findColumns(header []string) (columns, bool) {
	c := columns{-1, -1, -1, -1, -1}
	slots := map[string]*int{"category": &c.category, "dimension": &c.dimension, "name": &c.name,
		"target": &c.target, "kind": &c.kind}
	for i, cell := range header {
		key := headerKey(cell)
		for kind, words := range headerWords {
			if *slots[kind] >= 0 {
				continue
			}
			for _, w := range words {
				if key == w {
					*slots[kind] = i
				}
			}
		}
		// A target column is often headed by its year: "2025年", "2025年目标值".
		if c.target < 0 && strings.HasPrefix(key, "20") && strings.Contains(key, "年") {
			c.target = i
		}
	}
	return c, c.name >= 0 && (c.target >= 0 || c.kind >= 0)
}

// kindOf reads a 属性 cell: 约束性 or 预期性, written in full or as 约束 / 预期.
func kindOf(s string) string {
	switch k := nameKey(s); {
	case strings.HasPrefix(k, "约束"):
		return KindBinding
	case strings.HasPrefix(k, "预期"):
		return KindExpected
	}
	return ""
}

func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, width.Fold.String(s))
}

func headerKey(s string) string {
	k := strings.Trim(nameKey(cleanCell(s)), "*_`:")
	if i := strings.IndexAny(k, "(["); i > 0 {
		k = k[:i]
	}
	return k
}

// cleanCell turns the <br> line breaks of a Markdown table cell into newlines and trims it.
func cleanCell(s string) string {
	for _, br := range []string{"<br />", "<br/>", "<br>", "<BR>"} {
		s = strings.ReplaceAll(s, br, "\n")
	}
	return strings.TrimSpace(s)
}
