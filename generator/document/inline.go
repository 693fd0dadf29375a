package document

import (
	"strconv"

	"github.com/gongkai/gongkai/generator/disclose"
	"github.com/gongkai/gongkai/generator/duty"
	"github.com/gongkai/gongkai/generator/markdown"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/structure"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// addInlineTasks finds "（责任单位：…）" annotations in paragraphs. Each becomes a task linked to
// the numbered unit (or heading) it sits in.
func addInlineTasks(p *site.Page, doc ast.Node, src []byte, leadFirst bool) {
	anchor, count := "", 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindTable, ast.KindCodeBlock, ast.KindFencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindHeading, ast.KindParagraph:
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					anchor = string(b)
				}
			}
			if n.Kind() == ast.KindHeading {
				return ast.WalkSkipChildren, nil
			}
			text := structure.PlainText(n, src)
			for _, a := range duty.FindAnnotations(text, leadFirst) {
				count++
				dt := duty.Task{Number: strconv.Itoa(count), Text: a.TaskText, Units: a.Units, Source: "inline"}
				id := "任务-" + strconv.Itoa(len(p.Tasks)+1)
				task := NewTask(p, dt, id, anchor)
				if n.Lines().Len() > 0 {
					task.Line = p.BodyLine - 1 + markdown.LineAt(src, n.Lines().At(0).Start)
				}
				p.Tasks = append(p.Tasks, task)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// markIndicatorKinds gives the 属性 cells a class so that 约束性 indicators stand out.
func markIndicatorKinds(t markdown.Table) {
	col := -1
	for i, h := range t.Header {
		if h == "属性" {
			col = i
		}
	}
	if col < 0 {
		return
	}
	for _, row := range dataRows(t) {
		i := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if i == col && i < len(t.Header) {
				c.SetAttributeString("class", []byte("kind"))
			}
			i++
		}
	}
	for ri, row := range dataRows(t) {
		if ri < len(t.Rows) && col < len(t.Rows[ri]) && t.Rows[ri][col] == "约束性" {
			row.SetAttributeString("class", []byte("binding"))
		}
	}
}

func checkTotals(t markdown.Table) []disclose.TableProblem {
	return disclose.CheckTotals(t.Header, t.Rows)
}
