package analysis

import (
	"encoding/json"
	"os"
	"testing"
)

// TestTitleKey runs the table search.js's titleKey is tested against too
// (search/static/js_test/query.test.mjs reads the same file).
func TestTitleKey(t *testing.T) {
	b, err := os.ReadFile("testdata/title_keys.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases [][2]string
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if got := TitleKey(c[0]); got != c[1] {
			t.Errorf("TitleKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
