package static

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/gongkai/gongkai/search"
)

func TestParsePartsFast(t *testing.T) {
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
		got, ok := parsePartsFast(string(js))
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("parsePartsFast(%s) = %+v, %v; want %+v", js, got, ok, want)
		}
	}
	for _, bad := range []string{"", "[", "[{}]", `[{"a":1}]`, `[{"x":"y"}]`, `[{"a":"b"}`, `[{"a":"b"}] `, `{"a":"b"}`, `[{"a":"\u12"}]`, `[{"o":-1}]`} {
		if got, ok := parsePartsFast(bad); ok {
			t.Errorf("parsePartsFast(%q) accepted: %+v", bad, got)
		}
	}
}

// FuzzDecodeParts: whatever is stored, decoding parts neither panics nor
// disagrees with encoding/json on what it accepts.
func FuzzDecodeParts(f *testing.F) {
	f.Add(`[{"a":"第一条","s":"第一章","o":0},{"a":"x","o":5}]`, "第一条规定。第二条")
	f.Add(`[{"a":"\ud83d\ude00","o":99}]`, "")
	f.Fuzz(func(t *testing.T, js, body string) {
		ps, ok := parsePartsFast(js)
		var want []search.Part
		err := json.Unmarshal([]byte(js), &want)
		if ok && (err != nil || !reflect.DeepEqual(ps, want) && !(len(ps) == 0 && len(want) == 0)) {
			t.Fatalf("parsePartsFast(%q) = %+v, encoding/json %+v, %v", js, ps, want, err)
		}
		_, _ = decodeParts(js, body)
	})
}
