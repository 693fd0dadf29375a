package collect

import (
	"testing"

	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// withoutNear copies what it changes: one plan serves every site of a unified search at once.
func TestWithoutNearCopies(t *testing.T) {
	near := []bquery.Query{bquery.NewMatchNoneQuery()}
	plan := &Plan{Groups: []GroupPlan{
		{Bags: []BagPlan{{Near: near}, {Near: near}}},
		{Bags: []BagPlan{{Near: near}}},
	}}
	if got := withoutNear(plan, []bool{false, false, false}); got != plan {
		t.Error("nothing found: want the plan itself")
	}
	got := withoutNear(plan, []bool{false, true, false})
	if got == plan || got.Groups[0].Bags[1].Near != nil || got.Groups[0].Bags[0].Near == nil || got.Groups[1].Bags[0].Near == nil {
		t.Errorf("found term 1: got %+v", got)
	}
	for g := range plan.Groups {
		for b := range plan.Groups[g].Bags {
			if plan.Groups[g].Bags[b].Near == nil {
				t.Errorf("the plan given was changed at group %d bag %d", g, b)
			}
		}
	}
}
