package searcher

import (
	"fmt"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/gongkai/gongkai/search/mapping"
)

// PageRecords returns the local doc numbers of page p's live records,
// ascending.
func (c *Columns) PageRecords(p int32) []uint32 {
	return c.pageRecs[c.pageStart[p]:c.pageStart[p+1]]
}

// IsDocRecord reports whether doc is its page's document record.
func (c *Columns) IsDocRecord(doc uint32) bool {
	p := c.Page[doc]
	return p >= 0 && c.PageDoc[p] == int32(doc)
}

// readPages fills the page columns of one segment: the page of each
// record from the url field's postings (one pass over its dictionary, no
// stored fields), and which record is the page's document record. A record
// with an anchor is a part; the anchors field says so without reading
// stored fields. A segment without that field (an index built before it,
// or one holding no parts) falls back to each record's stored href, which
// has a # exactly when the record has an anchor.
func readPages(ss *scorch.SegmentSnapshot, cols *Columns, deleted func(uint32) bool) error {
	seg := ss.Segment()
	n := int(seg.Count())
	cols.Page = make([]int32, n)
	for i := range cols.Page {
		cols.Page[i] = -1
	}
	var except *roaring.Bitmap
	if d := ss.Deleted(); d != nil {
		except = d
	}
	var count []uint32
	err := eachPosting(seg, mapping.FieldURL, except, func(term string, doc uint64) {
		if len(cols.PageURL) == 0 || cols.PageURL[len(cols.PageURL)-1] != term {
			cols.PageURL = append(cols.PageURL, term)
			count = append(count, 0)
		}
		p := int32(len(cols.PageURL) - 1)
		if !deleted(uint32(doc)) && cols.Page[doc] < 0 {
			cols.Page[doc] = p
			count[p]++
		}
	})
	if err != nil {
		return fmt.Errorf("search: reading the pages of records: %w", err)
	}
	part := make([]bool, n)
	hasAnchors := false
	for _, f := range seg.Fields() {
		hasAnchors = hasAnchors || f == mapping.FieldAnchors
	}
	if hasAnchors {
		err = eachPosting(seg, mapping.FieldAnchors, except, func(_ string, doc uint64) { part[doc] = true })
	} else {
		for doc := 0; doc < n && err == nil; doc++ {
			if cols.Page[doc] < 0 {
				continue
			}
			err = ss.VisitDocument(uint64(doc), func(name string, _ byte, val []byte, _ []uint64) bool {
				if name != mapping.FieldHref {
					return true
				}
				part[doc] = strings.IndexByte(string(val), '#') >= 0
				return false
			})
		}
	}
	if err != nil {
		return fmt.Errorf("search: reading the anchors of records: %w", err)
	}
	pages := len(cols.PageURL)
	cols.PageDoc = make([]int32, pages)
	cols.pageStart = make([]uint32, pages+1)
	for p := range pages {
		cols.PageDoc[p] = -1
		cols.pageStart[p+1] = cols.pageStart[p] + count[p]
	}
	cols.pageRecs = make([]uint32, cols.pageStart[pages])
	fill := append([]uint32(nil), cols.pageStart[:pages]...)
	for doc := 0; doc < n; doc++ {
		p := cols.Page[doc]
		if p < 0 {
			continue
		}
		cols.pageRecs[fill[p]] = uint32(doc)
		fill[p]++
		if !part[doc] && cols.PageDoc[p] < 0 {
			cols.PageDoc[p] = int32(doc)
		}
	}
	return nil
}

// eachPosting calls fn for every term of field in byte order and every doc
// of its postings, ascending, skipping except.
func eachPosting(seg segment.Segment, field string, except *roaring.Bitmap, fn func(term string, doc uint64)) error {
	dict, err := seg.Dictionary(field)
	if err != nil || dict == nil {
		return err
	}
	it := dict.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	for {
		e, err := it.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		pl, err = dict.PostingsList([]byte(e.Term), except, pl)
		if err != nil {
			return err
		}
		pi = pl.Iterator(false, false, false, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return err
			}
			if p == nil {
				break
			}
			fn(e.Term, p.Number())
		}
	}
}
