package duty

import (
	"regexp"
	"strings"
)

// FromTable reads a duty table from its header and rows, as cells of a Markdown table (a cell may
// use <br> for line breaks). ok is false when the header is not a duty table: it needs a task
// column (细化目标, 工作任务, 任务, 主要任务, …) and a unit column (责任单位, 牵头单位, 配合单位, …);
// 序号, 完成时限 and 进展 are optional. A header note such as "责任单位（列第一位的为牵头单位）"
// turns leadFirst on. Empty rows and section rows that repeat one text in every cell are skipped;
// a row with a task but no unit, or units but no task, is kept so that the caller can warn about it.
func FromTable(header []string, rows [][]string, leadFirst bool) (tasks []Task, ok bool) {
	cols, ok := findColumns(header)
	if !ok {
		return nil, false
	}
	return cols.tasks(rows, leadFirst || cols.leadFirst, SourceTable), true
}

// columns are the positions of the recognised header cells, -1 when absent.
type columns struct {
	number, text, units, lead, help, deadline, progress int
	names                                               []string // header cells as written, for messages
	leadFirst                                           bool     // the header says 列第一位的为牵头单位
}

var headerWords = map[string][]string{
	"number":   {"序号", "编号", "序"},
	"text":     {"细化目标", "工作任务", "任务", "主要任务", "重点任务", "具体任务", "任务内容", "工作内容", "重点工作", "工作目标", "目标任务", "任务名称"},
	"units":    {"责任单位", "责任部门", "责任主体", "主责单位", "负责单位", "责任单位及责任人"},
	"lead":     {"牵头单位", "牵头部门"},
	"help":     {"配合单位", "配合部门", "参与单位", "协办单位", "协助单位"},
	"deadline": {"完成时限", "完成时间", "时间节点", "时限", "时限要求", "完成期限"},
	"progress": {"进展", "进展情况", "完成情况", "推进情况", "工作进展", "落实情况"},
}

func findColumns(header []string) (columns, bool) {
	c := columns{number: -1, text: -1, units: -1, lead: -1, help: -1, deadline: -1, progress: -1, names: header}
	slots := map[string]*int{"number": &c.number, "text": &c.text, "units": &c.units, "lead": &c.lead,
		"help": &c.help, "deadline": &c.deadline, "progress": &c.progress}
	for i, cell := range header {
		key := headerKey(cell)
		for kind, words := range headerWords {
			if *slots[kind] < 0 && containsString(words, key) {
				*slots[kind] = i
			}
		}
		if strings.Contains(cell, "第一") && strings.Contains(cell, "牵头") {
			c.leadFirst = true
		}
	}
	ok := c.text >= 0 && (c.units >= 0 || c.lead >= 0 || c.help >= 0)
	return c, ok
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tasks turns data rows into tasks; Row is the 1-based index into rows.
func (c columns) tasks(rows [][]string, leadFirst bool, source string) []Task {
	var out []Task
	for i, row := range rows {
		if c.isSectionRow(row) {
			continue
		}
		t := c.task(row, leadFirst)
		t.Source, t.Row = source, i+1
		out = append(out, t)
	}
	return out
}

func (c columns) task(row []string, leadFirst bool) Task {
	cell := func(i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return cleanCell(row[i])
	}
	t := Task{Number: cell(c.number), Text: cell(c.text), Deadline: cell(c.deadline)}
	t.DeadlineDate = parseDeadline(t.Deadline)
	t.Progress = parseProgress(cell(c.progress))
	var drafts []Unit
	for _, u := range SplitUnits(cell(c.lead), false) {
		u.Lead = true
		drafts = append(drafts, u)
	}
	drafts = append(drafts, SplitUnits(cell(c.units), leadFirst)...)
	for _, u := range SplitUnits(cell(c.help), false) {
		u.Lead = false
		drafts = append(drafts, u)
	}
	t.Units = mergeUnits(drafts)
	return t
}

// isSectionRow reports rows that carry at most one distinct text: blank rows, and section
// headings such as "一、加强党的领导" merged across the row or written outside the task column.
// A lone text in the task column is a heading only when it starts with outline numbering;
// otherwise it is a task whose units are missing, which ReadFile reports.
func (c columns) isSectionRow(row []string) bool {
	distinct, onlyTask := "", true
	for i, cell := range row {
		cell = cleanCell(cell)
		switch {
		case cell == "":
			continue
		case distinct == "":
			distinct = cell
		case cell != distinct:
			return false
		}
		onlyTask = onlyTask && i == c.text
	}
	return distinct == "" || !onlyTask || reHeading.MatchString(distinct)
}

var reHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分])`)

// mergeUnits drops repeated names across the lead, unit and participant columns.
func mergeUnits(us []Unit) []Unit {
	seen := make(map[string]int, len(us))
	var out []Unit
	for _, u := range us {
		k := nameKey(u.Name)
		if i, ok := seen[k]; ok {
			out[i].Lead = out[i].Lead || u.Lead
			continue
		}
		seen[k] = len(out)
		out = append(out, u)
	}
	return out
}
