package history

import (
	"slices"
)

// similarEnough is the bigram similarity above which a removed and an added paragraph are
// treated as one edited paragraph.
const similarEnough = 0.5

// pairWindow is how far ahead pairEdits looks for a partner; it keeps pairing linear in the
// size of a rewrite.
const pairWindow = 8

// pairEdits turns a run of removed and added paragraphs (between two unchanged ones) into
// blocks, pairing each removed paragraph with the added one it is most similar to when they
// are each other's best match within pairWindow, in order.
func pairEdits(removed, added []string) []Block {
	if len(removed) == 0 && len(added) == 0 {
		return nil
	}
	rp := make([][]uint64, len(removed))
	ap := make([][]uint64, len(added))
	profile := func(cache [][]uint64, texts []string, i int) []uint64 {
		if cache[i] == nil {
			cache[i] = bigrams(texts[i])
		}
		return cache[i]
	}
	sim := func(i, j int) float64 { return dice(profile(rp, removed, i), profile(ap, added, j)) }

	var blocks []Block
	i, j := 0, 0
	for i < len(removed) && j < len(added) {
		best, bestSim := -1, similarEnough
		for k := j; k < len(added) && k < j+pairWindow; k++ {
			if s := sim(i, k); s > bestSim {
				best, bestSim = k, s
			}
		}
		if best >= 0 {
			// A later removed paragraph that fits this added one better gets it instead.
			for l := i + 1; l < len(removed) && l < i+pairWindow; l++ {
				if sim(l, best) > bestSim {
					best = -1
					break
				}
			}
		}
		if best < 0 {
			blocks = append(blocks, removedBlock(removed[i]))
			i++
			continue
		}
		for ; j < best; j++ {
			blocks = append(blocks, addedBlock(added[j]))
		}
		blocks = append(blocks, Block{Kind: Changed, Old: removed[i], New: added[best], Spans: DiffText(removed[i], added[best])})
		i++
		j++
	}
	for ; i < len(removed); i++ {
		blocks = append(blocks, removedBlock(removed[i]))
	}
	for ; j < len(added); j++ {
		blocks = append(blocks, addedBlock(added[j]))
	}
	return blocks
}

func removedBlock(p string) Block { return Block{Kind: Removed, Old: p, Spans: []Span{{Delete, p}}} }
func addedBlock(p string) Block   { return Block{Kind: Added, New: p, Spans: []Span{{Insert, p}}} }

// bigrams returns the sorted character bigrams of s, with start and end markers so that a
// one-character paragraph still has a profile. Bigrams suit Chinese, which has no word breaks.
func bigrams(s string) []uint64 {
	const edge = 0x110000 // not a valid rune
	prev := uint64(edge)
	out := make([]uint64, 0, len(s)/2+1)
	for _, r := range s {
		out = append(out, prev<<32|uint64(r))
		prev = uint64(r)
	}
	out = append(out, prev<<32|edge)
	slices.Sort(out)
	return out
}

// dice is the Sørensen–Dice coefficient of two sorted multisets: 1 for equal, 0 for disjoint.
func dice(a, b []uint64) float64 {
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
