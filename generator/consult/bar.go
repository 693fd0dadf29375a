package consult

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// barWords are the words of the chart in one interface language; the electorate's basis
// (户籍人口) is content and stays as written.
type barWords struct {
	agree, disagree, abstain, invalid, noResponse, people string
	share, notCounted, sep, base, line, need, needOrMore  string
	minAgree, result, passed, notPassed                   string
}

var barZh = barWords{"同意", "不同意", "弃权", "无效", "未表态", "人",
	"%s %d %s（%s）", "%s %d %s（不计入有效票）", "，", "；基数：%s %d 人", "；通过线：同意%s %s", "超过", "达到",
	"（不少于 %d 人）", "；按规则：", Passed, NotPassed}

var barEn = barWords{"agree", "disagree", "abstain", "invalid", "no response", "people",
	"%s %d %s (%s)", "%s %d %s (not counted as valid votes)", ", ", "; base: %s %d people", "; threshold: agree %s %s", "more than", "at least",
	" (at least %d people)", "; under the rule: ", "passed", "not passed"}

// segment is one part of the tallies bar.
type segment struct {
	label, unit, color string
	n                  int
}

// Colours keep at least 4.5:1 against white, so each part stays visible
// next to the white gaps that separate it from its neighbours.
var barColors = [...]string{"#1a7f37", "#c62828", "#9a6700", "#6f42c1", "#6e7781"}

const (
	barWidth  = 360.0
	barTop    = 20.0
	barHeight = 22.0
	barBoxH   = 48.0
)

// BarSVG draws the tallies as a stacked bar of shares of the rule's base with
// the threshold as a vertical line, inline and without script, so it prints on
// a notice board and reads out on a screen reader (role="img", <title>,
// aria-label with every number), followed by its legend as an HTML list: text in
// the SVG scales with its width (9 px on a phone) and cannot wrap, so the
// legend, at the page's own size, wraps instead of being cut off at the right.
// It is empty while there are no tallies.
func (c *Consultation) BarSVG() template.HTML { return c.BarSVGIn("zh-CN") }

// BarSVGIn is BarSVG with the words of the interface language lang (zh-CN or en).
func (c *Consultation) BarSVGIn(lang string) template.HTML {
	words := barZh
	if lang == "en" {
		words = barEn
	}
	t := c.Tallies
	base := c.base()
	if t == nil || base <= 0 {
		return ""
	}
	segs := []segment{
		{words.agree, words.people, barColors[0], t.Agree},
		{words.disagree, words.people, barColors[1], t.Disagree},
		{words.abstain, words.people, barColors[2], t.Abstain},
		{words.invalid, words.people, barColors[3], t.Invalid},
		{words.noResponse, words.people, barColors[4], t.NoResponse},
	}
	drawn := segs
	if c.Rule.Of == OfVotes {
		drawn = segs[:3] // invalid and no response are not part of the valid votes
	}
	scale := float64(base)
	if sum := sumOf(drawn); float64(sum) > scale {
		scale = float64(sum) // bad tallies (Check reports them) still fit the box
	}
	label := c.barLabel(words, segs, drawn)

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="tally-bar" viewBox="0 0 %g %g" width="100%%" role="img" aria-label="%s">`, barWidth, barBoxH, html.EscapeString(label))
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect x="0.5" y="%g" width="%g" height="%g" fill="#fff" stroke="#24292f"/>`, barTop, barWidth-1, barHeight)
	x := 0.5
	for _, s := range drawn {
		w := float64(s.n) / scale * (barWidth - 1)
		if w <= 0 {
			continue
		}
		fmt.Fprintf(&b, `<rect x="%.2f" y="%g" width="%.2f" height="%g" fill="%s" stroke="#fff" stroke-width="0.75"><title>%s</title></rect>`,
			x, barTop, w, barHeight, s.color, html.EscapeString(c.segmentText(words, s)))
		x += w
	}
	c.writeThreshold(&b, scale)
	b.WriteString(`</svg>`)
	writeLegend(&b, drawn, c)
	return template.HTML(b.String())
}

// writeThreshold draws the line the agrees must pass, labelled like 50%.
func (c *Consultation) writeThreshold(b *strings.Builder, scale float64) {
	if c.Rule.Threshold <= 0 {
		return
	}
	x := 0.5 + c.Threshold()/scale*(barWidth-1)
	text := formatPercent(c.Rule.Threshold * 100)
	labelX := min(max(x, 20), barWidth-20)
	fmt.Fprintf(b, `<line x1="%.2f" y1="%g" x2="%.2f" y2="%g" stroke="#000" stroke-width="2"/>`, x, barTop-4, x, barTop+barHeight+4)
	fmt.Fprintf(b, `<text x="%.2f" y="14" font-size="13" text-anchor="middle" fill="#000">%s</text>`, labelX, html.EscapeString(text))
}

// writeLegend names each colour with its share; the swatches are SVG so that they print
// (browsers leave background colours out of printouts).
func writeLegend(b *strings.Builder, drawn []segment, c *Consultation) {
	b.WriteString(`<ul class="legend">`)
	for _, s := range drawn {
		fmt.Fprintf(b, `<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="%s"/></svg> %s</li>`,
			s.color, html.EscapeString(s.label+" "+formatShare(c.Percent(s.n))))
	}
	b.WriteString(`</ul>`)
}

// barLabel is the whole chart in words, e.g.
// 同意 612 人（56.0%），…；基数：户籍人口 1093 人；通过线：同意超过 50%（不少于 547 人）.
func (c *Consultation) barLabel(w barWords, segs, drawn []segment) string {
	parts := make([]string, 0, len(segs))
	for i, s := range segs {
		if i < len(drawn) {
			parts = append(parts, c.segmentText(w, s))
		} else {
			parts = append(parts, fmt.Sprintf(w.notCounted, s.label, s.n, s.unit))
		}
	}
	need := w.need
	if !c.Rule.Strict {
		need = w.needOrMore
	}
	base := c.baseName()
	if w == barEn && c.Electorate.Basis == "" {
		base = "voters"
		if c.Rule.Of == OfVotes {
			base = "valid votes"
		}
	}
	text := strings.Join(parts, w.sep) + fmt.Sprintf(w.base, base, c.base())
	if n, ok := c.MinAgree(); ok {
		text += fmt.Sprintf(w.line, need, formatPercent(c.Rule.Threshold*100)) + fmt.Sprintf(w.minAgree, n)
	}
	if passed, decided := c.Passes(); decided {
		result := w.notPassed
		if passed {
			result = w.passed
		}
		text += w.result + result
	}
	return text
}

func (c *Consultation) segmentText(w barWords, s segment) string {
	return fmt.Sprintf(w.share, s.label, s.n, s.unit, formatShare(c.Percent(s.n)))
}

func sumOf(segs []segment) int {
	n := 0
	for _, s := range segs {
		n += s.n
	}
	return n
}
