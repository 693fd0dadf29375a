package searcher

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/gongkai/gongkai/search/mapping"
)

// columns holds, for one immutable index segment, what the collector needs
// of every hit besides its score: the record ID (the last sort key), the
// date (the date sorts) and the facet values. bleve reads these per hit
// from doc values and stored fields (a third of the query time on the laws
// corpus, most of it on facet fields no record has); one pass over the
// segment when it is first searched makes them array lookups.
//
// The values are read through the same snapshot calls bleve's collector
// uses, so facet counts and sort order are the same.
type Columns struct {
	IDs    []string      // external record ID by local doc number
	Dates  []int64       // unix nanoseconds, valid where dated is set
	Dated  []bool        // whether the record has a date
	Facets []ValueColumn // one per mapping.Facets entry
	Filled []int         // the facets that have values in this segment

	// Pages group the records of one page (one URL), which results list
	// as one document (see pages.go).
	Page      []int32  // page number of each local doc; -1 for deleted docs
	PageURL   []string // URL of each page
	PageDoc   []int32  // each page's document record (Anchor ""), -1 if it has none
	pageStart []uint32 // page p's records are pageRecs[pageStart[p]:pageStart[p+1]]
	pageRecs  []uint32
}

// ValueColumn is one keyword field: the distinct values of the segment
// and, per doc, the indexes of its values.
type ValueColumn struct {
	Values []string
	start  []uint32 // doc d's values are of[start[d]:start[d+1]]
	of     []uint32
}

// DocValues returns doc's value indexes.
func (c *ValueColumn) DocValues(doc uint32) []uint32 {
	return c.of[c.start[doc]:c.start[doc+1]]
}

// ColumnCache builds each segment's columns once. Segments are immutable
// and shared by the snapshots that contain them; an Update or a merge
// brings new ones, and forget drops those no longer searched.
type ColumnCache struct {
	mu   sync.Mutex
	segs map[any]*columnsOnce
}

type columnsOnce struct {
	once sync.Once
	cols *Columns
	err  error
}

// ForSnapshot returns the columns of every segment of snap, in order, and
// the global doc number each segment starts at.
func (cc *ColumnCache) ForSnapshot(snap *scorch.IndexSnapshot) ([]*Columns, []uint64, error) {
	segs := snap.Segments()
	out := make([]*Columns, len(segs))
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, ss := range segs {
		// Global doc numbers run through the segments in order, each
		// taking as many numbers as the segment has docs, deleted or not
		// (scorch's IndexSnapshot.offsets).
		offsets[i] = running
		n := ss.Segment().Count()
		running += n
		deleted := func(uint32) bool { return false }
		if d := ss.Deleted(); d != nil {
			deleted = d.Contains
		}
		cols, err := cc.get(ss.Segment(), func() (*Columns, error) {
			cols, err := readColumns(snap, offsets[i], n, deleted)
			if err == nil {
				err = readPages(ss, cols, deleted)
			}
			return cols, err
		})
		if err != nil {
			return nil, nil, err
		}
		out[i] = cols
	}
	cc.forget(segs)
	return out, offsets, nil
}

func (cc *ColumnCache) get(key any, build func() (*Columns, error)) (*Columns, error) {
	cc.mu.Lock()
	if cc.segs == nil {
		cc.segs = map[any]*columnsOnce{}
	}
	c := cc.segs[key]
	if c == nil {
		c = &columnsOnce{}
		cc.segs[key] = c
	}
	cc.mu.Unlock()
	c.once.Do(func() { c.cols, c.err = build() })
	if c.err != nil { // let a later search try again
		cc.mu.Lock()
		if cc.segs[key] == c {
			delete(cc.segs, key)
		}
		cc.mu.Unlock()
	}
	return c.cols, c.err
}

// forget drops the columns of segments a newer snapshot no longer has,
// once there are clearly more cached than searched.
func (cc *ColumnCache) forget(current []*scorch.SegmentSnapshot) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if len(cc.segs) <= 2*len(current)+4 {
		return
	}
	keep := make(map[any]bool, len(current))
	for _, ss := range current {
		keep[ss.Segment()] = true
	}
	for k := range cc.segs {
		if !keep[k] {
			delete(cc.segs, k)
		}
	}
}

// columnFields are the doc-value fields the columns hold.
var columnFields = append(append([]string(nil), mapping.Facets...), mapping.FieldDate)

// readColumns reads the n docs of the segment starting at global doc number
// first; deleted docs are never hits, so their IDs are left empty.
func readColumns(snap *scorch.IndexSnapshot, first, n uint64, deleted func(uint32) bool) (*Columns, error) {
	dvr, err := snap.DocValueReader(columnFields)
	if err != nil {
		return nil, fmt.Errorf("search: reading doc values: %w", err)
	}
	cols := &Columns{
		IDs:    make([]string, n),
		Dates:  make([]int64, n),
		Dated:  make([]bool, n),
		Facets: make([]ValueColumn, len(mapping.Facets)),
	}
	facetOf := make(map[string]int, len(mapping.Facets))
	valueIndex := make([]map[string]uint32, len(mapping.Facets))
	for i, name := range mapping.Facets {
		facetOf[name] = i
		valueIndex[i] = map[string]uint32{}
		cols.Facets[i].start = make([]uint32, 1, n+1)
	}
	var doc uint64
	dateSeen := false
	visit := func(field string, term []byte) {
		if field == mapping.FieldDate {
			// bleve's date sort takes the first full-precision term.
			if valid, shift := numeric.ValidPrefixCodedTermBytes(term); valid && shift == 0 && !dateSeen {
				if v, err := numeric.PrefixCoded(term).Int64(); err == nil {
					cols.Dates[doc], cols.Dated[doc], dateSeen = v, true, true
				}
			}
			return
		}
		i, ok := facetOf[field]
		if !ok {
			return
		}
		vi, ok := valueIndex[i][string(term)]
		if !ok {
			vi = uint32(len(cols.Facets[i].Values))
			valueIndex[i][string(term)] = vi
			cols.Facets[i].Values = append(cols.Facets[i].Values, string(term))
		}
		cols.Facets[i].of = append(cols.Facets[i].of, vi)
	}
	buf := make([]byte, 8)
	for doc = 0; doc < n; doc++ {
		id := index.NewIndexInternalID(buf, first+doc)
		dateSeen = false
		if err := dvr.VisitDocValues(id, visit); err != nil {
			return nil, fmt.Errorf("search: reading doc values: %w", err)
		}
		for i := range cols.Facets {
			cols.Facets[i].start = append(cols.Facets[i].start, uint32(len(cols.Facets[i].of)))
		}
		if deleted(uint32(doc)) {
			continue
		}
		ext, err := snap.ExternalID(id)
		if err != nil {
			return nil, fmt.Errorf("search: reading record IDs: %w", err)
		}
		cols.IDs[doc] = ext
	}
	for i := range cols.Facets {
		if len(cols.Facets[i].of) > 0 {
			cols.Filled = append(cols.Filled, i)
		}
	}
	return cols, nil
}
