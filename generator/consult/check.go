package consult

import (
	"fmt"
	"math"
)

// Check verifies the arithmetic a reader would otherwise have to trust:
// tallies fit the electorate and the declared outcome is what the rule gives.
// Messages show the numbers so that staff can see which one to correct.
func (c *Consultation) Check() []Problem {
	r := &Reader{}
	t := c.Tallies
	if t == nil {
		if c.Outcome != "" {
			r.Addf(c.lines.outcome, "outcome %s 但没有 tallies：补上计票结果（agree、disagree、abstain、invalid、no_response），或在决定前删去 outcome", c.Outcome)
		}
		return r.Problems
	}
	count := c.Electorate.Count
	switch {
	case count <= 0 && c.Rule.Of == OfVotes:
		// the rule counts valid votes only: nothing to compare the tallies with
	case count <= 0:
		r.Addf(c.lines.tallies, "有 tallies 但没有 electorate.count：写明参与表决的总人数，如 electorate: {basis: 户籍人口, count: 1093}")
	case t.Sum() > count:
		r.Addf(c.lines.tallies, "tallies 合计 %d 人（同意 %d + 不同意 %d + 弃权 %d + 无效 %d + 未表态 %d），超过%s %d 人：核对票数",
			t.Sum(), t.Agree, t.Disagree, t.Abstain, t.Invalid, t.NoResponse, c.basisName(), count)
	case t.Complete && t.Sum() != count:
		r.Addf(c.lines.tallies, "tallies 五项合计 %d 人，比%s %d 人少 %d 人：核对票数，或把未统计的人数计入 no_response",
			t.Sum(), c.basisName(), count, count-t.Sum())
	}
	if c.Rule.Threshold <= 0 {
		r.Addf(c.lines.tallies, "有 tallies 但没有 rule：写明通过规则，如 rule: {threshold: 0.5, of: electorate, strict: true}")
		return r.Problems
	}
	if c.Outcome == "" {
		return r.Problems
	}
	passed, decided := c.Passes()
	if !decided {
		r.Addf(c.lines.outcome, "outcome %s 但%s为 0，无法按规则判断：核对 tallies 与 electorate", c.Outcome, c.baseName())
		return r.Problems
	}
	if passed != (c.Outcome == Passed) {
		fix := Passed
		if !passed {
			fix = NotPassed
		}
		r.Addf(c.lines.outcome, "outcome %s 但同意 %d 人，%s%s %d 人的 %s（%s）：改为 %s 或核对票数",
			c.Outcome, t.Agree, c.comparison(passed), c.baseName(), c.base(),
			formatPercent(c.Rule.Threshold*100), formatThreshold(c.Threshold()), fix)
	}
	return r.Problems
}

// Passes applies the rule to the tallies. decided is false while there are no
// tallies, no rule, or nothing to take a share of.
func (c *Consultation) Passes() (passed bool, decided bool) {
	if c.Tallies == nil || c.Rule.Threshold <= 0 || c.base() <= 0 {
		return false, false
	}
	agree, need := float64(c.Tallies.Agree), c.Threshold()
	if c.Rule.Strict {
		return agree > need, true
	}
	return agree >= need, true
}

// Percent is n as a percentage of the rule's base (0 when there is no base).
func (c *Consultation) Percent(n int) float64 {
	base := c.base()
	if base <= 0 {
		return 0
	}
	return float64(n) * 100 / float64(base)
}

// Threshold is the number of agrees the rule compares against: with
// threshold 0.5 of 1093 it is 546.5, and a strict rule needs more than that.
// It is rounded to 1e-6 so that 0.3 × 10 compares as 3, not 3.0000000000000004.
func (c *Consultation) Threshold() float64 {
	return math.Round(c.Rule.Threshold*float64(c.base())*1e6) / 1e6
}

// MinAgree is the fewest agrees that pass. A head count is whole, so the rule's own comparison
// decides: 超过 50% of 1093 (546.5) is 547 or more, 超过 50% of 1000 is 501 or more, while
// 达到 50% of 1000 is 500 or more. known is false while the base is not counted yet, as for a
// rule over valid votes before the tallies.
func (c *Consultation) MinAgree() (n int, known bool) {
	if c.Rule.Threshold <= 0 || c.base() <= 0 {
		return 0, false
	}
	t := c.Threshold()
	if c.Rule.Strict {
		return int(math.Floor(t)) + 1, true
	}
	return int(math.Ceil(t)), true
}

// RuleText states the rule for residents, with the head count it comes to once that is known:
// 同意人数超过户籍人口的 50%（即不少于 547 人）即为通过; before a vote over valid votes,
// 同意人数超过有效票数的 50% 即为通过.
func (c *Consultation) RuleText() string {
	cmp, base := "超过", c.basisName()
	if !c.Rule.Strict {
		cmp = "达到"
	}
	if c.Rule.Of == OfVotes {
		base = "有效票数"
	}
	text := fmt.Sprintf("同意人数%s%s的 %s", cmp, base, formatPercent(c.Rule.Threshold*100))
	if n, ok := c.MinAgree(); ok {
		return text + fmt.Sprintf("（即不少于 %d 人）即为通过", n)
	}
	return text + " 即为通过"
}

// base is what the threshold is a share of.
func (c *Consultation) base() int {
	if c.Rule.Of == OfVotes {
		if c.Tallies == nil {
			return 0
		}
		return c.Tallies.Valid()
	}
	return c.Electorate.Count
}

// basisName names the electorate, e.g. 户籍人口.
func (c *Consultation) basisName() string {
	if c.Electorate.Basis != "" {
		return c.Electorate.Basis
	}
	return defaultBasisName
}

// baseName names the rule's base in messages.
func (c *Consultation) baseName() string {
	if c.Rule.Of == OfVotes {
		return "有效票"
	}
	return c.basisName()
}

// comparison words the rule's result: 已超过/未超过 (strict) or 已达到/未达到.
func (c *Consultation) comparison(passed bool) string {
	switch {
	case c.Rule.Strict && passed:
		return "已超过"
	case c.Rule.Strict:
		return "未超过"
	case passed:
		return "已达到"
	}
	return "未达到"
}
