package consult

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// seedYAML is the consultation of seed 003 with sample tallies.
const seedYAML = `title: 关于调整长胜社区居民委员会、绿园社区居民委员会管辖范围的意见征求
type: consultation
date: 2024-05-10
subject: 调整长胜社区居民委员会、绿园社区居民委员会管辖范围
concerns: policies/2024-changsheng-guanxia
organizer: 长胜社区居民委员会
supervisors: [街道党工委, 长胜社区居务监督委员会]
channels: [入户走访, 社区公开栏, 居民微信群]
phases:
  - {name: 起草, start: 2024-04-01, end: 2024-04-30}
  - {name: 征求意见, start: 2024-05-06, end: 2024-05-20}
  - {name: 结果公示, start: 2024-05-21, end: 2024-05-27}
  - {name: 决定, start: 2024-06-03}
electorate: {basis: 户籍人口, count: 1093, exclusions: 未满18周岁的居民不计入表决}
rule: {threshold: 0.5, of: electorate, strict: true}
tallies: {agree: 612, disagree: 41, abstain: 18, invalid: 6, no_response: 416}
comments:
  - {opinion: 希望保留原办公地点的便民服务窗口, response: 采纳, reason: 原址设便民服务点}
  - {opinion: 调整后取暖费如何分担, response: 不予采纳, reason: 不属于本次调整事项}
outcome: 通过
attachments: [{title: 附件1 城市居民委员会组织法, url: /policies/changsheng#附件1}]
sample: true
`

func mustNode(t testing.TB, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("bad test YAML: %v", err)
	}
	return &doc
}

func decode(t testing.TB, src string) (*Consultation, []Problem) {
	t.Helper()
	return Decode(mustNode(t, src))
}

// expectProblems checks that got has exactly one problem per want entry, in
// order, each at the given line and containing the given text.
func expectProblems(t *testing.T, got []Problem, want []Problem) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d problems %v, want %d %v", len(got), got, len(want), want)
	}
	for i := range want {
		if got[i].Line != want[i].Line || !strings.Contains(got[i].Message, want[i].Message) {
			t.Errorf("problem %d = %v, want line %d containing %q", i, got[i], want[i].Line, want[i].Message)
		}
	}
}

// yamlNode parses fuzz input without failing the test on invalid YAML.
type yamlNode struct{ node *yaml.Node }

func (n *yamlNode) parse(src string) error {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return err
	}
	n.node = &doc
	return nil
}
