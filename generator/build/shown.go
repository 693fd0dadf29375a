package build

import (
	"strings"

	"github.com/gongkai/gongkai/generator/site"
)

// shownText is the text a page shows besides its Markdown body: the tables and lines its
// templates make from front matter (a consultation's comments and channels, a disclosure's
// village and responsible body, a policy's issuers and topics) and duty tables read from
// files. A reader who sees 低保 in a consultation's comment table must find the page by it.
func shownText(p *site.Page) string {
	var lines []string
	add := func(s ...string) {
		for _, v := range s {
			if v = strings.TrimSpace(v); v != "" {
				lines = append(lines, v)
			}
		}
	}
	if m := p.Policy; m != nil {
		add(strings.Join(m.Issuers, "、"), m.IndexNo, strings.Join(m.Topics, "；"))
		for _, a := range m.Attachments {
			add(a.Title)
		}
	}
	if c := p.Consult; c != nil {
		add(c.Subject, c.Organizer, strings.Join(c.Supervisors, "、"), strings.Join(c.Channels, "、"))
		add(c.Electorate.Basis, c.Electorate.Exclusions)
		if c.Rule.Threshold > 0 {
			add(c.RuleText())
		}
		add(c.Outcome)
		for _, cm := range c.Comments {
			add(strings.Join(nonEmpty(cm.Opinion, cm.Response, cm.Reason), "　"))
		}
		for _, a := range c.Attachments {
			add(a.Title)
		}
	}
	if d := p.Disclose; d != nil {
		add(d.Village, d.Category, d.Responsible)
	}
	for _, t := range p.Tasks {
		if t.Source != "file" { // the others are in the body already
			continue
		}
		units := make([]string, 0, len(t.Units))
		for _, u := range t.Units {
			units = append(units, u.Name)
		}
		add(strings.Join(nonEmpty(t.Number, t.Text, strings.Join(units, "、"), t.Deadline), "　"))
	}
	return strings.Join(lines, "\n")
}

func nonEmpty(s ...string) []string {
	out := s[:0]
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
