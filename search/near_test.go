package search

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestNearSlots runs the table search.js's nearSlots is tested against too
// (search/static/js_test/query.test.mjs).
func TestNearSlots(t *testing.T) {
	b, err := os.ReadFile("static/testdata/near_slots.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string][][]string
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for text, want := range cases {
		var got [][]string
		for _, slots := range nearSlots(text) {
			var flat []string
			for _, s := range slots {
				flat = append(flat, s[0])
			}
			got = append(got, flat)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || len(got) != len(want) {
			t.Errorf("nearSlots(%s) = %q, want %q", text, got, want)
		}
	}
}
