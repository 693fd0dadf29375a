package static

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestImpactOrder holds impactOrder to the plain definition: score every
// posting, sort best first with ties to the lower gid, keep impactCap.
func TestImpactOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	norms := normTable()
	var sc impactScratch
	for trial := range 400 {
		n := rng.IntN(300)
		if trial%10 == 0 {
			n = rng.IntN(5000)
		}
		spread := 1 + rng.IntN(40) // few distinct values make many ties
		ps := make([]posting, n)
		for i := range ps {
			ps[i] = posting{gid: int32(i), tf: int32(1 + rng.IntN(spread)), len: int32(1 + rng.IntN(spread)*rng.IntN(3))}
			if trial%7 == 0 {
				ps[i].len = 1 << 17 // beyond the norm table
			}
		}
		for _, impactCap := range []int{1, 2, 7, 32, 64, 2016, n, n + 1} {
			if impactCap <= 0 {
				continue
			}
			got := impactOrder(ps, impactCap, norms, &sc)
			want := plainImpactOrder(ps, impactCap)
			if !slices.Equal(got, want) {
				t.Fatalf("trial %d, %d postings, cap %d: order %v, want %v", trial, n, impactCap, got, want)
			}
		}
	}
	if got := impactOrder(make([]posting, 3), 0, norms, &sc); len(got) != 0 {
		t.Errorf("cap 0 keeps %v", got)
	}
}

func plainImpactOrder(ps []posting, impactCap int) []int {
	order := make([]int, len(ps))
	score := func(p posting) float64 { return math.Sqrt(float64(p.tf)) * float64(normOf(int(p.len))) }
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		va, vb := score(ps[a]), score(ps[b])
		switch {
		case va > vb:
			return -1
		case va < vb:
			return 1
		}
		return 0
	})
	return order[:min(len(order), impactCap)]
}

func TestKthSmallest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 2000 {
		n := 1 + rng.IntN(200)
		keys := make([]uint64, n)
		for i := range keys {
			keys[i] = uint64(rng.IntN(1 + trial%50))
		}
		if trial%5 == 0 {
			slices.Sort(keys) // sorted and reversed inputs
			if trial%10 == 0 {
				slices.Reverse(keys)
			}
		}
		sorted := slices.Clone(keys)
		slices.Sort(sorted)
		k := 1 + rng.IntN(n)
		if got, want := kthSmallest(keys, k), sorted[k-1]; got != want {
			t.Fatalf("kthSmallest of %d keys, k %d: %v, want %v", n, k, got, want)
		}
	}
}
