package search

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// preparedAnalyzer lets analysis run in Writer.Add's goroutine instead of
// inside bleve's segment builder, which analyses a whole batch serially
// under its lock. Add calls Prepare with the text; when the builder later
// asks for the same text, the prepared tokens are handed over. Unprepared
// text (and everything at query time) is analysed on the spot.
type preparedAnalyzer struct {
	chain analysis.Analyzer
	mu    sync.Mutex
	ready map[string]*preparedTokens
}

type preparedTokens struct {
	tokens analysis.TokenStream
	uses   int // Prepare calls not yet matched by Analyze
}

func newPreparedAnalyzer(chain analysis.Analyzer) *preparedAnalyzer {
	return &preparedAnalyzer{chain: chain, ready: map[string]*preparedTokens{}}
}

// Prepare analyses text now, for one later Analyze of the same text.
func (a *preparedAnalyzer) Prepare(text string) {
	if text == "" {
		return
	}
	tokens := a.chain.Analyze([]byte(text))
	a.mu.Lock()
	defer a.mu.Unlock()
	p := a.ready[text]
	if p == nil {
		p = &preparedTokens{tokens: tokens}
		a.ready[text] = p
	}
	p.uses++
}

// Analyze implements analysis.Analyzer.
func (a *preparedAnalyzer) Analyze(input []byte) analysis.TokenStream {
	a.mu.Lock()
	if p, ok := a.ready[string(input)]; ok {
		p.uses--
		if p.uses == 0 {
			delete(a.ready, string(input))
		}
		a.mu.Unlock()
		return p.tokens
	}
	a.mu.Unlock()
	return a.chain.Analyze(input)
}

// pending reports how many prepared texts are still waiting, for tests.
func (a *preparedAnalyzer) pending() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.ready)
}
