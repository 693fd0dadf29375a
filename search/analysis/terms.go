package analysis

import (
	"strings"

	banalysis "github.com/blevesearch/bleve/v2/analysis"
)

// phraseUnits analyses a query term up to the bigram step.
func phraseUnits(s string) (banalysis.TokenStream, []unit) {
	toks := baseTokens([]byte(s))
	return toks, splitUnits(toks)
}

// HasSearchable reports whether s has any token to search for.
func HasSearchable(s string) bool {
	return len(baseTokens([]byte(s))) > 0
}

// phraseSlots turns a term's units into the terms expected at consecutive
// positions of the index (see bigrams): bigrams for Han runs, "" for the
// gap between two Han runs, and for a lone Han character at the start or end
// of the phrase also its run-edge marker, because in the text it may end or
// start a longer run. single is set when the whole term is one Han
// character, which only the chars field can answer.
func phraseSlots(toks banalysis.TokenStream, units []unit) (slots [][]string, single string) {
	if len(units) == 1 && units[0].han && units[0].to-units[0].from == 1 {
		return nil, string(toks[units[0].from].Term)
	}
	prevHan := false
	for i, u := range units {
		if !u.han {
			slots = append(slots, []string{string(toks[u.from].Term)})
			prevHan = false
			continue
		}
		if prevHan {
			slots = append(slots, []string{""})
		}
		prevHan = true
		t := toks[u.from:u.to]
		if len(t) == 1 {
			c := t[0].Term
			alts := []string{string(c)}
			if i == 0 {
				alts = append(alts, string(TailTerm(c)))
			}
			if i == len(units)-1 {
				alts = append(alts, string(headTerm(c)))
			}
			slots = append(slots, alts)
			continue
		}
		for j := 0; j+1 < len(t); j++ {
			slots = append(slots, []string{string(t[j].Term) + string(t[j+1].Term)})
		}
	}
	return slots, ""
}

// Canonical is the form terms and synonyms are compared in.
func Canonical(s string) string {
	return strings.ToLower(NormalizeText(strings.TrimSpace(s)))
}

// PhraseSlots analyses a query term into the terms expected at consecutive
// positions of the text fields (phraseSlots), or, when the term is one Han
// character, that character alone (single), which only the chars field
// answers. Both are empty when the term has nothing to search for.
func PhraseSlots(term string) (slots [][]string, single string) {
	toks, units := phraseUnits(term)
	if len(units) == 0 {
		return nil, ""
	}
	return phraseSlots(toks, units)
}
