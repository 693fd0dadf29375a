package collect

import (
	"sort"
	"testing"
)

func TestBagScore(t *testing.T) {
	for _, c := range []struct {
		scores []float64
		want   float64
		ok     bool
	}{
		{[]float64{1, 1, 1}, 3, true},              // |B| 3, need 2
		{[]float64{1, 0, 1}, 2 * 2.0 / 3, true},    // two of three
		{[]float64{0, 0, 1}, 0, false},             // one of three
		{[]float64{1, 1, 1, 1, 0, 0, 0}, 0, false}, // 村民委员会组识法 needs 5 of 7
		{[]float64{1, 1, 1, 1, 1, 0, 0}, 5 * 5.0 / 7, true},
		{nil, 0, false},
	} {
		got, ok := bagScore(c.scores)
		if ok != c.ok || got != c.want {
			t.Errorf("bagScore(%v) = %v, %v; want %v, %v", c.scores, got, ok, c.want, c.ok)
		}
	}
	for b, want := range map[int]int{1: 1, 2: 2, 3: 2, 4: 3, 6: 4, 7: 5} {
		if got := bagNeed(b); got != want {
			t.Errorf("bagNeed(%d) = %d, want %d", b, got, want)
		}
	}
}

func TestFramedSum(t *testing.T) {
	has := func(bits ...int) func(int) bool {
		return func(g int) bool {
			for _, b := range bits {
				if b == g {
					return true
				}
			}
			return false
		}
	}
	d0 := []float64{0.5, 0}
	if s, ok := framedSum([]float64{0, 0.25}, d0, 2, has(1), has(0)); !ok || s != 0.75 {
		t.Errorf("article with the title's word: %v, %v", s, ok)
	}
	if _, ok := framedSum([]float64{0, 0.25}, nil, 2, has(1), has()); ok {
		t.Error("a group in neither the record nor the document record counts")
	}
	if s, ok := framedSum([]float64{1, 2}, d0, 2, has(0, 1), has(0)); !ok || s != 3 {
		t.Errorf("the record's own score when higher than the frame's: %v", s)
	}
	// 村民委员会怎么罢免: the article names 村民委员会 in its body (0.25), the
	// title does so with more weight (0.5): the frame's score counts.
	if s, ok := framedSum([]float64{0.25, 0.125}, d0, 2, has(0, 1), has(0)); !ok || s != 0.625 {
		t.Errorf("the frame's score when higher than the record's own: %v", s)
	}
}

func TestDocAndPartOrder(t *testing.T) {
	docs := []docRank{
		{score: 1, url: "/b/"}, {score: 1, url: "/a/"}, {score: 2, url: "/c/"}, {articles: 1, score: 0.1, url: "/d/"},
		{score: 3, url: "/e/", dated: true, date: 5}, {score: 1, url: "/f/", dated: true, date: 7},
		{titled: true, score: 0.05, url: "/g/", dated: true, date: 6}, {titled: true, articles: 1, score: 0.01, url: "/h/"},
	}
	order := func(o string) []string {
		ds := append([]docRank(nil), docs...)
		less := docLess(o)
		sort.Slice(ds, func(i, j int) bool { return less(&ds[i], &ds[j]) })
		var out []string
		for _, d := range ds {
			out = append(out, d.url)
		}
		return out
	}
	for o, want := range map[string]string{
		"":      "/h/ /g/ /d/ /e/ /c/ /a/ /b/ /f/",
		"-date": "/f/ /g/ /e/ /h/ /d/ /c/ /a/ /b/",
		"date":  "/e/ /g/ /f/ /h/ /d/ /c/ /a/ /b/",
	} {
		if got := order(o); join(got) != want {
			t.Errorf("order %q = %v, want %s", o, got, want)
		}
	}
	parts := []partRank{
		{article: -1, groups: 1, sum: 5, id: "a"}, {article: -1, groups: 2, sum: 1, id: "b"},
		{article: 1, groups: 0, id: "c"}, {article: 0, groups: 0, id: "d"}, {article: -1, groups: 2, sum: 1, id: "0"},
	}
	sort.Slice(parts, func(i, j int) bool { return partLess(&parts[i], &parts[j]) })
	var got []string
	for _, p := range parts {
		got = append(got, p.id)
	}
	if join(got) != "d c 0 b a" {
		t.Errorf("parts %v", got)
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

func TestSortTop(t *testing.T) {
	var ds []docRef
	for i := range 200 {
		ds = append(ds, docRef{docRank: docRank{score: float64((i * 37) % 101), url: string(rune('a' + i%26))}})
	}
	less := docLess("")
	want := append([]docRef(nil), ds...)
	sort.Slice(want, func(i, j int) bool { return less(&want[i].docRank, &want[j].docRank) })
	for _, k := range []int{1, 10, 49, 50, 51, 200} {
		got := append([]docRef(nil), ds...)
		sortTop(got, k, less)
		for i := range k {
			if got[i].docRank != want[i].docRank {
				t.Fatalf("k=%d: %d is %+v, want %+v", k, i, got[i].docRank, want[i].docRank)
			}
		}
	}
}
