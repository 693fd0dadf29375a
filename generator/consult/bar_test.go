package consult

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestBarSVG(t *testing.T) {
	c, _ := decode(t, seedYAML)
	svg := string(c.BarSVG())
	for _, want := range []string{
		`role="img"`, `<title>`, `width="100%"`, `viewBox="0 0 360 48"`, `<ul class="legend">`, `同意 56.0%</li>`, `>50%</text>`,
		`同意 612 人（56.0%）`, `未表态 416 人（38.1%）`, `基数：户籍人口 1093 人`, `通过线：同意超过 50%（不少于 547 人）`, `按规则：通过`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("BarSVG lacks %q:\n%s", want, svg)
		}
	}
	for _, banned := range []string{"<script", "href", "http://www.w3.org/1999/xlink", "url("} {
		if strings.Contains(svg, banned) {
			t.Errorf("BarSVG contains %q", banned)
		}
	}
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Errorf("BarSVG is not well-formed XML: %v", err)
	}
	if n := strings.Count(svg, `fill="#1a7f37"`); n != 2 {
		t.Errorf("agree colour used %d times, want bar + legend", n)
	}
}

func TestBarSVGVotesAndEscaping(t *testing.T) {
	c := &Consultation{
		Electorate: Electorate{Basis: `<b>"户籍"</b>`, Count: 100},
		Rule:       Rule{Threshold: 2.0 / 3, Of: OfVotes, Strict: false},
		Tallies:    &Tallies{Agree: 10, Disagree: 5, Abstain: 0, Invalid: 2, NoResponse: 83},
	}
	svg := string(c.BarSVG())
	if !strings.Contains(svg, "无效 2 人（不计入有效票）") || !strings.Contains(svg, "同意达到 66.67%（不少于 10 人）") {
		t.Errorf("votes-based label wrong:\n%s", svg)
	}
	if strings.Contains(svg, "<b>") {
		t.Error("basis not escaped")
	}
	if (&Consultation{}).BarSVG() != "" {
		t.Error("no tallies should draw nothing")
	}
}
