package site

import (
	"testing"

	"github.com/gongkai/gongkai/generator/cite"
)

// TestResolverIsOrderFree: pages resolve their citations in parallel, so what an outside
// document is called, and which 文号 a title leads to, must not depend on which page came first.
func TestResolverIsOrderFree(t *testing.T) {
	full := cite.Citation{Title: "中共中央、国务院关于加强和完善城乡社区治理的意见", DocNumber: "中发〔2017〕13号", Key: "中发〔2017〕13号"}
	short := cite.Citation{Title: "中共中央国务院关于加强和完善城乡社区治理的意见", DocNumber: "中发[2017]13号", Key: "中发〔2017〕13号"}
	for _, order := range [][]cite.Citation{{full, short}, {short, full}} {
		r := NewResolver(nil)
		var doc *CitedDoc
		for _, c := range order {
			doc = r.Resolve(c).External
		}
		if doc == nil || doc.Title != full.Title || doc.DocNumber != full.DocNumber {
			t.Errorf("resolved in order %q then %q: shown as %+v, want the fuller spelling %q %q", order[0].Title, order[1].Title, doc, full.Title, full.DocNumber)
		}
	}
	for _, order := range [][]cite.Citation{
		{{Title: "某办法", Key: "某发〔2020〕2号"}, {Title: "某办法", Key: "某发〔2020〕1号"}},
		{{Title: "某办法", Key: "某发〔2020〕1号"}, {Title: "某办法", Key: "某发〔2020〕2号"}},
	} {
		r := NewResolver(nil)
		for _, c := range order {
			r.Learn(c)
		}
		if got := r.Resolve(cite.Citation{Title: "某办法"}).External; got == nil || got.Key != "某发〔2020〕1号" {
			t.Errorf("learnt %q then %q: 《某办法》 leads to %+v, want 某发〔2020〕1号", order[0].Key, order[1].Key, got)
		}
	}
}
