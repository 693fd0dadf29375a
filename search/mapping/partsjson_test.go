package mapping

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDecodeParts(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []Part
		fast bool // read without encoding/json
		err  bool
	}{
		{in: `[]`, want: []Part{}, fast: true},
		{in: `[{"a":"p1","o":0}]`, want: []Part{{Anchor: "p1"}}, fast: true},
		{in: `[{"a":"第一条","s":"第一章 总则","o":0},{"a":"第二条","o":120}]`,
			want: []Part{{Anchor: "第一条", Section: "第一章 总则"}, {Anchor: "第二条", Offset: 120}}, fast: true},
		{in: `[{"a":"a\"b\\c\u003c\n","s":"\u2028x","o":-5}]`,
			want: []Part{{Anchor: "a\"b\\c<\n", Section: "\u2028x", Offset: -5}}, fast: true},
		// Other shapes are valid JSON all the same.
		{in: ` [ {"o":3, "a":"x"} ] `, want: []Part{{Anchor: "x", Offset: 3}}},
		{in: `[{"a":"x","o":3,"extra":1}]`, want: []Part{{Anchor: "x", Offset: 3}}},
		{in: `[{"a":"x\/y","o":3}]`, want: []Part{{Anchor: "x/y", Offset: 3}}},
		{in: `[{"a":"\ud83d\ude00","o":1}]`, want: []Part{{Anchor: "😀", Offset: 1}}},
		{in: "[{\"a\":\"\xff\",\"o\":1}]", want: []Part{{Anchor: "\ufffd", Offset: 1}}},
		{in: `null`},
		// Not parts at all.
		{in: `[{"a":"x","o":01}]`, err: true},
		{in: `[{"a":"x","o":1}`, err: true},
		{in: `[{"a":"x","o":1}]]`, err: true},
		{in: `{`, err: true},
		{in: ``, err: true},
	} {
		got, err := DecodeParts(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("DecodeParts(%q) error %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if !tt.err && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("DecodeParts(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
		if _, ok := scanParts(tt.in); ok != tt.fast {
			t.Errorf("scanParts(%q) ok = %v, want %v", tt.in, ok, tt.fast)
		}
	}
}

// FuzzDecodeParts checks the fast reader against encoding/json.
func FuzzDecodeParts(f *testing.F) {
	for _, s := range []string{`[]`, `[{"a":"p1","s":"第一章","o":0},{"a":"p2","o":12}]`, `[{"a":"\u003c\"","o":-1}]`, `[{"a":"x","o":01}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := scanParts(s)
		var want []Part
		err := json.Unmarshal([]byte(s), &want)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("scanParts(%q) = %#v, but encoding/json fails: %v", s, fast, err)
		}
		if !reflect.DeepEqual(fast, want) && !(len(fast) == 0 && len(want) == 0) {
			t.Fatalf("scanParts(%q) = %#v, encoding/json %#v", s, fast, want)
		}
	})
}
