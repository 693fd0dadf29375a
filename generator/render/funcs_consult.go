package render

import (
	"fmt"
	"html/template"
	"time"

	"github.com/gongkai/gongkai/generator/consult"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
)

// consultFuncs are the template functions for consultations, disclosures and search results.
func consultFuncs(now time.Time) template.FuncMap {
	return template.FuncMap{
		"commentPhase": func(c *consult.Consultation) *consult.Phase {
			for i := range c.Phases {
				if c.Phases[i].Name == "征求意见" {
					return &c.Phases[i]
				}
			}
			return nil
		},
		"phaseIsNow": func(p consult.Phase) bool {
			end := p.End
			if end.IsZero() {
				end = p.Start
			}
			return consult.SameOrBefore(p.Start, now) && consult.SameOrBefore(now, end)
		},
		"baseName": baseName,
		"ruleText": (*consult.Consultation).RuleText,
		"verdict": func(c *consult.Consultation) string {
			passed, decided := c.Passes()
			if !decided || c.Tallies == nil {
				return ""
			}
			cmp := "超过"
			if !passed {
				cmp = "未超过"
				if !c.Rule.Strict {
					cmp = "未达到"
				}
			} else if !c.Rule.Strict {
				cmp = "达到"
			}
			res := "通过"
			if !passed {
				res = "未通过"
			}
			return fmt.Sprintf("同意 %d 人，占%s的 %s，%s规定的 %s：按规则%s（由构建程序根据票数计算）。", c.Tallies.Agree, baseName(c), formatPercent(c.Percent(c.Tallies.Agree)/100), cmp, formatPercent(c.Rule.Threshold), res)
		},
		"villageURL": func(name string) string {
			return RelURL(site.VillageURL(name))
		},
		"typeLabel": func(t string) string {
			if l, ok := search.TypeLabels()[t]; ok {
				return l
			}
			return t
		},
	}
}

func baseName(c *consult.Consultation) string {
	if c.Rule.Of == consult.OfVotes {
		return "有效票数"
	}
	if c.Electorate.Basis != "" {
		return c.Electorate.Basis
	}
	return "表决人数"
}
