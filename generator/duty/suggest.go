package duty

import "sort"

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
			common := lcsLen(q, c)
			if common < min(2, len(q)) || 2*common < len(q) {
				continue
			}
			score := editDistance(q, c) - common
			if isSubsequence(q, c) || isSubsequence(c, q) {
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

// editDistance is the Levenshtein distance between two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// lcsLen is the length of the longest common subsequence.
func lcsLen(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isSubsequence reports whether the runes of a appear in b in order, as an abbreviation's do.
func isSubsequence(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}
