package static

import (
	"reflect"
	"testing"
)

func TestUnitsRoundTrip(t *testing.T) {
	ps := []part{
		{anchor: "中华人民共和国环境保护税法实施条例", section: "“中华人民共和国环境保护税法实施条例”", rune: 0},
		{anchor: "第十四条", section: "第十四条", rune: 62},
		{anchor: "第十四条-（一）", section: "第十四条第（一）项", rune: 90},
		{anchor: "第十四条-（二）", section: "第十四条第（二）项", rune: 120},
		{anchor: "𠀀𠀁条", section: "𠀀𠀂", rune: 130}, // outside the BMP: two code units each
		{anchor: "𠀀𠀁条", section: "", rune: 140},
		{anchor: "", section: "总则", rune: 150},
	}
	var b buf
	appendUnits(&b, ps)
	var got []part
	if !readUnits(&reader{p: b}, func(p Part) { got = append(got, part{anchor: p.Anchor, section: p.Section, rune: p.Rune}) }) {
		t.Fatal("readUnits refused its own encoding")
	}
	if !reflect.DeepEqual(got, ps) {
		t.Fatalf("got %+v\nwant %+v", got, ps)
	}
	// A section equal to its anchor is stored once.
	var one buf
	appendUnits(&one, []part{{anchor: "第十二条", section: "第十二条", rune: 5}})
	if len(one) != 1+1+1+len("第十二条")+1+1+1 {
		t.Errorf("%d bytes for one unit whose section is its anchor", len(one))
	}
}

func TestUnitsRefuseLongPrefix(t *testing.T) {
	var b buf
	b.int(1)
	b.int(3) // the first anchor shares nothing
	b.str("第一条")
	b.int(0)
	b.str("")
	b.int(0)
	if readUnits(&reader{p: b}, func(Part) {}) {
		t.Fatal("a prefix longer than the previous anchor was accepted")
	}
	n, rest := sharedPrefix("𠀀a", "𠀀b")
	if n != 2 || rest != "b" {
		t.Fatalf("sharedPrefix counts UTF-16 units: got %d %q", n, rest)
	}
	if _, ok := prefixOf("𠀀", 1); ok {
		t.Fatal("prefixOf cut a rune in half")
	}
}

func TestBlockRefs(t *testing.T) {
	var b buf
	ref{pack: 3, off: 100, len: 40}.encode(&b)
	b.int(2 * 50)   // follows in its pack
	b.int(2*60 + 1) // in the next pack
	b.int(4)
	b.int(0)
	rd := &reader{p: b}
	var at ref
	var got []ref
	for k := range 3 {
		at = readBlockRef(rd, k, at)
		got = append(got, at)
	}
	want := []ref{{3, 100, 40}, {3, 140, 50}, {4, 0, 60}}
	if rd.err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v (%v)", got, want, rd.err)
	}
}
