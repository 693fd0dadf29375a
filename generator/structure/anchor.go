package structure

import (
	"strconv"
	"strings"
	"unicode"
)

// anchorFor derives a unit's anchor from its numbering path. Articles and boxes are unique in a
// document (or in its annex), so they stand alone; chapters, sections and items carry the path
// of the units they sit in ("第一章-第二节", "一-（二）-3", "第三条-（一）"). Everything inside
// 附件N is prefixed "附件N-".
func (b *Builder) anchorFor(u Unit) string {
	own := key(u)
	switch u.Kind {
	case Annex:
		return own
	case Article, Box, Heading:
		return b.annexPrefix(u.Parent) + own
	}
	if p := b.nearestNumbered(u.Parent); p >= 0 {
		return b.out.Units[p].Anchor + "-" + own
	}
	return own
}

// nearestNumbered skips headings: a Markdown heading is not part of a numbering path.
func (b *Builder) nearestNumbered(i int) int {
	for i >= 0 && b.out.Units[i].Kind == Heading {
		i = b.out.Units[i].Parent
	}
	return i
}

func (b *Builder) annexPrefix(i int) string {
	for ; i >= 0; i = b.out.Units[i].Parent {
		if b.out.Units[i].Kind == Annex {
			return b.out.Units[i].Anchor + "-"
		}
	}
	return ""
}

// key is the unit's own part of an anchor, written canonically so that "(一)" and "（一）", or
// "第3条" and "第三条", give the same anchor.
func key(u Unit) string {
	switch u.Kind {
	case Part, Chapter, Section, Article:
		return ordinalLabel(u)
	case Item1:
		return formatChinese(u.N)
	case Item2:
		return "（" + formatChinese(u.N) + "）"
	case Item3:
		return itoa(u.N)
	case Item4:
		return "（" + itoa(u.N) + "）"
	case Annex:
		if u.N > 0 {
			return "附件" + itoa(u.N)
		}
		return "附件" // a lone annex; its title may change, its place as 附件 does not
	case Box:
		if u.N > 0 {
			return "专栏" + itoa(u.N)
		}
		if s := slug(u.Title); s != "" {
			return "专栏-" + s // unnumbered boxes are told apart by their titles
		}
		return "专栏"
	}
	if s := slug(u.Title); s != "" {
		return s
	}
	return "标题"
}

func ordinalLabel(u Unit) string {
	s := "第" + formatChinese(u.N) + kindNames[u.Kind]
	if u.Sub > 0 {
		s += "之" + formatChinese(u.Sub)
	}
	return s
}

// slug keeps letters, digits and full-width brackets, turning other runs into "-", and caps the
// length so a long box title does not make an unwieldy URL.
func slug(s string) string {
	var b strings.Builder
	dash, count := false, 0
	for _, r := range s {
		if count >= 24 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '（' || r == '）' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			count++
			continue
		}
		dash = true
	}
	return b.String()
}

// shortTitle is the rest of a numbered paragraph when it is short, else its lead clause.
func shortTitle(rest string) string {
	const max = 30
	s := strings.TrimFunc(rest, isBlank)
	if !strings.Contains(s, "。") && fitsRunes(s, max) {
		return trimTitlePunct(s)
	}
	if i := strings.IndexAny(s, "。；;！？!?"); i >= 0 {
		s = s[:i]
	}
	if !fitsRunes(s, max) {
		if i := strings.IndexAny(s, "，,：:"); i > 0 {
			s = s[:i]
		}
	}
	if !fitsRunes(s, max) {
		return firstRunes(s, max) + "…"
	}
	return trimTitlePunct(s)
}

// fitsRunes reports whether s has at most n runes, without counting a long paragraph to the end.
func fitsRunes(s string, n int) bool {
	for range s {
		if n == 0 {
			return false
		}
		n--
	}
	return true
}

// firstRunes is the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func trimTitlePunct(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return isBlank(r) || strings.ContainsRune("：:。，,、；;", r)
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
