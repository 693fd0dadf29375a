package static

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortByGid(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var spare []uint64
	for trial := range 300 {
		n := rng.IntN(3000)
		span := max(n, 1+rng.IntN(1<<uint(8+trial%24)))
		seen := map[int]bool{} // gids are distinct in a list
		var keys []uint64
		for len(keys) < n {
			if g := rng.IntN(span); !seen[g] {
				seen[g] = true
				keys = append(keys, uint64(g)<<32|uint64(len(keys)))
			}
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		var got []uint64
		got, spare = sortByGid(keys, spare)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: %d keys sort wrong", trial, n)
		}
	}
}
