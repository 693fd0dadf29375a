package static

import (
	"math/rand/v2"
	"testing"
)

// TestBlockOf holds blockOf to its definition on starts of every spacing:
// the last block starting before p, or the first.
func TestBlockOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 2000 {
		starts := make([]int32, rng.IntN(40))
		at := int32(rng.IntN(3))
		for i := range starts {
			starts[i] = at
			at += int32(rng.IntN(1 + []int{2, 30, 130, 400}[trial%4]))
		}
		for p := -2; p < int(at)+3; p++ {
			want := 0
			for k := 1; k < len(starts); k++ {
				if int(starts[k]) < p {
					want = k
				}
			}
			if got := blockOf(starts, p); got != want {
				t.Fatalf("blockOf(%v, %d) = %d, want %d", starts, p, got, want)
			}
		}
	}
}
