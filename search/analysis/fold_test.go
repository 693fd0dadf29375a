package analysis

import "testing"

// TestCommonHan checks the fast path of NewFoldedText against the Unicode tables.
func TestCommonHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		f, ok := foldSignificant(r)
		if !isCommonHan(r) || !ok || f != r || !IsHan(r) {
			t.Fatalf("U+%04X: isCommonHan %v, foldSignificant %U %v, isHan %v", r, isCommonHan(r), f, ok, IsHan(r))
		}
	}
	for _, r := range []rune{0x4DFF, 0xA000, 'a', '〇', '，'} {
		if isCommonHan(r) {
			t.Errorf("isCommonHan(%U) = true", r)
		}
	}
}
