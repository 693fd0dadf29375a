package static

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/mapping"
)

// TestDecodePartsThroughSearch: the export reads parts with search's decoder
// (search/partsjson_test.go tests its fast path and what it refuses).
func TestDecodePartsThroughSearch(t *testing.T) {
	cases := [][]search.Part{
		{{Anchor: "a", Offset: 0}},
		{{Anchor: "第一条", Section: "第一章 总则 › 第一条", Offset: 0}, {Anchor: "第二条", Offset: 312}},
		{{Anchor: `q"uote\back/slash`, Section: "<&>\u2028\t\n\x01 😀", Offset: 7}},
	}
	for _, want := range cases {
		js, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := mapping.DecodeParts(string(js))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeParts(%s) = %+v, %v; want %+v", js, got, err, want)
		}
	}
}

// FuzzDecodeParts: whatever is stored, decoding parts and counting their
// offsets in runes never panics.
func FuzzDecodeParts(f *testing.F) {
	f.Add(`[{"a":"第一条","s":"第一章","o":0},{"a":"x","o":5}]`, "第一条规定。第二条")
	f.Add(`[{"a":"\ud83d\ude00","o":99}]`, "")
	f.Fuzz(func(t *testing.T, js, body string) {
		_, _ = decodeParts(js, body)
	})
}
