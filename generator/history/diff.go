package history

import (
	"strings"
	"unicode/utf8"
)

// Kind says what happened to a paragraph between two versions.
type Kind int

const (
	Same    Kind = iota // unchanged
	Added               // only in the new version
	Removed             // only in the old version
	Changed             // edited: Spans show the characters that changed
)

func (k Kind) String() string {
	switch k {
	case Same:
		return "same"
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	}
	return "unknown"
}

// Op is what a Span does to the text.
type Op int

const (
	Equal  Op = iota // in both versions
	Insert           // only in the new version
	Delete           // only in the old version
)

func (o Op) String() string {
	switch o {
	case Equal:
		return "equal"
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	}
	return "unknown"
}

// Span is a run of text with one Op.
type Span struct {
	Op   Op
	Text string
}

// Block is one paragraph (or table row, list item, heading) of the comparison.
//
// The Equal and Delete spans of a block concatenate to Old, the Equal and Insert spans to New.
// Old is empty for Added blocks, New for Removed ones.
type Block struct {
	Kind  Kind
	Old   string
	New   string
	Spans []Span
}

// Limits on the work of one Diff. Past them a paragraph is shown replaced whole rather than
// diffed character by character, and a rewritten document as removed and added paragraphs.
var (
	paragraphLimits = diffLimits{maxLen: 200_000, maxD: 2_000}
	runeLimits      = diffLimits{maxLen: 40_000, maxD: 1_000}
)

// Diff compares two versions of a Markdown document for a reader. It aligns paragraphs (blank
// line separated; each table row, list item and heading stands alone) with a Myers diff,
// pairs removed and added paragraphs that are similar enough to be edits of each other, and
// diffs those pairs character by character.
//
// Line endings are normalised to "\n", trailing spaces are dropped and invalid UTF-8 becomes
// U+FFFD, so Old and New of the blocks are the paragraphs of the normalised text.
func Diff(old, new string) []Block {
	a, b := paragraphs(old), paragraphs(new)
	ids := map[string]int{}
	intern := func(ps []string) []int {
		out := make([]int, len(ps))
		for i, p := range ps {
			id, ok := ids[p]
			if !ok {
				id = len(ids)
				ids[p] = id
			}
			out[i] = id
		}
		return out
	}
	steps := myers(intern(a), intern(b), paragraphLimits)

	var blocks []Block
	var removed, added []string
	flush := func() {
		blocks = append(blocks, pairEdits(removed, added)...)
		removed, added = removed[:0], added[:0]
	}
	i, j := 0, 0
	for _, s := range steps {
		switch s.op {
		case Equal:
			flush()
			for _, p := range a[i : i+s.n] {
				blocks = append(blocks, Block{Kind: Same, Old: p, New: p, Spans: []Span{{Equal, p}}})
			}
			i += s.n
			j += s.n
		case Delete:
			removed = append(removed, a[i:i+s.n]...)
			i += s.n
		case Insert:
			added = append(added, b[j:j+s.n]...)
			j += s.n
		}
	}
	flush()
	return blocks
}

// DiffText diffs two strings character by character, with the cleanup a reader needs: a
// single-character change stays a single-character change, and a rewritten phrase is shown as
// one deletion and one insertion rather than a scatter of coincidentally shared characters.
func DiffText(old, new string) []Span {
	old, new = strings.ToValidUTF8(old, "\uFFFD"), strings.ToValidUTF8(new, "\uFFFD")
	a, b := []rune(old), []rune(new)
	var spans []Span
	i, j := 0, 0
	for _, s := range myers(a, b, runeLimits) {
		switch s.op {
		case Equal:
			spans = append(spans, Span{Equal, string(a[i : i+s.n])})
			i += s.n
			j += s.n
		case Delete:
			spans = append(spans, Span{Delete, string(a[i : i+s.n])})
			i += s.n
		case Insert:
			spans = append(spans, Span{Insert, string(b[j : j+s.n])})
			j += s.n
		}
	}
	return cleanup(spans)
}

// runeCount is len in characters, the unit readers count edits in.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
