package static

import (
	"fmt"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// termLister is what newer zap dictionaries offer besides segment's API
// (bleve looks for it the same way): listing terms without reading every
// term's postings to count them, as bleve's FieldDict does, which made
// listing the body's terms cost 0.4 s of a laws export.
type termLister interface {
	AutomatonIteratorOmitCount(a segment.Automaton, startKeyInclusive, endKeyExclusive []byte) segment.DictionaryIterator
}

// termsOf lists the terms of field in one shard, in byte order, each once.
// The list must not be modified.
func (sh *shard) termsOf(field string) ([]string, error) {
	var lists [][]string
	if sh.mem != nil {
		for _, mem := range sh.mem {
			if fp := mem.Field(field); fp != nil {
				lists = append(lists, fp.Terms())
			}
		}
		if len(lists) == 1 {
			return lists[0], nil
		}
		return mergeSorted(lists), nil
	}
	for _, ss := range sh.segs {
		d, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		var it segment.DictionaryIterator
		if tl, ok := d.(termLister); ok {
			it = tl.AutomatonIteratorOmitCount(nil, nil, nil)
		} else {
			it = d.AutomatonIterator(nil, nil, nil)
		}
		var terms []string
		for {
			e, err := it.Next()
			if err != nil {
				return nil, err
			}
			if e == nil {
				break
			}
			terms = append(terms, e.Term)
		}
		lists = append(lists, terms)
	}
	return mergeSorted(lists), nil
}

// termsOf lists the terms of field in every shard, in byte order.
func (s *source) termsOf(field string) ([]string, error) {
	var lists [][]string
	for _, sh := range s.shards {
		terms, err := sh.termsOf(field)
		if err != nil {
			return nil, fmt.Errorf("static: listing terms of %s: %w", field, err)
		}
		lists = append(lists, terms)
	}
	return mergeSorted(lists), nil
}

// termLists lists the terms of fields in the background, field by field,
// so that a field's export need not wait for its list.
type termLists struct {
	terms [][]string
	errs  []error
	done  []chan struct{} // per field
}

func (s *source) listTerms(fields []FieldSpec) *termLists {
	tl := &termLists{terms: make([][]string, len(fields)), errs: make([]error, len(fields)), done: make([]chan struct{}, len(fields))}
	for i := range fields {
		tl.done[i] = make(chan struct{})
	}
	go func() {
		for i, f := range fields {
			tl.terms[i], tl.errs[i] = s.termsOf(f.Name)
			close(tl.done[i])
		}
	}()
	return tl
}

// wait waits until listing is over: the source must stay open until then.
func (tl *termLists) wait() { <-tl.done[len(tl.done)-1] }

// of waits for the terms of fields[i].
func (tl *termLists) of(i int) ([]string, error) {
	<-tl.done[i]
	return tl.terms[i], tl.errs[i]
}

// mergeSorted merges lists sorted in byte order, dropping duplicates.
func mergeSorted(lists [][]string) []string {
	var out []string
	for _, l := range lists {
		out = mergeTwo(out, l)
	}
	return out
}

func mergeTwo(a, b []string) []string {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	out := make([]string, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var t string
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			t, i = a[i], i+1
		case i == len(a) || b[j] < a[i]:
			t, j = b[j], j+1
		default:
			t, i, j = a[i], i+1, j+1
		}
		if len(out) == 0 || out[len(out)-1] != t {
			out = append(out, t)
		}
	}
	return out
}
