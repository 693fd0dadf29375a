package static

import (
	"math"
	"slices"
)

// impactScratch is what impactOrder reuses from list to list.
type impactScratch struct {
	all, top, tmp []scored
	keys          []uint64
	order         []int // what impactOrder returns
}

// scored is a posting's score as a key that sorts best first: the bits of
// a non-negative float64 order as the number does, so their complement
// orders it descending.
type scored struct {
	key uint64
	i   int
}

func scoreKey(v float64) uint64 { return ^math.Float64bits(v) }

// impactOrder lists the indexes of the (at most impactCap) postings that add
// most to a score, sqrt(tf)·norm computed as bleve does, best first; ties go
// to the lower gid. norms is normOf by length for the lengths it covers.
//
// For a list longer than impactCap it finds the impactCap-th best score by
// selection and keeps what beats it and, in gid order, what ties with it.
// A stable radix sort then orders the postings kept, which are in gid order.
func impactOrder(ps []posting, impactCap int, norms []float32, sc *impactScratch) []int {
	if impactCap <= 0 {
		return nil
	}
	all := sc.all[:0]
	for i, p := range ps {
		norm := normOf(int(p.len))
		if int(p.len) < len(norms) {
			norm = norms[p.len]
		}
		all = append(all, scored{scoreKey(math.Sqrt(float64(p.tf)) * float64(norm)), i})
	}
	sc.all = all
	top := all
	if len(all) > impactCap {
		keys := sc.keys[:0]
		for _, s := range all {
			keys = append(keys, s.key)
		}
		sc.keys = keys
		least := kthSmallest(keys, impactCap)
		top = sc.top[:0]
		for _, s := range all {
			if s.key < least {
				top = append(top, s)
			}
		}
		for _, s := range all {
			if len(top) == impactCap {
				break
			}
			if s.key == least {
				top = append(top, s)
			}
		}
		sc.top = top
	}
	var spare []scored
	top, spare = sortStable(top, sc.tmp)
	// Keep the three buffers apart: the sort may have swapped two of them.
	if len(all) > impactCap {
		sc.top, sc.tmp = top, spare
	} else {
		sc.all, sc.tmp = top, spare
	}
	order := slices.Grow(sc.order[:0], len(top))[:len(top)]
	sc.order = order
	for k, s := range top {
		order[k] = s.i
	}
	return order
}

// sortStable sorts s by key, keeping the order of equal keys: an LSD radix
// sort by bytes, skipping bytes every key shares. It returns the sorted
// keys, in s or in tmp (grown), and the other of the two.
func sortStable(s, tmp []scored) (sorted, spare []scored) {
	if len(s) < 48 {
		for i := 1; i < len(s); i++ {
			for j := i; j > 0 && s[j-1].key > s[j].key; j-- {
				s[j-1], s[j] = s[j], s[j-1]
			}
		}
		return s, tmp
	}
	var counts [8][256]int
	for _, x := range s {
		for b := range 8 {
			counts[b][byte(x.key>>(8*b))]++
		}
	}
	tmp = slices.Grow(tmp[:0], len(s))[:len(s)]
	for b := range 8 {
		c := &counts[b]
		if c[byte(s[0].key>>(8*b))] == len(s) {
			continue // every key has this byte
		}
		at := 0
		for d := range c {
			at, c[d] = at+c[d], at
		}
		for _, x := range s {
			d := byte(x.key >> (8 * b))
			tmp[c[d]] = x
			c[d]++
		}
		s, tmp = tmp, s
	}
	return s, tmp
}

// kthSmallest is the k-th smallest of keys (1 ≤ k ≤ len(keys)), found by
// quickselect, which reorders keys.
func kthSmallest(keys []uint64, k int) uint64 {
	target := k - 1 // its index in ascending order
	lo, hi := 0, len(keys)-1
	for rounds := 0; lo < hi; rounds++ {
		if rounds == 64 { // a pathological pivot sequence: sort the rest
			slices.Sort(keys[lo : hi+1])
			break
		}
		a, b, c := keys[lo], keys[lo+(hi-lo)/2], keys[hi]
		pivot := max(min(a, b), min(max(a, b), c)) // median of three
		i, j := lo, hi
		for i <= j {
			for keys[i] < pivot {
				i++
			}
			for keys[j] > pivot {
				j--
			}
			if i <= j {
				keys[i], keys[j] = keys[j], keys[i]
				i++
				j--
			}
		}
		switch {
		case target <= j:
			hi = j
		case target >= i:
			lo = i
		default:
			return keys[target] // between j and i every key equals pivot
		}
	}
	return keys[target]
}
