package render

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/gongkai/gongkai/generator/csvsafe"
	"github.com/gongkai/gongkai/generator/site"
)

// DutyRow is one row of /data/duties.csv: one task and one responsible unit.
type DutyRow struct {
	Document   string `json:"document"`
	URL        string `json:"url"`
	DocNumber  string `json:"doc_number,omitempty"`
	TaskNumber string `json:"task_number"`
	TaskText   string `json:"task_text"`
	Unit       string `json:"unit"`
	Written    string `json:"unit_as_written,omitempty"`
	Role       string `json:"role"`
	Deadline   string `json:"deadline,omitempty"`
	Status     string `json:"status,omitempty"`
	Overdue    bool   `json:"overdue,omitempty"`
	Source     string `json:"source"`
	Link       string `json:"link"`
}

func dutyRows(s *site.Site) []DutyRow {
	var rows []DutyRow
	for _, p := range s.Pages {
		for _, t := range p.Tasks {
			for _, u := range t.Units {
				role := "参与"
				switch {
				case u.Clause:
					role = "其他"
				case u.Lead:
					role = "牵头"
				}
				r := DutyRow{Document: p.Title, URL: p.URL, TaskNumber: t.Number, TaskText: t.Text, Unit: u.Name,
					Role: role, Deadline: t.Deadline, Status: t.Status, Overdue: t.IsOverdue(), Source: t.Source, Link: t.Link()}
				if u.Written != u.Name {
					r.Written = u.Written
				}
				if p.Policy != nil {
					r.DocNumber = p.Policy.DocNumber
				}
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// dutyCSV writes rows as CSV with a byte order mark, so that Excel opens the Chinese correctly.
func dutyCSV(rows []DutyRow) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	// Every cell comes from a page or a duty table a clerk filled in: defused against formulas.
	_ = w.Write([]string{"文件", "发文字号", "任务序号", "任务", "责任单位", "角色", "完成时限", "进展", "是否逾期", "来源", "链接"})
	for _, r := range rows {
		overdue := ""
		if r.Overdue {
			overdue = "逾期"
		}
		_ = w.Write(csvsafe.Row([]string{r.Document, r.DocNumber, r.TaskNumber, r.TaskText, r.Unit, r.Role, r.Deadline, r.Status, overdue, r.Source, r.Link}))
	}
	w.Flush()
	return b.Bytes()
}

// IndicatorRecord is one row of /data/indicators.json.
type IndicatorRecord struct {
	Document  string `json:"document"`
	URL       string `json:"url"`
	Category  string `json:"category"`
	Dimension string `json:"dimension"`
	Name      string `json:"name"`
	Target    string `json:"target"`
	Kind      string `json:"kind"`
}

func indicatorRecords(s *site.Site) []IndicatorRecord {
	out := []IndicatorRecord{}
	for _, p := range s.Pages {
		for _, i := range p.Indicators {
			out = append(out, IndicatorRecord{Document: p.Title, URL: p.URL, Category: i.Category, Dimension: i.Dimension, Name: i.Name, Target: i.Target, Kind: i.Kind})
		}
	}
	return out
}

// ConsultationRecord is one entry of /data/consultations.json.
type ConsultationRecord struct {
	URL         string              `json:"url"`
	Title       string              `json:"title"`
	Sample      bool                `json:"sample,omitempty"`
	Subject     string              `json:"subject,omitempty"`
	Concerns    string              `json:"concerns,omitempty"`
	Organizer   string              `json:"organizer,omitempty"`
	Supervisors []string            `json:"supervisors,omitempty"`
	Channels    []string            `json:"channels,omitempty"`
	Status      string              `json:"status"`
	Phases      []PhaseRecord       `json:"phases,omitempty"`
	Electorate  map[string]any      `json:"electorate,omitempty"`
	Rule        map[string]any      `json:"rule,omitempty"`
	Tallies     map[string]int      `json:"tallies,omitempty"`
	AgreeShare  *float64            `json:"agree_share,omitempty"`
	Passes      *bool               `json:"passes_rule,omitempty"`
	Outcome     string              `json:"outcome,omitempty"`
	Comments    []map[string]string `json:"comments,omitempty"`
}

// PhaseRecord is one phase of a consultation.
type PhaseRecord struct {
	Name  string `json:"name"`
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
}

func consultationRecords(s *site.Site) []ConsultationRecord {
	out := []ConsultationRecord{}
	for _, p := range s.RegularPages() {
		c := p.Consult
		if c == nil {
			continue
		}
		r := ConsultationRecord{URL: p.URL, Title: p.Title, Sample: p.Sample, Subject: c.Subject, Organizer: c.Organizer,
			Supervisors: c.Supervisors, Channels: c.Channels, Status: c.Status(s.Now), Outcome: c.Outcome}
		if p.Concerns != nil {
			r.Concerns = p.Concerns.URL
		}
		for _, ph := range c.Phases {
			r.Phases = append(r.Phases, PhaseRecord{Name: ph.Name, Start: day(ph.Start), End: day(ph.End)})
		}
		if c.Electorate.Count > 0 {
			r.Electorate = map[string]any{"basis": c.Electorate.Basis, "count": c.Electorate.Count, "exclusions": c.Electorate.Exclusions}
		}
		if c.Rule.Threshold > 0 {
			r.Rule = map[string]any{"threshold": c.Rule.Threshold, "of": c.Rule.Of, "strict": c.Rule.Strict}
		}
		if t := c.Tallies; t != nil {
			r.Tallies = map[string]int{"agree": t.Agree, "disagree": t.Disagree, "abstain": t.Abstain, "invalid": t.Invalid, "no_response": t.NoResponse}
			share := c.Percent(t.Agree)
			r.AgreeShare = &share
			if passed, decided := c.Passes(); decided {
				r.Passes = &passed
			}
		}
		for _, cm := range c.Comments {
			r.Comments = append(r.Comments, map[string]string{"opinion": cm.Opinion, "response": cm.Response, "reason": cm.Reason})
		}
		out = append(out, r)
	}
	return out
}

// DisclosureRecord is one entry of /data/disclosures.json.
type DisclosureRecord struct {
	URL         string `json:"url"`
	Title       string `json:"title"`
	Sample      bool   `json:"sample,omitempty"`
	Village     string `json:"village"`
	Category    string `json:"category"`
	PeriodStart string `json:"period_start,omitempty"`
	PeriodEnd   string `json:"period_end,omitempty"`
	NoticeStart string `json:"notice_start,omitempty"`
	NoticeEnd   string `json:"notice_end,omitempty"`
	OnNotice    bool   `json:"on_notice"`
	Responsible string `json:"responsible,omitempty"`
	Hotline     string `json:"hotline,omitempty"`
}

func disclosureRecords(s *site.Site) []DisclosureRecord {
	out := []DisclosureRecord{}
	for _, p := range s.RegularPages() {
		d := p.Disclose
		if d == nil {
			continue
		}
		out = append(out, DisclosureRecord{URL: p.URL, Title: p.Title, Sample: p.Sample, Village: d.Village, Category: d.Category,
			PeriodStart: day(d.PeriodStart), PeriodEnd: day(d.PeriodEnd), NoticeStart: day(d.NoticeStart), NoticeEnd: day(d.NoticeEnd),
			OnNotice: d.OnNotice(s.Now), Responsible: d.Responsible, Hotline: strings.TrimSpace(d.Hotline)})
	}
	return out
}
