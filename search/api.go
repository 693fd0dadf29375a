package search

import (
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/collect"
	"github.com/gongkai/gongkai/search/index"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/query"
)

// DefaultSynonyms returns the abbreviation groups used when site.yaml gives
// none (analysis.DefaultSynonyms).
func DefaultSynonyms() [][]string { return analysis.DefaultSynonyms() }

// FacetNames returns the filters whose value counts come with every
// Result, in display order.
func FacetNames() []string { return append([]string(nil), mapping.Facets...) }

// FilterNames returns the filter keys Request.Filters accepts, in display
// order.
func FilterNames() []string { return append([]string(nil), mapping.Filters...) }

// Record is one searchable unit (mapping.Record).
type Record = mapping.Record

// Part is one unit inside a record that groups several (mapping.Part).
type Part = mapping.Part

// QueryError is a problem with what the user asked for (query.Error): HTTP
// handlers answer it with 400 and show its Message.
type QueryError = query.Error

// Writer builds a new index offline (index.Writer).
type Writer = index.Writer

// Options tune an index build (index.Options).
type Options = index.Options

// NewWriter creates a new index at dir, an OS path that must not exist yet
// (index.NewWriter).
func NewWriter(dir string, opts Options) (*Writer, error) { return index.NewWriter(dir, opts) }

// Manifest describes a built index (index.Manifest).
type Manifest = index.Manifest

// FormatVersion is the index format this gongkai reads and writes.
const FormatVersion = index.FormatVersion

// ReadManifest reads dir/manifest.json.
func ReadManifest(dir string) (Manifest, error) { return index.ReadManifest(dir) }

// Errors of Open, Update and Search, from package index.
var (
	ErrLocked   = index.ErrLocked   // another open of the index holds the lock Open needs
	ErrClosed   = index.ErrClosed   // the index was closed, e.g. swapped out by a rebuild
	ErrReadOnly = index.ErrReadOnly // Update on an index from Open
)

// Hit is one matching document, with its best-matching parts (collect.Hit).
type Hit = collect.Hit

// HitPart is one matching part of a hit's document: a unit with its link,
// section and snippet (collect.HitPart).
type HitPart = collect.HitPart

// Facet is one value of a facet and how many matching documents have it
// (collect.Facet).
type Facet = collect.Facet

// DocRank is what put a hit where it is in its index's order (Result.Ranks).
type DocRank = collect.DocRank

// Source is the index a hit of a merged result comes from: its name (the
// value of the filter that selects it) and title.
type Source struct {
	Name  string
	Title string
}
