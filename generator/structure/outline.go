package structure

import "strings"

// Unit is one citable piece of a document: a chapter, an article, an item, an annex.
type Unit struct {
	// Anchor is unique within the page and derived from the numbering path, not from position,
	// so it survives edits elsewhere in the text: "第三条", "一-（二）", "附件1-第五条".
	Anchor string
	Kind   Kind
	N      int
	Sub    int // 之N of an inserted article
	Label  string
	Title  string // short title: the rest of the paragraph when short, else its lead clause
	Level  int    // heading level for Heading units and numbered headings, 0 for paragraphs
	Depth  int    // nesting depth in the outline, 0 at the top
	Parent int    // index of the parent in Outline.Units, -1 at the top
	Text   string // plain text of the unit up to the next unit, paragraphs separated by "\n"
}

// Outline is the numbered structure of one document in reading order.
type Outline struct {
	Units    []Unit
	Preamble string // text before the first unit
}

// FromParagraphs builds the outline of plain text already split into paragraphs, such as a
// converted .txt file with one paragraph per line.
func FromParagraphs(paragraphs []string) *Outline {
	b := NewBuilder()
	for _, p := range paragraphs {
		if strings.TrimFunc(p, isBlank) == "" {
			continue
		}
		if n, ok := Classify(p); ok {
			b.Numbered(n, p, 0)
		} else {
			b.Text(p)
		}
	}
	return b.Outline()
}

// Builder assembles an outline from blocks given in reading order.
type Builder struct {
	out   Outline
	stack []int           // indexes into out.Units, outermost first
	rank  []int           // rank of each stack entry
	used  map[string]bool // anchors given to units
	taken map[string]bool // ids held by other elements of the page
	text  []string        // blocks of the current unit (or the preamble), joined when it ends
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{used: map[string]bool{}, taken: map[string]bool{}}
}

// Reserve marks an id as taken by something else on the page, so no anchor repeats it.
func (b *Builder) Reserve(id string) {
	b.taken[id] = true
}

// Numbered starts a unit at a numbered paragraph or heading (level > 0) and returns its anchor.
func (b *Builder) Numbered(n Numbering, text string, level int) string {
	u := Unit{Kind: n.Kind, N: n.N, Sub: n.Sub, Label: n.Label, Title: shortTitle(n.Rest), Level: level}
	return b.push(u, rankOf(n.Kind, level), "", text)
}

// Heading starts a unit at a heading without numbering and returns its anchor. It keeps the
// heading's id when it has one, since other pages may already link to it, unless an earlier unit
// already holds that id.
func (b *Builder) Heading(level int, id, title string) string {
	u := Unit{Kind: Heading, Label: title, Title: shortTitle(title), Level: level}
	return b.push(u, rankOf(Heading, level), id, title)
}

// Text adds a block of plain text to the current unit, or to the preamble before the first unit.
func (b *Builder) Text(s string) {
	if s = strings.TrimFunc(s, isBlank); s != "" {
		b.text = append(b.text, s)
	}
}

// Outline returns the outline built so far.
func (b *Builder) Outline() *Outline {
	b.flushText()
	out := b.out
	out.Units = append([]Unit(nil), b.out.Units...)
	return &out
}

// flushText ends the current unit's text; joining once keeps long units linear to build.
func (b *Builder) flushText() {
	if len(b.text) == 0 {
		return
	}
	dst := &b.out.Preamble
	if len(b.out.Units) > 0 {
		dst = &b.out.Units[len(b.out.Units)-1].Text
	}
	if *dst != "" {
		*dst += "\n"
	}
	*dst += strings.Join(b.text, "\n")
	b.text = b.text[:0]
}

// rankOf orders units for nesting: a unit nests under the nearest preceding unit of lower rank.
// Headings rank by level above all numbering; an annex resets everything and sits at the top.
func rankOf(k Kind, level int) int {
	switch k {
	case Annex:
		return 0
	case Heading:
		return level
	case Box:
		return 10 + int(Article) // between 条 and 一、: boxes sit in a section and hold 1. items
	}
	return 10 + int(k)
}

func (b *Builder) push(u Unit, rank int, id, text string) string {
	b.flushText()
	if u.Kind == Annex {
		b.stack, b.rank = b.stack[:0], b.rank[:0]
	}
	for len(b.stack) > 0 && b.rank[len(b.rank)-1] >= rank {
		b.stack, b.rank = b.stack[:len(b.stack)-1], b.rank[:len(b.rank)-1]
	}
	u.Parent = -1
	if len(b.stack) > 0 {
		u.Parent = b.stack[len(b.stack)-1]
	}
	u.Depth = len(b.stack)
	if id != "" && !b.used[id] {
		u.Anchor = id
		b.used[id] = true
	} else if id != "" {
		u.Anchor = b.unique(id)
	} else {
		u.Anchor = b.unique(b.anchorFor(u))
	}
	b.out.Units = append(b.out.Units, u)
	b.stack = append(b.stack, len(b.out.Units)-1)
	b.rank = append(b.rank, rank)
	b.Text(text)
	return u.Anchor
}

func (b *Builder) unique(anchor string) string {
	candidate := anchor
	for n := 2; b.used[candidate] || b.taken[candidate]; n++ {
		candidate = anchor + "-" + itoa(n)
	}
	b.used[candidate] = true
	return candidate
}
