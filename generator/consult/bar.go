package consult

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

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
func (c *Consultation) BarSVG() template.HTML {
	t := c.Tallies
	base := c.base()
	if t == nil || base <= 0 {
		return ""
	}
	segs := []segment{
		{"同意", "人", barColors[0], t.Agree},
		{"不同意", "人", barColors[1], t.Disagree},
		{"弃权", "人", barColors[2], t.Abstain},
		{"无效", "人", barColors[3], t.Invalid},
		{"未表态", "人", barColors[4], t.NoResponse},
	}
	drawn := segs
	if c.Rule.Of == OfVotes {
		drawn = segs[:3] // invalid and no response are not part of the valid votes
	}
	scale := float64(base)
	if sum := sumOf(drawn); float64(sum) > scale {
		scale = float64(sum) // bad tallies (Check reports them) still fit the box
	}
	label := c.barLabel(segs, drawn)

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
			x, barTop, w, barHeight, s.color, html.EscapeString(c.segmentText(s)))
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
func (c *Consultation) barLabel(segs, drawn []segment) string {
	parts := make([]string, 0, len(segs))
	for i, s := range segs {
		if i < len(drawn) {
			parts = append(parts, c.segmentText(s))
		} else {
			parts = append(parts, fmt.Sprintf("%s %d %s（不计入有效票）", s.label, s.n, s.unit))
		}
	}
	need := "超过"
	if !c.Rule.Strict {
		need = "达到"
	}
	text := strings.Join(parts, "，") + fmt.Sprintf("；基数：%s %d 人", c.baseName(), c.base())
	if n, ok := c.MinAgree(); ok {
		text += fmt.Sprintf("；通过线：同意%s %s（不少于 %d 人）", need, formatPercent(c.Rule.Threshold*100), n)
	}
	if passed, decided := c.Passes(); decided {
		result := NotPassed
		if passed {
			result = Passed
		}
		text += "；按规则：" + result
	}
	return text
}

func (c *Consultation) segmentText(s segment) string {
	return fmt.Sprintf("%s %d %s（%s）", s.label, s.n, s.unit, formatShare(c.Percent(s.n)))
}

func sumOf(segs []segment) int {
	n := 0
	for _, s := range segs {
		n += s.n
	}
	return n
}
