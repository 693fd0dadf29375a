// Package site assembles published pages into a site: sections, taxonomies, the citation graph,
// departments and listings. It takes values from earlier stages and returns a value; it reads no
// files.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/consult"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/disclose"
	"github.com/gongkai/gongkai/generator/policy"
	"github.com/gongkai/gongkai/generator/structure"
)

// Site is everything the renderer needs.
type Site struct {
	Config      *config.Config
	Now         time.Time
	Home        *Page
	Pages       []*Page // every published page of every kind, in file order
	Sections    []*Section
	Taxonomies  []*Taxonomy
	Documents   []*Page     // policy documents, newest first
	External    []*CitedDoc // documents cited but not on the site
	Departments []*Department
	Villages    []*Village
	Archives    Archives    // disclosures by category and month
	Changes     []*Revision // every revision of every page, newest first (最近更新)
	Facets      []*Facet    // policy listings by issuer, year, genre, status, level, topic
	byFile      map[string]*Page
	byURL       map[string]*Page
}

// Page is a published content page with what the later stages found in it.
type Page struct {
	*content.Page
	Policy   *policy.Meta
	Consult  *consult.Consultation
	Disclose *disclose.Disclosure
	Listing  *Section // for a section page: the section it heads

	HTML         template.HTML
	Outline      *structure.Outline
	Text         string // plain text of the whole body
	Cites        []*Citation
	CitedBy      []*Page
	Tasks        []*Task
	Indicators   []*Indicator
	Tables       int
	Replacements []*Page // documents that amend or repeal this one
	StatusLinks  []StatusLink
	Concerns     *Page       // for a consultation: the document it concerns
	Revisions    []*Revision // newest first, when history is enabled
}

// Section is a content folder with its pages.
type Section struct {
	Page  *Page // its _index.md (may be synthesized)
	Dir   string
	Pages []*Page // regular pages, newest first
}

// Taxonomy is one front matter key with term pages.
type Taxonomy struct {
	config.Taxonomy
	Terms []*Term
}

// Term is one value of a taxonomy and the pages that have it.
type Term struct {
	Name  string
	URL   string
	Pages []*Page
}

// Facet is a listing of policy documents by one field, e.g. by issuer.
type Facet struct {
	Key    string // issuer, year, genre, status, level, topic
	Title  string
	URL    string
	Values []*FacetValue
}

// FacetValue is one value of a facet with its documents.
type FacetValue struct {
	Name  string
	URL   string
	Pages []*Page
}

// Village is a village or community with its disclosures.
type Village struct {
	Name  string
	URL   string
	Pages []*Page
}

// PageByFile finds a page by its content path ("policies/a.md" or "policies/a").
func (s *Site) PageByFile(f string) *Page {
	if p, ok := s.byFile[f]; ok {
		return p
	}
	return s.byFile[f+".md"]
}

// PageByURL finds a page by URL.
func (s *Site) PageByURL(u string) *Page { return s.byURL[u] }

// RegularPages returns every page of kind page.
func (s *Site) RegularPages() []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Kind == content.KindPage {
			out = append(out, p)
		}
	}
	return out
}

// SortNewestFirst orders pages by their date, newest first, then by weight and title.
func SortNewestFirst(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i].SortDate(), pages[j].SortDate()
		if !a.Equal(b) {
			return a.After(b)
		}
		if pages[i].Weight != pages[j].Weight {
			return pages[i].Weight < pages[j].Weight
		}
		return pages[i].File < pages[j].File
	})
}

// SortDate is the date a page is listed under: its policy date, else its front matter date.
func (p *Page) SortDate() time.Time {
	if p.Policy != nil {
		if !p.Policy.Published.IsZero() {
			return p.Policy.Published
		}
		if !p.Policy.Written.IsZero() {
			return p.Policy.Written
		}
	}
	if !p.Date.IsZero() {
		return p.Date
	}
	return p.Lastmod
}

// StatusLink is a document named in amends / amended_by / repeals / repealed_by.
type StatusLink struct {
	Label  string // 修改 / 被修改 / 废止 / 被废止
	Target *Page
}

// FacetURL is the listing page of policy documents with one value of a facet.
func FacetURL(key, value string) string {
	return "/documents/" + key + "/" + facetSlug(value) + "/"
}

func facetSlug(v string) string { return PathSegment(v) }

// PathSegment makes a readable, safe URL path segment from a name: Chinese stays Chinese,
// characters that break URLs or file systems go, and a long name is cut (file names are limited
// to 255 bytes) with a short hash that keeps it unique.
func PathSegment(v string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(v) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("（）〔〕【】《》·-_.", r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	s := strings.Trim(b.String(), ".")
	const maxRunes = 48
	if utf8.RuneCountInString(s) > maxRunes || s == "" {
		sum := sha256.Sum256([]byte(v))
		r := []rune(s)
		if len(r) > maxRunes {
			r = r[:maxRunes]
		}
		s = string(r) + "-" + hex.EncodeToString(sum[:4])
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// Revision is one commit that changed a page's source, with the diff a reader sees.
type Revision struct {
	Hash, Short string
	Date        time.Time
	Author      string
	Subject     string
	Summary     string        // 修改 3 段，新增 1 段；时效：现行有效 → 已废止
	URL         string        // the diff page
	Diff        template.HTML // rendered diff against the previous revision
	Withheld    bool          // it held personal data: Summary and Diff are the notice that replaces it
	Page        *Page
}

// LastUpdated is the date of the newest revision, or zero without history.
func (p *Page) LastUpdated() time.Time {
	if len(p.Revisions) == 0 {
		return time.Time{}
	}
	return p.Revisions[0].Date
}
