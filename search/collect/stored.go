package collect

import (
	"slices"
	"strconv"
	"time"
	"weak"

	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/microseconds"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/milliseconds"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/nanoseconds"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/seconds"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// StoredFields is the first stored value of each field a hit shows, as
// bleve.LoadAndHighlightFields gives it: text as is, a date formatted.
type StoredFields map[string]string

// loadStored reads a hit's stored fields straight from its segment by doc
// number. bleve's loader first looks the record ID up in the _id field's
// dictionary and builds a document of every field; for ten hits that was a
// twentieth of the query time.
//
// The result is shared through storedCache: callers must not change it.
func loadStored(ss *scorch.SegmentSnapshot, doc uint64, names []string) (StoredFields, error) {
	if len(names) == 0 {
		return StoredFields{}, nil
	}
	key := storedKey{seg: weak.Make(ss), doc: doc, names: &names[0]}
	if rec, ok := storedCache.get(key); ok {
		return rec, nil
	}
	rec, err := readStored(ss, doc, names)
	if err == nil {
		storedCache.put(key, rec)
	}
	return rec, err
}

// readStored is loadStored without the cache.
func readStored(ss *scorch.SegmentSnapshot, doc uint64, names []string) (StoredFields, error) {
	rec := make(StoredFields, len(names))
	var seen uint64 // by index in names; a later value of a field is never shown
	all := uint64(1)<<len(names) - 1
	err := ss.VisitDocument(doc, func(name string, typ byte, val []byte, _ []uint64) bool {
		i := slices.Index(names, name)
		if i < 0 || seen&(1<<i) != 0 {
			return true
		}
		seen |= 1 << i
		switch typ {
		case 't':
			rec[name] = string(val)
		case 'd':
			if s, ok := storedDate(name, val); ok {
				rec[name] = s
			}
		}
		return seen != all
	})
	return rec, err
}

// storedDate formats a stored date field as bleve.LoadAndHighlightFields
// does: RFC 3339 unless the field was indexed with another layout.
func storedDate(name string, val []byte) (string, bool) {
	t, layout, err := document.NewDateTimeFieldFromBytes(name, nil, val).DateTime()
	if err != nil {
		return "", false
	}
	switch layout {
	case "":
		return t.Format(time.RFC3339), true
	case seconds.Name:
		return strconv.FormatInt(t.Unix(), 10), true
	case milliseconds.Name:
		return strconv.FormatInt(t.UnixMilli(), 10), true
	case microseconds.Name:
		return strconv.FormatInt(t.UnixMicro(), 10), true
	case nanoseconds.Name:
		return strconv.FormatInt(t.UnixNano(), 10), true
	}
	return t.Format(layout), true
}
