package duty

import (
	"sort"

	"github.com/gongkai/gongkai/internal/textdist"
)

// Suggest lists up to n registered names nearest to an unresolved one, for "did you mean" hints:
// 市发改委 → 市发展改革委. Nearness is the edit distance in runes minus the runes the two share in
// order, with a bonus when one is an abbreviation of the other (its runes appear in order in the
// other). Names sharing less than half of the query are not suggested.
func (r *Registry) Suggest(name string, n int) []string {
	if r == nil || n <= 0 {
		return nil
	}
	q := []rune(nameKey(name))
	if len(q) == 0 {
		return nil
	}
	type candidate struct {
		name  string
		score int
	}
	var cands []candidate
	for _, d := range r.deps {
		best, found := 0, false
		for _, s := range append([]string{d.Name}, d.Aliases...) {
			c := []rune(nameKey(s))
			common := textdist.CommonRunes(q, c)
			if common < min(2, len(q)) || 2*common < len(q) {
				continue
			}
			score := textdist.Levenshtein(q, c) - common
			if textdist.IsSubsequence(q, c) || textdist.IsSubsequence(c, q) {
				score -= 2
			}
			if !found || score < best {
				best, found = score, true
			}
		}
		if found {
			cands = append(cands, candidate{d.Name, best})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].name < cands[j].name
	})
	out := make([]string, 0, min(n, len(cands)))
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, c.name)
	}
	return out
}
