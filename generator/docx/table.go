package docx

import "strings"

// table is a Word table laid out on its grid: merged cells keep their place, so every row has a
// cell for every column.
type table struct {
	rows [][]cell
}

type cell struct {
	paras []string
	merge mergeKind
}

type mergeKind int

const (
	unmerged  mergeKind = iota
	vContinue           // w:vMerge continuation: the cell above carries down
	hContinue           // covered by the w:gridSpan of the cell to its left
)

// maxSpan bounds w:gridSpan and w:gridBefore, which hostile input could set to millions.
const maxSpan = 64

func (w *walker) table(t *node, out *[]block) {
	var rows [][]cell
	for _, tr := range tableRows(t) {
		if tr.path("trPr", "del") != nil {
			w.notes["del"]++
			continue
		}
		var row []cell
		for i := 0; i < clampSpan(tr.val("trPr", "gridBefore"), 0); i++ {
			row = append(row, cell{merge: hContinue})
		}
		for _, tc := range rowCells(tr) {
			row = append(row, w.cell(tc)...)
		}
		if !emptyRow(row) {
			rows = append(rows, row)
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width <= 1 {
		// A one-column table is a frame around text (a box, a 专栏), not data.
		if len(rows) > 0 {
			w.notes["frame"]++
		}
		for _, r := range rows {
			for _, c := range r {
				for _, p := range c.paras {
					*out = append(*out, block{text: p})
				}
			}
		}
		return
	}
	for i := range rows {
		for len(rows[i]) < width {
			rows[i] = append(rows[i], cell{})
		}
	}
	*out = append(*out, block{table: &table{rows: mergeHeader(rows, t)}})
}

// cell reads one w:tc and the grid columns its w:gridSpan covers.
func (w *walker) cell(tc *node) []cell {
	tcPr := tc.child("tcPr")
	c := cell{}
	if vm := tcPr.child("vMerge"); vm != nil && vm.attr("val") != "restart" {
		c.merge = vContinue
	}
	if hm := tcPr.child("hMerge"); hm != nil && hm.attr("val") != "restart" {
		c.merge = hContinue
	}
	var blocks []block
	w.blockList(tc.kids, &blocks) // read even when merged, so list counters stay right
	if c.merge == unmerged {
		for _, b := range blocks {
			if b.table == nil {
				c.paras = append(c.paras, b.text)
				continue
			}
			w.notes["nested"]++
			for _, r := range b.table.rows {
				for _, nested := range r {
					c.paras = append(c.paras, nested.paras...)
				}
			}
		}
	}
	out := []cell{c}
	for i := 1; i < clampSpan(tcPr.val("gridSpan"), 1); i++ {
		out = append(out, cell{merge: hContinue})
	}
	return out
}

func clampSpan(s string, def int) int {
	n := atoiDefault(s, def)
	return min(max(n, 0), maxSpan)
}

// tableRows and rowCells look through the wrappers (content controls, custom XML, tracked
// insertions) that can stand between a table and its rows or a row and its cells.
func tableRows(t *node) []*node { return collect(t, "tr") }
func rowCells(tr *node) []*node { return collect(tr, "tc") }

func collect(n *node, name string) []*node {
	var out []*node
	for _, k := range n.kids {
		switch k.name {
		case name:
			out = append(out, k)
		case "sdt":
			if c := k.child("sdtContent"); c != nil {
				out = append(out, collect(c, name)...)
			}
		case "customXml", "ins", "moveTo":
			out = append(out, collect(k, name)...)
		}
	}
	return out
}

func emptyRow(row []cell) bool {
	for _, c := range row {
		if len(c.paras) > 0 {
			return false
		}
	}
	return true
}

// mergeHeader folds a two-row header into one: "责任单位" spanning "牵头单位 | 配合单位" becomes
// those two, and "序号" merged down keeps "序号". Header rows are the leading rows marked
// w:tblHeader, or the first two when the first spans columns that the second splits.
func mergeHeader(rows [][]cell, t *node) [][]cell {
	n := headerRows(rows, t)
	if n < 2 {
		return rows
	}
	header := make([]cell, len(rows[0]))
	for col := range header {
		for r := 0; r < n; r++ {
			if c := rows[r][col]; c.merge == unmerged && len(c.paras) > 0 {
				header[col] = cell{paras: c.paras}
			}
		}
	}
	return append([][]cell{header}, rows[n:]...)
}

func headerRows(rows [][]cell, t *node) int {
	marked := 0
	for _, tr := range tableRows(t) {
		if !tr.child("trPr").on("tblHeader") {
			break
		}
		marked++
	}
	if marked >= 2 && marked < len(rows) {
		return marked
	}
	if len(rows) < 3 {
		return 1
	}
	spans, splits := false, false
	for col := range rows[0] {
		if rows[0][col].merge == hContinue && rows[1][col].merge == unmerged {
			spans = true
		}
		if rows[1][col].merge == vContinue {
			splits = true
		}
	}
	if spans && splits {
		return 2
	}
	return 1
}

// cellText joins the paragraphs of a cell into one line. In a unit column (责任单位, 牵头部门 …)
// one unit per paragraph is a list, so paragraphs are joined with 、; elsewhere a paragraph break
// inside a sentence is joined without a space between Chinese characters.
func cellText(c cell, unitColumn bool) string {
	var b strings.Builder
	for _, p := range c.paras {
		if b.Len() > 0 {
			prev := b.String()
			switch {
			case unitColumn && !endsWithAny(prev, "、，,；;。"):
				b.WriteString("、")
			case needsSpace(prev, p):
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

func isUnitHeader(s string) bool {
	return strings.Contains(s, "单位") || strings.Contains(s, "部门")
}

func endsWithAny(s, chars string) bool {
	for _, c := range chars {
		if strings.HasSuffix(s, string(c)) {
			return true
		}
	}
	return false
}
