package consult

import (
	"strings"
	"testing"
	"time"
)

func TestDecodeSeed(t *testing.T) {
	c, problems := decode(t, seedYAML)
	if len(problems) > 0 {
		t.Fatalf("seed consultation has problems: %v", problems)
	}
	if c.Organizer != "长胜社区居民委员会" || len(c.Supervisors) != 2 || len(c.Channels) != 3 {
		t.Errorf("people and channels = %q %q %q", c.Organizer, c.Supervisors, c.Channels)
	}
	if len(c.Phases) != 4 || c.Phases[3].Name != "决定" || !c.Phases[3].End.IsZero() {
		t.Errorf("phases = %+v", c.Phases)
	}
	if got := c.Phases[1].Start; !got.Equal(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("征求意见 start = %v", got)
	}
	if c.Electorate.Count != 1093 || c.Rule != (Rule{Threshold: 0.5, Of: OfElectorate, Strict: true}) {
		t.Errorf("electorate %+v rule %+v", c.Electorate, c.Rule)
	}
	want := Tallies{Agree: 612, Disagree: 41, Abstain: 18, Invalid: 6, NoResponse: 416, Complete: true}
	if c.Tallies == nil || *c.Tallies != want {
		t.Errorf("tallies = %+v", c.Tallies)
	}
	if len(c.Comments) != 2 || c.Comments[1].Response != NotAdopted || c.Outcome != Passed || !c.Sample {
		t.Errorf("comments %+v outcome %q sample %v", c.Comments, c.Outcome, c.Sample)
	}
	if len(c.Attachments) != 1 || c.Attachments[0].URL != "/policies/changsheng#附件1" {
		t.Errorf("attachments = %+v", c.Attachments)
	}
	if p := c.Check(); len(p) > 0 {
		t.Errorf("seed Check: %v", p)
	}
}

func TestDecodeProblems(t *testing.T) {
	const head = "title: x\norganizer: 居委会\nphases: [{name: 征求意见, start: 2024-05-06}]\n"
	tests := []struct {
		name string
		src  string
		want []Problem
	}{
		{"minimal is fine", head, nil},
		{"unknown top-level keys are not ours", head + "weight: 3\nsummary: 摘要\n", nil},
		{"null values are absent", head + "outcome:\nsupervisors: ~\n", nil},
		{"missing organizer and phases", "title: x\n", []Problem{{1, "缺少 organizer"}, {1, "缺少 phases"}}},
		{"front matter not a mapping", "- a\n- b\n", []Problem{{1, "front matter 应为映射"}}},
		{"list where text expected", head + "subject: [a, b]\n", []Problem{{4, "subject 应为文字"}}},
		{"bool where text expected", head + "concerns: true\n", []Problem{{4, "concerns 应为文字"}}},
		{"text where list expected", head + "channels: 入户走访\n", []Problem{{4, "channels 应为列表"}}},
		{"unknown phase", "organizer: o\nphases:\n  - {name: 投票, start: 2024-05-06}\n", []Problem{{3, `阶段 "投票" 不认识`}}},
		{"phase order", "organizer: o\nphases:\n  - {name: 结果公示, start: 2024-05-21}\n  - {name: 征求意见, start: 2024-05-22}\n",
			[]Problem{{4, "阶段 征求意见 应在 结果公示 之前"}}},
		{"phase twice", "organizer: o\nphases:\n  - {name: 审议, start: 2024-05-21}\n  - {name: 审议, start: 2024-05-22}\n",
			[]Problem{{4, "阶段 审议 写了两次"}}},
		{"dates go backwards", "organizer: o\nphases:\n  - {name: 征求意见, start: 2024-05-06, end: 2024-05-20}\n  - {name: 结果公示, start: 2024-05-19}\n",
			[]Problem{{4, "开始于 2024-05-19，早于上一阶段 征求意见 结束的 2024-05-20"}}},
		{"end before start", "organizer: o\nphases:\n  - name: 征求意见\n    start: 2024-05-06\n    end: 2024-05-01\n",
			[]Problem{{5, "end 2024-05-01 早于 start 2024-05-06"}}},
		{"bad date", "organizer: o\nphases:\n  - {name: 征求意见, start: 5月6日}\n", []Problem{{3, "phases[0].start 应为日期"}}},
		{"Chinese date is fine", "organizer: o\nphases:\n  - {name: 征求意见, start: 2024年5月6日}\n", nil},
		{"missing start", "organizer: o\nphases:\n  - {name: 征求意见}\n", []Problem{{3, "缺少 start"}}},
		{"unknown phase key", "organizer: o\nphases:\n  - {name: 征求意见, start: 2024-05-06, ends: 2024-05-07}\n", []Problem{{3, "没有键 ends"}}},
		{"count not a number", head + "electorate: {basis: 户籍人口, count: 一千}\n", []Problem{{4, "electorate.count 应为不小于 0 的整数"}}},
		{"negative count", head + "electorate: {count: -3}\n", []Problem{{4, "electorate.count 应为不小于 0 的整数"}}},
		{"misspelt tally", head + "tallies: {agre: 612}\n", []Problem{{4, "没有键 agre"}, {4, "tallies 缺少 agree"}}},
		{"tally as float", head + "tallies: {agree: 61.2}\n", []Problem{{4, "tallies.agree 应为不小于 0 的整数"}}},
		{"threshold as percent", head + "rule: {threshold: 50}\n", []Problem{{4, "50% 应写 0.5"}}},
		{"threshold above 100", head + "rule: {threshold: 150}\n", []Problem{{4, "应在 0 到 1 之间"}}},
		{"rule without threshold", head + "rule: {of: votes}\n", []Problem{{4, "rule 缺少 threshold"}}},
		{"rule of unknown base", head + "rule: {threshold: 0.5, of: 户数}\n", []Problem{{4, "rule.of 应为 electorate"}}},
		{"strict not bool", head + "rule: {threshold: 0.5, strict: 是}\n", []Problem{{4, "rule.strict 应为 true 或 false"}}},
		{"outcome unknown", head + "outcome: 已通过\n", []Problem{{4, "outcome 应为 通过 或 未通过"}}},
		{"bad response", head + "comments:\n  - {opinion: 意见, response: 同意}\n", []Problem{{5, "response 应为 采纳"}}},
		{"not adopted needs reason", head + "comments:\n  - {opinion: 意见, response: 不予采纳}\n", []Problem{{5, "需要写 reason"}}},
		{"partly adopted needs reason", head + "comments:\n  - {opinion: 意见, response: 部分采纳}\n", []Problem{{5, "需要写 reason"}}},
		{"adopted needs no reason", head + "comments:\n  - {opinion: 意见, response: 采纳}\n", nil},
		{"comment without opinion", head + "comments:\n  - {response: 采纳}\n", []Problem{{5, "缺少 opinion"}}},
		{"comment not a mapping", head + "comments:\n  - 意见\n", []Problem{{5, "comments[0] 应为映射"}}},
		{"attachment without title", head + "attachments: [{url: /a}]\n", []Problem{{4, "attachments[0] 缺少 title"}}},
		{"sample not bool", head + "sample: 是\n", []Problem{{4, "sample 应为 true 或 false"}}},
		{"duplicate key", head + "electorate: {count: 3, count: 4}\n", []Problem{{4, "键 count 重复"}}},
		{"alias is followed", "organizer: &o 居委会\nsubject: *o\nphases: [{name: 征求意见, start: 2024-05-06}]\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := decode(t, tt.src)
			expectProblems(t, got, tt.want)
		})
	}
}

func TestDecodeNil(t *testing.T) {
	c, problems := Decode(nil)
	if c == nil || len(problems) != 1 || !strings.Contains(problems[0].Message, "front matter 为空") {
		t.Errorf("Decode(nil) = %v, %v", c, problems)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(seedYAML)
	f.Add("phases: [{name: 征求意见, start: 2024-05-06}]\ntallies: {agree: 1}\nrule: {threshold: 1, of: votes}\noutcome: 通过\n")
	f.Add("a: &x [*x]\n")
	f.Add("tallies: {agree: 0x7fffffff, disagree: 0x7fffffff}\nelectorate: {count: 1}\n")
	today := time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src string) {
		var n yamlNode
		if n.parse(src) != nil {
			return
		}
		c, _ := Decode(n.node)
		c.Check()
		c.Passes()
		c.Status(today)
		c.OpenForComment(today)
		c.BarSVG()
	})
}
