package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/gongkai/gongkai/search/analysis"
)

// Field names in the bleve index. Filter and facet names are the keyword
// field names themselves.
const (
	fieldTitle      = "title"
	fieldSection    = "section"
	fieldBody       = "body"
	fieldDocNumber  = "doc_number"
	fieldDocKey     = "doc_key"
	fieldChars      = "chars"     // every Han character of title, section and body
	fieldHref       = "href"      // URL#anchor, stored only
	fieldShownTitle = "doc_title" // a section's document title, stored only
	fieldShownDocNo = "doc_no"    // a section's document number, stored only
	fieldParts      = "parts"     // the units a record groups (JSON), stored only
	fieldURL        = "url"       // page URL, indexed only: finds a page's records to replace them
	fieldType       = "type"
	fieldGenre      = "genre"
	fieldStatus     = "status"
	fieldLevel      = "level"
	fieldVillage    = "village"
	fieldIssuer     = "issuer"
	fieldDept       = "department"
	fieldTopic      = "topic"
	fieldYear       = "year"
	fieldDate       = "date"
)

// FilterNames are the keys Request.Filters accepts, in display order.
var filterNames = []string{fieldType, fieldIssuer, fieldYear, fieldDept, fieldStatus, fieldLevel, fieldVillage, fieldGenre, fieldTopic}

// facetNames are the filters whose value counts come with every result.
var facetNames = []string{fieldType, fieldIssuer, fieldYear, fieldDept, fieldStatus, fieldLevel, fieldVillage, fieldGenre}

// FilterNames returns the filter keys Request.Filters accepts.
func FilterNames() []string { return append([]string(nil), filterNames...) }

// newMapping keeps the index small: no _all field, no dynamic fields, doc
// values only where facets or sorting need them, stored values only for
// what a hit shows.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = analysis.AnalyzerText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analysis.AnalyzerText
		f.Store = store
		f.IncludeTermVectors = true // phrase positions
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	doc.AddFieldMappingsAt(fieldTitle, text(true))
	doc.AddFieldMappingsAt(fieldSection, text(true))
	doc.AddFieldMappingsAt(fieldBody, text(true))
	doc.AddFieldMappingsAt(fieldDocNumber, text(true))

	chars := bleve.NewTextFieldMapping()
	chars.Analyzer = analysis.AnalyzerChars
	chars.Store = false
	chars.IncludeTermVectors = false
	chars.IncludeInAll = false
	chars.DocValues = false
	doc.AddFieldMappingsAt(fieldChars, chars)

	doc.AddFieldMappingsAt(fieldHref, stored())
	doc.AddFieldMappingsAt(fieldShownTitle, stored())
	doc.AddFieldMappingsAt(fieldShownDocNo, stored())
	doc.AddFieldMappingsAt(fieldParts, stored())

	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	doc.AddFieldMappingsAt(fieldDocKey, kw(false, false))
	doc.AddFieldMappingsAt(fieldURL, kw(false, false))
	doc.AddFieldMappingsAt(fieldType, kw(true, true))
	doc.AddFieldMappingsAt(fieldTopic, kw(false, false))
	for _, name := range []string{fieldGenre, fieldStatus, fieldLevel, fieldVillage, fieldIssuer, fieldDept, fieldYear} {
		doc.AddFieldMappingsAt(name, kw(false, true))
	}

	date := bleve.NewDateTimeFieldMapping()
	date.Store = true
	date.IncludeInAll = false
	date.DocValues = true
	doc.AddFieldMappingsAt(fieldDate, date)

	// bleve adds an "_all" composite field unless its mapping is disabled;
	// even empty it costs a tenth of the build time.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = doc
	return im, im.Validate()
}

// stored is a field a hit shows but no query looks at.
func stored() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}
