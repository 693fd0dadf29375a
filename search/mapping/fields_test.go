package mapping

import (
	"reflect"
	"testing"
)

func TestFieldsAnchors(t *testing.T) {
	for _, tt := range []struct {
		r    Record
		want interface{}
	}{
		{Record{URL: "/x/"}, nil},
		{Record{URL: "/x/", Anchor: "第一章"}, []string{"第一章"}},
		{Record{URL: "/x/", Anchor: "第十条", Parts: []Part{{Anchor: "第十条"}, {Anchor: "第十一条", Offset: 9}, {Anchor: "第十一条-（一）", Offset: 20}, {Anchor: ""}}},
			[]string{"第十条", "第十一条", "第十一条-（一）"}},
	} {
		got := Fields(tt.r)[FieldAnchors]
		if tt.want == nil && got != nil || tt.want != nil && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Fields(%+v)[anchors] = %#v, want %#v", tt.r, got, tt.want)
		}
	}
}
