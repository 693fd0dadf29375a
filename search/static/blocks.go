package static

import (
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// A long body is cut into blocks so a snippet needs one block, not the
// whole text: on the laws corpus a document record holds a whole law.
const (
	blockRunes = 1024 // a block ends at the first safe cut after this many runes
	longRunes  = 1536 // bodies longer than this are cut
)

// textBlock is one block of a long body.
type textBlock struct {
	rune int // index of its first rune in the body
	pos  int // token positions inside the block are > pos (see blockOffsets)
	hash []byte
	text string
}

// textAnalyzer is the analyzer package search registered for its text
// fields; the export analyses block boundaries with the very same one.
const textAnalyzer = "gongkai_cjk"

func newTextAnalyzer() (analysis.Analyzer, error) {
	a, err := registry.NewCache().AnalyzerNamed(textAnalyzer)
	if err != nil {
		return nil, fmt.Errorf("static: analyzer %s is not registered (is package search linked in?): %w", textAnalyzer, err)
	}
	return a, nil
}

// cutBlocks cuts a long body after a line break, 。 or 、 past every
// blockRunes runes. Those characters end every token and every run of Han
// characters, so analysing the blocks one by one gives the same tokens as
// analysing the whole body; only positions need an offset (blockOffsets).
// It returns nil when the body is short.
func cutBlocks(body string) []textBlock {
	if utf8.RuneCountInString(body) <= longRunes {
		return nil
	}
	var blocks []textBlock
	start, startRune, runes := 0, 0, 0
	for i, r := range body {
		runes++
		if runes-startRune < blockRunes || (r != '\n' && r != '。' && r != '、') {
			continue
		}
		end := i + utf8.RuneLen(r)
		if end == len(body) {
			break
		}
		blocks = append(blocks, textBlock{rune: startRune, text: body[start:end]})
		start, startRune = end, runes
	}
	blocks = append(blocks, textBlock{rune: startRune, text: body[start:]})
	if len(blocks) == 1 {
		return nil
	}
	return blocks
}

// blockOffsets sets each block's pos: the position offset that turns the
// positions of the block analysed alone into positions of the whole body,
// following search's bigram numbering (a run of Han characters after
// another one starts one position later). It returns the number of tokens
// of the whole body, which is bleve's field length.
func blockOffsets(a analysis.Analyzer, blocks []textBlock) int {
	last, tokens := 0, 0
	lastHan := false
	for i := range blocks {
		toks := a.Analyze([]byte(blocks[i].text))
		shift := last
		if len(toks) > 0 && lastHan && isHanToken(toks[0]) {
			shift++
		}
		blocks[i].pos = shift
		if len(toks) == 0 {
			continue
		}
		tokens += len(toks)
		for _, t := range toks {
			last = max(last, shift+t.Position)
		}
		lastHan = isHanToken(toks[len(toks)-1])
	}
	return tokens
}

// isHanToken: search's bigram step types every token of a Han run Single or
// Double; other tokens keep the tokenizer's types.
func isHanToken(t *analysis.Token) bool {
	return t.Type == analysis.Single || t.Type == analysis.Double
}

// blockOf is the block holding token position p.
func blockOf(blocks []textBlock, p int) int {
	k := 0
	for k+1 < len(blocks) && blocks[k+1].pos < p {
		k++
	}
	return k
}
