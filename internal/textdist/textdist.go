// Package textdist measures how far apart two short strings are, in runes, for "did you mean"
// hints: misspelt front matter keys, department names, link targets. One copy of each distance,
// so that every hint in the product judges nearness the same way.
package textdist

// Levenshtein is the number of runes inserted, deleted or replaced to turn a into b.
func Levenshtein(a, b []rune) int {
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

// CommonRunes is the length of the longest common subsequence of a and b: the runes they
// share in order.
func CommonRunes(a, b []rune) int {
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

// Nearness scores how near b is to a for suggestions, lower is nearer: the edit distance less
// the runes they share in order, so that 第三条 is nearer 第三十条 than 第一条 and 市发改委 nearer
// 市发展改革委 than 市财政局.
func Nearness(a, b []rune) int { return Levenshtein(a, b) - CommonRunes(a, b) }

// IsSubsequence reports whether the runes of a appear in b in order, as an abbreviation's do.
func IsSubsequence(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}
