package index

import (
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bmapping "github.com/blevesearch/bleve/v2/mapping"
	ganalysis "github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/zapwrite"
)

// segmentDocs turns records into zapwrite documents holding exactly the
// fields bleve's MapDocument makes of mapping.Fields under mapping.New, so a
// segment written from them is the one bleve would write
// (TestSegmentDocMatchesBleve). Field options come from the mapping itself.
type segmentDocs struct {
	fields map[string]fieldSpec
}

type fieldSpec struct {
	m        *bmapping.FieldMapping
	analyzer analysis.Analyzer
}

func newSegmentDocs(m *bmapping.IndexMappingImpl) (*segmentDocs, error) {
	s := &segmentDocs{fields: map[string]fieldSpec{}}
	for name, sub := range m.DefaultMapping.Properties {
		if len(sub.Fields) != 1 {
			continue // _all, disabled
		}
		fm := sub.Fields[0]
		spec := fieldSpec{m: fm}
		if fm.Type == "text" {
			spec.analyzer = m.AnalyzerNamed(fm.Analyzer)
			if spec.analyzer == nil {
				return nil, fmt.Errorf("search: field %s: no analyzer %q", name, fm.Analyzer)
			}
		}
		s.fields[name] = spec
	}
	return s, nil
}

// doc analyses one record, its tokens in arena when the analyzer can (nil:
// none). It runs in Writer.Add's goroutine, so records are analysed in
// parallel with each other and with page rendering.
func (s *segmentDocs) doc(r mapping.Record, arena *ganalysis.Arena) (zapwrite.Doc, error) {
	values := mapping.Fields(r)
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names) // the order does not change the segment; this keeps it stable
	d := zapwrite.Doc{ID: r.ID, Fields: make([]zapwrite.Field, 0, len(values)+4)}
	for _, name := range names {
		spec, ok := s.fields[name]
		if !ok {
			return d, fmt.Errorf("search: record field %s has no mapping", name)
		}
		switch v := values[name].(type) {
		case string:
			d.Fields = append(d.Fields, spec.text(name, v, nil, arena))
		case []string:
			for i, e := range v {
				d.Fields = append(d.Fields, spec.text(name, e, []uint64{uint64(i)}, arena))
			}
		case time.Time:
			f, err := spec.date(name, v)
			if err != nil {
				return d, err
			}
			d.Fields = append(d.Fields, f)
		default:
			return d, fmt.Errorf("search: record field %s has unexpected type %T", name, v)
		}
	}
	return d, nil
}

func (spec fieldSpec) options(name string, arrayPositions []uint64) zapwrite.Field {
	fm := spec.m
	return zapwrite.Field{Name: name, Index: fm.Index, Store: fm.Store, TermVectors: fm.IncludeTermVectors,
		DocValues: fm.DocValues, ArrayPositions: arrayPositions}
}

func (spec fieldSpec) text(name, v string, arrayPositions []uint64, arena *ganalysis.Arena) zapwrite.Field {
	f := spec.options(name, arrayPositions)
	f.Value, f.Type = []byte(v), 't'
	if !f.Index {
		return f
	}
	if a, ok := spec.analyzer.(ganalysis.ArenaAnalyzer); ok && arena != nil {
		f.Tokens = a.AnalyzeIn(arena, f.Value)
	} else {
		f.Tokens = spec.analyzer.Analyze(f.Value)
	}
	return f
}

// date indexes a time as bleve does (its prefix-coded terms, RFC 3339 as
// the stored layout), using bleve's own field to make the terms.
func (spec fieldSpec) date(name string, t time.Time) (zapwrite.Field, error) {
	f := spec.options(name, nil)
	bf, err := document.NewDateTimeFieldWithIndexingOptions(name, nil, t, time.RFC3339, spec.m.Options())
	if err != nil {
		return f, fmt.Errorf("search: field %s: %w", name, err)
	}
	f.Value, f.Type = bf.Value(), bf.EncodedFieldType()
	if f.Index {
		bf.Analyze()
		for term, tf := range bf.AnalyzedTokenFrequencies() {
			for range tf.Frequency() {
				f.Tokens = append(f.Tokens, &analysis.Token{Term: []byte(term), Position: 1})
			}
		}
	}
	return f, nil
}
