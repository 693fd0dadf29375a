// Package content walks a site's content folder and turns each Markdown file into a Page: its
// front matter decoded (known keys typed, the rest kept as params), its place in the section tree
// and its URL.
package content

import (
	"time"

	"go.yaml.in/yaml/v3"
)

// Kinds of pages.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// Page is one content file.
type Page struct {
	File    string // path relative to the content root, slash-separated, e.g. policies/a.md
	SrcPath string // path as opened, for error messages, e.g. content/policies/a.md
	Section string // first folder ("" at the root)
	Dir     string // folder relative to the content root ("" at the root)
	Kind    string // home, section or page
	Type    string // policy, consultation, disclosure, page, … (front matter, section default, or section name)
	Slug    string
	URL     string // pretty URL, "/policies/a/"
	Title   string
	Summary string
	Weight  int
	Draft   bool
	Sample  bool
	Date    time.Time
	Publish time.Time // publishDate
	Expiry  time.Time // expiryDate
	// UnpublishAfter is the moment unpublish_after takes the page down: the midnight after the
	// day written, or the time written. Zero: it stays.
	UnpublishAfter time.Time
	Lastmod        time.Time
	Terms          map[string][]string // taxonomy key → values
	Params         map[string]any      // every front matter key, known or not, for templates
	Meta           *yaml.Node          // the front matter mapping, for typed decoders of each page type
	MetaLine       int                 // line in the file where the YAML starts
	Body           []byte
	BodyLine       int
	// Source is the whole file as read, kept until the personal-data guard has scanned it.
	Source []byte
}

// Published reports whether the page is visible on the given build date with the given options.
func (p *Page) Published(now time.Time, drafts, future bool) bool {
	if p.Draft && !drafts {
		return false
	}
	if !future {
		if !p.Publish.IsZero() && p.Publish.After(now) {
			return false
		}
		if p.Publish.IsZero() && !p.Date.IsZero() && p.Date.After(now) {
			return false
		}
	}
	if down := p.Down(); !down.IsZero() && !down.After(now) {
		return false
	}
	return true
}

// Down is the moment the page comes down (the earlier of expiryDate and unpublish_after), or
// zero when it stays up.
func (p *Page) Down() time.Time {
	switch {
	case p.Expiry.IsZero():
		return p.UnpublishAfter
	case p.UnpublishAfter.IsZero() || p.Expiry.Before(p.UnpublishAfter):
		return p.Expiry
	}
	return p.UnpublishAfter
}

// Line converts a line number of a front matter YAML node into a line of the file.
func (p *Page) Line(yamlLine int) int {
	if yamlLine <= 0 {
		return p.MetaLine
	}
	return p.MetaLine + yamlLine - 1
}
