package searcher

import (
	"strings"
	"testing"
)

func TestBestApart(t *testing.T) {
	for _, tt := range []struct {
		w    []int64
		want string
	}{
		{nil, ""},
		{[]int64{5}, "x"},
		{[]int64{-5}, "-"},
		{[]int64{0, 3, 5, 3, 0}, "-x-x-"},
		{[]int64{0, 3, 7, 3, 0}, "--x--"},
		{[]int64{0, 3, 1, 3, 0}, "-x-x-"},
		{[]int64{0, 2280, 3916, 1585, 2274, 0}, "--x-x-"},
		{[]int64{0, -1, 7, -1, 0}, "--x--"},
		{[]int64{4, 4, 4, 4}, "-x-x"},
	} {
		if got := marks(bestApart(tt.w)); got != tt.want {
			t.Errorf("bestApart(%v) = %s, want %s", tt.w, got, tt.want)
		}
	}
}

func TestImpliedSlots(t *testing.T) {
	for _, tt := range []struct {
		slots [][]string
		want  string
	}{
		{[][]string{{"中华"}, {"华人"}, {"人民"}}, "-x-"},
		{[][]string{{"中华"}, {"华人"}, {"人民"}, {"民共"}, {"共和"}, {"和国"}}, "-xxxx-"},
		{[][]string{{"中华"}, {"华人"}}, "--"},
		{[][]string{{"中华"}, {"人民"}, {"民共"}}, "---"},                             // not overlapping
		{[][]string{{"中华"}, {""}, {"人民"}}, "---"},                               // a gap
		{[][]string{{"第", "第|"}, {"1"}, {"条", "|条"}}, "---"},                    // not bigrams
		{[][]string{{"abc"}, {"cd"}, {"de"}}, "---"},                            // not Han
		{[][]string{{"中华"}, {"华人", "华民"}, {"人民"}}, "---"},                       // alternatives
		{[][]string{{"中", "中|"}, {"中华"}, {"华人"}, {"人民"}, {"民", "|民"}}, "--x--"}, // lone characters at the ends
		{[][]string{{"中华"}, {"华人"}, {"人民"}, {"民共"}}, "-xx-"},
	} {
		if got := marks(impliedSlots(tt.slots)); got != tt.want {
			t.Errorf("impliedSlots(%v) = %s, want %s", tt.slots, got, tt.want)
		}
	}
}

// marks writes x for each true and - for each false.
func marks(bs []bool) string {
	var b strings.Builder
	for _, x := range bs {
		if x {
			b.WriteByte('x')
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
