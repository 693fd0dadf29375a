package textdist

import "testing"

func TestDistances(t *testing.T) {
	for _, tt := range []struct {
		a, b                  string
		lev, common, nearness int
		sub                   bool
	}{
		{"", "", 0, 0, 0, true},
		{"abc", "abc", 0, 3, -3, true},
		{"doc_numbr", "doc_number", 1, 9, -8, true},
		{"市发改委", "市发展改革委", 2, 4, -2, true},
		{"第三条", "第三十条", 1, 3, -2, true},
		{"第三条", "第一条", 1, 2, -1, false},
		{"abc", "", 3, 0, 3, false},
	} {
		a, b := []rune(tt.a), []rune(tt.b)
		if got := Levenshtein(a, b); got != tt.lev {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.lev)
		}
		if got := CommonRunes(a, b); got != tt.common {
			t.Errorf("CommonRunes(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.common)
		}
		if got := Nearness(a, b); got != tt.nearness {
			t.Errorf("Nearness(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.nearness)
		}
		if got := IsSubsequence(a, b); got != tt.sub {
			t.Errorf("IsSubsequence(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.sub)
		}
	}
}
