package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/structure"
	"github.com/gongkai/gongkai/search"
)

// TestRecordsInOrder holds the records made a batch at a time to the byte
// order of their IDs, where a URL extends another with a byte below '#'
// ("/a/!b/" sorts between "/a/" and "/a/#第一条") and across batches.
func TestRecordsInOrder(t *testing.T) {
	page := func(url string, anchors ...string) *site.Page {
		p := &site.Page{Page: &content.Page{}}
		p.Kind, p.URL, p.Title, p.Text = content.KindPage, url, url, "正文"
		if len(anchors) > 0 {
			p.Outline = &structure.Outline{}
			for _, a := range anchors {
				p.Outline.Units = append(p.Outline.Units, structure.Unit{Anchor: a, Parent: -1, Text: strings.Repeat("条文", 700)})
			}
		}
		return p
	}
	pages := []*site.Page{page("/b/"), page("/a/!b/", "x"), page("/a/", "第一条", "第二条"), page("/a/ c/"), page("/a/!b/!/")}
	for i := range 1200 { // more than a batch
		pages = append(pages, page(fmt.Sprintf("/m/%d/", 1200-i), "一"), page(fmt.Sprintf("/m/%d/!/", i)))
	}
	var want []string
	for _, p := range pages {
		for _, r := range pageRecords(p) {
			want = append(want, r.ID)
		}
	}
	slices.Sort(want)
	var got []string
	batches := 0
	err := recordsInOrder(pages, func(batch []search.Record) error {
		batches++
		for _, r := range batch {
			got = append(got, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("records in the order\n%q\nwant\n%q", got[:min(len(got), 12)], want[:min(len(want), 12)])
	}
	if batches < 2 {
		t.Errorf("%d batches; a site this large should take several", batches)
	}
}

// TestPageRecordsGroupUnits holds a group's body to its units joined by line
// breaks, each part's offset where its unit starts, and the groups apart.
func TestPageRecordsGroupUnits(t *testing.T) {
	p := &site.Page{Page: &content.Page{}}
	p.Kind, p.URL, p.Title, p.Text = content.KindPage, "/l/", "法", "正文"
	p.Outline = &structure.Outline{}
	texts := []string{"第一条 甲。", "第二条 乙。", strings.Repeat("长", groupRunes), "第四条 丁。"}
	for i, text := range texts {
		p.Outline.Units = append(p.Outline.Units, structure.Unit{Anchor: fmt.Sprintf("a%d", i), Parent: -1, Text: text})
	}
	recs := pageRecords(p)
	var bodies []string
	for _, r := range recs[1:] {
		bodies = append(bodies, r.Body)
		for _, part := range r.Parts {
			i := int(part.Anchor[1] - '0')
			if !strings.HasPrefix(r.Body[part.Offset:], texts[i]) {
				t.Errorf("%s: part %s at %d reads %.12q, want %.12q", r.ID, part.Anchor, part.Offset, r.Body[part.Offset:], texts[i])
			}
		}
	}
	want := []string{texts[0] + "\n" + texts[1], texts[2], texts[3]}
	if !slices.Equal(bodies, want) {
		t.Errorf("group bodies %.40q, want %.40q", bodies, want)
	}
}
