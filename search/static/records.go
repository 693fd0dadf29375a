package static

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/document"
)

// record is what a hit shows and what facets count, read back from the
// stored and keyword fields of one bleve document.
type record struct {
	id, href, title, section, docNumber, typ, body string
	parts                                          []part // units a grouped record links to

	date    int64 // Unix seconds; valid when hasDate
	hasDate bool

	facets [len(groupFields)][]string // values of groupFields, sorted

	blocks []textBlock // a long body cut for snippets; nil when short
	runes  int         // in the body
}

// Stored fields, as search/mapping names them.
const (
	fieldHref      = "href"
	fieldTitle     = "title"
	fieldShown     = "doc_title"
	fieldSection   = "section"
	fieldDocNumber = "doc_number"
	fieldShownNo   = "doc_no" // a section's 文号, shown but not searched
	fieldParts     = "parts"  // JSON []search.Part of a grouped record
	fieldType      = "type"
	fieldDate      = "date"
	fieldBody      = "body"
)

// groupFields are the keyword fields behind filters and facets, in the
// order groups store them (search.FilterNames).
var groupFields = [...]string{"type", "issuer", "year", "department", "status", "level", "village", "genre", "topic"}

// readRecords loads every record's stored fields, shard by shard in
// parallel, then the keyword fields.
func (s *source) readRecords() ([]record, error) {
	recs := make([]record, s.records)
	errs := make([]error, len(s.shards))
	var wg sync.WaitGroup
	for i, sh := range s.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = sh.readStored(recs)
			if errs[i] == nil {
				errs[i] = sh.readKeywords(recs)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return recs, nil
}

func (sh *shard) readStored(recs []record) error {
	for gid := sh.base; gid < sh.base+sh.docs; gid++ {
		ext := sh.extIDs[gid-sh.base]
		r := &recs[gid]
		r.id = ext
		var shown, shownNo, parts string
		// By number, not bleve's Document(ID): that looks the ID up and
		// copies every field first, a third of reading.
		num := sh.ids[gid-sh.base]
		k := sh.segmentOf(num)
		err := sh.segs[k].VisitDocument(num-sh.offsets[k], func(name string, typ byte, value []byte, _ []uint64) bool {
			switch name {
			case fieldHref:
				r.href = string(value)
			case fieldTitle:
				r.title = string(value)
			case fieldShown:
				shown = string(value)
			case fieldSection:
				r.section = string(value)
			case fieldDocNumber:
				r.docNumber = string(value)
			case fieldShownNo:
				shownNo = string(value)
			case fieldParts:
				parts = string(value)
			case fieldType:
				r.typ = string(value)
			case fieldBody:
				r.body = string(value)
			case fieldDate:
				if typ == 'd' { // as bleve's Document reads it
					t, _, err := document.NewDateTimeFieldFromBytes(name, nil, value).DateTime()
					if err == nil {
						r.date, r.hasDate = t.Unix(), true
					}
				}
			}
			return true
		})
		if err != nil {
			return fmt.Errorf("static: reading record %q: %w", ext, err)
		}
		if r.title == "" {
			r.title = shown
		}
		if r.docNumber == "" {
			r.docNumber = shownNo
		}
		if parts != "" {
			if r.parts, err = decodeParts(parts, r.body); err != nil {
				return fmt.Errorf("static: record %q: %w", ext, err)
			}
		}
	}
	return nil
}

// readKeywords fills each record's facet values from the keyword fields,
// which are indexed but not stored.
func (sh *shard) readKeywords(recs []record) error {
	for fi, field := range groupFields {
		if sh.mem != nil {
			if err := sh.keywordsFromMemory(recs, fi, field); err != nil {
				return err
			}
			continue
		}
		terms, err := sh.termsOf(field)
		if err != nil {
			return fmt.Errorf("static: reading field %s: %w", field, err)
		}
		for _, term := range terms {
			tfr, err := sh.reader.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
			if err != nil {
				return fmt.Errorf("static: reading %s=%q: %w", field, term, err)
			}
			for {
				m, err := tfr.Next(nil)
				if err != nil {
					_ = tfr.Close()
					return err
				}
				if m == nil {
					break
				}
				if gid := sh.gid(m.ID); gid >= 0 {
					recs[gid].facets[fi] = append(recs[gid].facets[fi], term)
				}
			}
			_ = tfr.Close()
		}
	}
	for gid := sh.base; gid < sh.base+sh.docs; gid++ {
		for _, vs := range recs[gid].facets {
			sort.Strings(vs)
		}
	}
	return nil
}

// keywordsFromMemory is readKeywords' loop over one field's terms, reading
// the writer's postings (shard.mem) instead of the segments', segment by
// segment (readKeywords sorts each record's values afterwards).
func (sh *shard) keywordsFromMemory(recs []record, fi int, field string) error {
	for k, mem := range sh.mem {
		fp := mem.Field(field)
		if fp == nil {
			continue
		}
		rd := fp.NewReader()
		for i, term := range fp.Terms() {
			l, err := rd.List(i)
			if err != nil {
				return fmt.Errorf("static: reading %s=%q: %w", field, term, err)
			}
			for p, ok := l.Next(); ok; p, ok = l.Next() {
				num := sh.offsets[k] + uint64(p.Doc)
				if num >= uint64(len(sh.rank)) || sh.rank[num] < 0 {
					return fmt.Errorf("static: %s=%q names unknown document %d", field, term, num)
				}
				gid := sh.base + int(sh.rank[num])
				recs[gid].facets[fi] = append(recs[gid].facets[fi], term)
			}
		}
	}
	return nil
}
