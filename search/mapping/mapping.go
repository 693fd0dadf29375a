package mapping

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	bmapping "github.com/blevesearch/bleve/v2/mapping"
	"github.com/gongkai/gongkai/search/analysis"
)

// Field names in the bleve index. Filter and facet names are the keyword
// field names themselves.
const (
	FieldTitle      = "title"
	FieldSection    = "section"
	FieldBody       = "body"
	FieldDocNumber  = "doc_number"
	FieldDocKey     = "doc_key"
	FieldAnchors    = "anchors"   // the anchors of the units a record holds: finds 第三条 (query.ArticleQuery)
	FieldTitleKey   = "title_key" // a document record's analysis.TitleKey: a query naming the whole title
	FieldChars      = "chars"     // every Han character of title, section and body
	FieldHref       = "href"      // URL#anchor, stored only
	FieldShownTitle = "doc_title" // a section's document title, stored only
	FieldShownDocNo = "doc_no"    // a section's document number, stored only
	FieldParts      = "parts"     // the units a record groups (JSON), stored only
	FieldURL        = "url"       // page URL, indexed only: finds a page's records to replace them
	FieldType       = "type"
	FieldGenre      = "genre"
	FieldStatus     = "status"
	FieldLevel      = "level"
	FieldVillage    = "village"
	FieldIssuer     = "issuer"
	FieldDept       = "department"
	FieldTopic      = "topic"
	FieldYear       = "year"
	FieldDate       = "date"
)

// Filters are the filter keys a search accepts (the keyword field names),
// in display order. Callers must not modify them.
var Filters = []string{FieldType, FieldIssuer, FieldYear, FieldDept, FieldStatus, FieldLevel, FieldVillage, FieldGenre, FieldTopic}

// Facets are the filters whose value counts come with every result.
// Callers must not modify them.
var Facets = []string{FieldType, FieldIssuer, FieldYear, FieldDept, FieldStatus, FieldLevel, FieldVillage, FieldGenre}

// New keeps the index small: no _all field, no dynamic fields, doc
// values only where facets or sorting need them, stored values only for
// what a hit shows.
func New() (*bmapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = analysis.AnalyzerText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()
	text := func(store bool) *bmapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analysis.AnalyzerText
		f.Store = store
		f.IncludeTermVectors = true // phrase positions
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	doc.AddFieldMappingsAt(FieldTitle, text(true))
	doc.AddFieldMappingsAt(FieldSection, text(true))
	doc.AddFieldMappingsAt(FieldBody, text(true))
	doc.AddFieldMappingsAt(FieldDocNumber, text(true))

	chars := bleve.NewTextFieldMapping()
	chars.Analyzer = analysis.AnalyzerChars
	chars.Store = false
	chars.IncludeTermVectors = false
	chars.IncludeInAll = false
	chars.DocValues = false
	doc.AddFieldMappingsAt(FieldChars, chars)

	doc.AddFieldMappingsAt(FieldHref, stored())
	doc.AddFieldMappingsAt(FieldShownTitle, stored())
	doc.AddFieldMappingsAt(FieldShownDocNo, stored())
	doc.AddFieldMappingsAt(FieldParts, stored())

	kw := func(store, docValues bool) *bmapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	doc.AddFieldMappingsAt(FieldDocKey, kw(false, false))
	doc.AddFieldMappingsAt(FieldAnchors, kw(false, false))
	doc.AddFieldMappingsAt(FieldTitleKey, kw(false, false))
	doc.AddFieldMappingsAt(FieldURL, kw(false, false))
	doc.AddFieldMappingsAt(FieldType, kw(true, true))
	doc.AddFieldMappingsAt(FieldTopic, kw(false, false))
	for _, name := range []string{FieldGenre, FieldStatus, FieldLevel, FieldVillage, FieldIssuer, FieldDept, FieldYear} {
		doc.AddFieldMappingsAt(name, kw(false, true))
	}

	date := bleve.NewDateTimeFieldMapping()
	date.Store = true
	date.IncludeInAll = false
	date.DocValues = true
	doc.AddFieldMappingsAt(FieldDate, date)

	// bleve adds an "_all" composite field unless its mapping is disabled;
	// even empty it costs a tenth of the build time.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = doc
	return im, im.Validate()
}

// stored is a field a hit shows but no query looks at.
func stored() *bmapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}
