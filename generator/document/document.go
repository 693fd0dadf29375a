// Package document turns one page's Markdown into HTML and the structures found in it: the
// outline with stable anchors, citations, duty tasks, indicator tables and the plain text that
// search indexes.
package document

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/generator/cite"
	"github.com/gongkai/gongkai/generator/duty"
	"github.com/gongkai/gongkai/generator/indicator"
	"github.com/gongkai/gongkai/generator/markdown"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/structure"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewMarkdown returns the converter every page is processed with: structure anchors first, then
// citation links resolved against the site.
func NewMarkdown(unsafeHTML bool, r *site.Resolver) goldmark.Markdown {
	return markdown.New(markdown.Options{
		UnsafeHTML: unsafeHTML,
		Transformers: []util.PrioritizedValue{
			util.Prioritized(structure.NewTransformer(), 100),
			util.Prioritized(cite.NewTransformer(r.URLFor), 200),
		},
	})
}

// Problem is something wrong in a page's body, with its line in the file.
type Problem struct {
	Line    int
	Message string
}

// Process parses p's body and fills HTML, Outline, Text, Cites, Tasks and Indicators. found
// are the citations in the body, found beforehand so that titles and 文号 could be learnt
// from every page before any is resolved.
// Problems (bad table arithmetic …) are returned for the caller to report with the file name.
func Process(md goldmark.Markdown, r *site.Resolver, p *site.Page, found []cite.Citation) []Problem {
	src := p.Body
	pc := markdown.NewContext()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	p.Outline = structure.OutlineFrom(pc)
	// A copy of its exact length: the text is kept until the end of the
	// build, the builder's doubled buffer would be kept with it (laws ×4:
	// 170 MB).
	p.Text = strings.Clone(structure.PlainText(doc, src))

	var problems []Problem
	leadFirst := p.Policy != nil && p.Policy.DutyLeadFirst
	for ti, t := range markdown.Tables(doc, src) {
		if tasks, ok := duty.FromTable(t.Header, t.Rows, leadFirst); ok {
			addTableTasks(p, t, tasks, ti)
			continue
		}
		if inds, ok := indicator.FromTable(t.Header, t.Rows); ok {
			for _, in := range inds {
				p.Indicators = append(p.Indicators, &site.Indicator{Category: in.Category, Dimension: in.Dimension, Name: in.Name, Target: in.Target, Kind: in.Kind, Page: p})
			}
			markIndicatorKinds(t)
			continue
		}
		if p.Disclose != nil {
			for _, tp := range checkTotals(t) {
				problems = append(problems, Problem{Line: p.BodyLine - 1 + t.Line + tp.Row + 2, Message: tp.Message})
			}
		}
	}
	addInlineTasks(p, doc, src, leadFirst)
	for _, c := range found {
		p.Cites = append(p.Cites, r.Resolve(c))
	}

	if p.Policy != nil {
		addPermalinks(p, doc)
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		problems = append(problems, Problem{Line: p.BodyLine, Message: fmt.Sprintf("无法转换 Markdown：%v", err)})
	}
	p.Body = nil
	p.HTML = template.HTML(buf.String())
	return problems
}

// addTableTasks records the tasks of a duty table and gives each row an id to link to.
func addTableTasks(p *site.Page, t markdown.Table, tasks []duty.Task, tableIndex int) {
	rows := dataRows(t)
	for i, dt := range tasks {
		id := "任务-" + strconv.Itoa(len(p.Tasks)+1)
		if i < len(rows) {
			rows[i].SetAttributeString("id", []byte(id))
		}
		task := NewTask(p, dt, id, "")
		task.Line = p.BodyLine - 1 + t.Line + 2 + i
		p.Tasks = append(p.Tasks, task)
	}
}

func dataRows(t markdown.Table) []ast.Node {
	var rows []ast.Node
	for row := t.Node.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() == east.KindTableRow {
			rows = append(rows, row)
		}
	}
	return rows
}

// NewTask converts a parsed duty into a site task.
func NewTask(p *site.Page, dt duty.Task, id, anchor string) *site.Task {
	t := &site.Task{ID: id, Number: dt.Number, Text: dt.Text, Deadline: dt.Deadline, DeadlineDate: dt.DeadlineDate, Source: dt.Source, Page: p, Anchor: anchor}
	for _, pr := range dt.Progress {
		t.Progress = append(t.Progress, site.Progress{Date: pr.Date, Text: pr.Text, Status: pr.Status})
		t.Status = pr.Status
	}
	for _, u := range dt.Units {
		t.Units = append(t.Units, &site.TaskUnit{Name: u.Name, Written: u.Name, Lead: u.Lead, Clause: u.Clause})
	}
	return t
}
