package search

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSegmentsSearchTheSame writes one set of records as one segment a
// shard and, under a memory budget too small for it, as several: every
// search must give the same totals, hits, scores and facets.
func TestSegmentsSearchTheSame(t *testing.T) {
	records := collidingRecords(rand.New(rand.NewPCG(19, 1)), 300, "")
	whole := buildIndex(t, Options{Shards: 2, MemoryBudget: -1}, records...)
	splitDir := writeIndex(t, Options{Shards: 2, MemoryBudget: 48 << 10}, records...)
	for _, shard := range []string{"shard-0", "shard-1"} {
		segs, _ := filepath.Glob(filepath.Join(splitDir, shard, "store", "*.zap"))
		if len(segs) < 3 {
			t.Fatalf("%s written as %d segments; the budget should split it in more", shard, len(segs))
		}
	}
	split, err := Open(splitDir)
	if err != nil {
		t.Fatal(err)
	}
	defer split.Close()
	for _, req := range collidingRequests(rand.New(rand.NewPCG(19, 2)), 40) {
		want, wantErr := whole.Search(context.Background(), req)
		got, err := split.Search(context.Background(), req)
		if err != nil || wantErr != nil {
			if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
				t.Fatalf("%+v: several segments give error %v, one gives %v", req, err, wantErr)
			}
			continue
		}
		want.Took, got.Took = 0, 0
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v: several segments give\n%+v\none gives\n%+v", req, got, want)
		}
	}
}
