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
func consultFuncs(now time.Time, lang string) template.FuncMap {
	en := lang == "en"
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
		"baseName": func(c *consult.Consultation) string {
			if en {
				return baseNameEn(c)
			}
			return baseName(c)
		},
		"ruleText": func(c *consult.Consultation) string {
			if en {
				return ruleTextEn(c)
			}
			return c.RuleText()
		},
		"verdict": func(c *consult.Consultation) string {
			passed, decided := c.Passes()
			if !decided || c.Tallies == nil {
				return ""
			}
			if en {
				return verdictEn(c, passed)
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

// The English interface says the same as RuleText, verdict and baseName; the electorate's basis
// (户籍人口) is content and stays as written.

func baseNameEn(c *consult.Consultation) string {
	if c.Rule.Of == consult.OfVotes {
		return "valid votes"
	}
	if c.Electorate.Basis != "" {
		return c.Electorate.Basis
	}
	return "the electorate"
}

func ruleTextEn(c *consult.Consultation) string {
	cmp := "more than"
	if !c.Rule.Strict {
		cmp = "at least"
	}
	text := fmt.Sprintf("passes when %s %s of %s agree", cmp, formatPercent(c.Rule.Threshold), baseNameEn(c))
	if n, ok := c.MinAgree(); ok {
		text += fmt.Sprintf(" (at least %d people)", n)
	}
	return text
}

func verdictEn(c *consult.Consultation, passed bool) string {
	cmp, res := "more than", "passes"
	switch {
	case passed && !c.Rule.Strict:
		cmp = "at least"
	case !passed && c.Rule.Strict:
		cmp, res = "not more than", "does not pass"
	case !passed:
		cmp, res = "less than", "does not pass"
	}
	return fmt.Sprintf("%d agree, %s of %s, %s the required %s: the proposal %s under the rule (computed by the build from the tallies).",
		c.Tallies.Agree, formatPercent(c.Percent(c.Tallies.Agree)/100), baseNameEn(c), cmp, formatPercent(c.Rule.Threshold), res)
}
