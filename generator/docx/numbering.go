package docx

import (
	"strconv"
	"strings"
)

// numbering turns Word's automatic numbering (w:numPr pointing into numbering.xml) into the label
// the reader saw, "一、" or "（一）" or "1.", by counting paragraphs per list (numId) and level.
type numbering struct {
	nums     map[string]*list         // numId → list definition
	abstract map[string]map[int]level // abstractNumId → levels
	counters map[string]*counter      // numId → running counters
}

type list struct {
	abstractID string
	overrides  map[int]level // lvlOverride: a replaced level or just a new start
}

type level struct {
	start   int
	format  string // w:numFmt: decimal, chineseCounting, ideographTraditional, bullet, none …
	text    string // w:lvlText: "%1、", "（%1）", "%1.%2"
	legal   bool   // w:isLgl: every level shown as decimal
	hasText bool
}

type counter struct {
	value [maxLevels]int
	set   [maxLevels]bool
}

const maxLevels = 9

func parseNumbering(root *node) *numbering {
	nb := &numbering{nums: map[string]*list{}, abstract: map[string]map[int]level{}, counters: map[string]*counter{}}
	if root == nil {
		return nb
	}
	for _, a := range root.children("abstractNum") {
		levels := map[int]level{}
		for _, l := range a.children("lvl") {
			if i, ok := levelIndex(l.attr("ilvl")); ok {
				levels[i] = readLevel(l)
			}
		}
		nb.abstract[a.attr("abstractNumId")] = levels
	}
	for _, n := range root.children("num") {
		l := &list{abstractID: n.val("abstractNumId"), overrides: map[int]level{}}
		for _, o := range n.children("lvlOverride") {
			i, ok := levelIndex(o.attr("ilvl"))
			if !ok {
				continue
			}
			base := nb.abstract[l.abstractID][i]
			if lv := o.child("lvl"); lv != nil {
				base = readLevel(lv)
			}
			if s := o.child("startOverride"); s != nil {
				base.start = atoiDefault(s.attr("val"), base.start)
			}
			l.overrides[i] = base
		}
		nb.nums[n.attr("numId")] = l
	}
	return nb
}

func readLevel(l *node) level {
	lv := level{start: atoiDefault(l.val("start"), 1), format: l.val("numFmt"), legal: l.on("isLgl")}
	if t := l.child("lvlText"); t != nil {
		lv.text, lv.hasText = t.attr("val"), true
	}
	if lv.format == "" {
		lv.format = "decimal"
	}
	return lv
}

// label advances the counter of list numID at level ilvl and returns the text Word shows in front
// of the paragraph, "" when the paragraph is not numbered.
func (nb *numbering) label(numID string, ilvl int) string {
	l := nb.nums[numID]
	if numID == "" || numID == "0" || l == nil || ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	lv, ok := nb.level(l, ilvl)
	if !ok {
		return ""
	}
	c := nb.counters[numID]
	if c == nil {
		c = &counter{}
		nb.counters[numID] = c
	}
	if c.set[ilvl] {
		c.value[ilvl]++
	} else {
		c.value[ilvl], c.set[ilvl] = lv.start, true
	}
	for deeper := ilvl + 1; deeper < maxLevels; deeper++ {
		c.set[deeper] = false
	}
	if !lv.hasText {
		return ""
	}
	return nb.expand(l, lv, c)
}

func (nb *numbering) level(l *list, i int) (level, bool) {
	if lv, ok := l.overrides[i]; ok {
		return lv, true
	}
	lv, ok := nb.abstract[l.abstractID][i]
	return lv, ok
}

// expand replaces %1 … %9 in the level text with the formatted counters of those levels.
func (nb *numbering) expand(l *list, lv level, c *counter) string {
	if lv.format == "bullet" {
		return bulletText(lv.text)
	}
	if lv.format == "none" {
		return strings.NewReplacer("%1", "", "%2", "", "%3", "", "%4", "", "%5", "", "%6", "", "%7", "", "%8", "", "%9", "").Replace(lv.text)
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 == len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		ref := int(text[i+1] - '1')
		i++
		refLevel, ok := nb.level(l, ref)
		if !ok {
			continue
		}
		value := refLevel.start
		if c.set[ref] {
			value = c.value[ref]
		}
		format := refLevel.format
		if lv.legal {
			format = "decimal"
		}
		if format == "none" || format == "bullet" {
			continue
		}
		b.WriteString(formatNumber(value, format))
	}
	return b.String()
}

// bulletText maps the Symbol and Wingdings private-use code points bullets are written with to
// visible characters.
func bulletText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xF000 && r <= 0xF0FF {
			switch r {
			case 0xF06E, 0xF0A7:
				r = '■'
			case 0xF075:
				r = '◆'
			case 0xF0D8:
				r = '➢'
			case 0xF0FC:
				r = '✓'
			default:
				r = '•'
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func levelIndex(s string) (int, bool) {
	i, err := strconv.Atoi(s)
	return i, err == nil && i >= 0 && i < maxLevels
}

func atoiDefault(s string, def int) int {
	if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && i >= 0 && i < 1_000_000 {
		return i
	}
	return def
}
