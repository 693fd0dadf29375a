package render

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/site"
)

// View is what every template receives.
type View struct {
	Site     *site.Site
	Page     *site.Page // the content page, nil for generated pages
	Kind     string     // home, section, page, taxonomy, term, facet, department, departments, cited, village, search, sitemap, 404
	Title    string
	URL      string
	Lang     string
	List     []*site.Page
	Pager    *Pager
	Home     *HomeData
	Data     any // the kind's own payload: *site.Term, *site.Department, *site.CitedDoc, …
	Query    string
	FeedURL  string // the page's own RSS feed; "" when the site has none (no baseURL)
	Crumbs   []Crumb
	assetURL func(string) string
}

// Crumb is one breadcrumb link.
type Crumb struct{ Name, URL string }

// MenuItem is a navigation entry with its state.
type MenuItem struct {
	Name, URL string
	Active    bool
}

// HomeData is what the home page shows first: what is on notice and open for comment now.
type HomeData struct {
	OnNotice []*site.Page
	Open     []*site.Page
	Policies []*site.Page
	Sections []*site.Section
}

// Pager is one page of a paginated listing.
type Pager struct {
	Number, Total    int
	PrevURL, NextURL string
	Base             string // the listing's first page; page n is Base/page/n/
}

// IsHome reports whether this is the home page.
func (v *View) IsHome() bool { return v.Kind == "home" }

// HasFeeds reports whether the site publishes RSS feeds, for the templates' links to them.
func (v *View) HasFeeds() bool { return hasFeeds(v.Site) }

// Menu is the main navigation with the current section marked.
func (v *View) Menu() []MenuItem {
	var out []MenuItem
	for _, m := range v.Site.Config.Menu {
		name := m.Name
		if v.Lang == "en" && m.NameEn != "" {
			name = m.NameEn
		}
		active := m.URL != "/" && strings.HasPrefix(v.URL, m.URL)
		out = append(out, MenuItem{Name: name, URL: m.URL, Active: active})
	}
	return out
}

// TOC is a page's table of contents.
type TOC struct {
	HTML template.HTML
	Open bool
}

// TOC renders the page's outline as nested lists, or nil when it has too few entries.
func (v *View) TOC() *TOC {
	if v.Page == nil || v.Page.Outline == nil {
		return nil
	}
	units := v.Page.Outline.TOC()
	if len(units) < 3 {
		return nil
	}
	var b strings.Builder
	depth := 0
	open := 0
	for _, u := range units {
		d := u.Depth + 1
		if d < 1 {
			d = 1
		}
		for depth < d {
			b.WriteString("<ol>")
			depth++
			open++
		}
		for depth > d {
			b.WriteString("</li></ol>")
			depth--
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "<ol>") {
			b.WriteString("</li>")
		}
		b.WriteString(`<li><a href="#` + template.HTMLEscapeString(u.Anchor) + `">`)
		label := u.Label + u.Title
		if r, _ := utf8.DecodeLastRuneInString(u.Label); u.Title != "" && !unicode.IsPunct(r) {
			label = u.Label + " " + u.Title
		}
		b.WriteString(template.HTMLEscapeString(label))
		b.WriteString("</a>")
	}
	for depth > 0 {
		b.WriteString("</li></ol>")
		depth--
	}
	return &TOC{HTML: template.HTML(b.String()), Open: len(units) <= 40}
}

// StatusRef is a link from the status row: what amends, repeals or replaced this document.
type StatusRef struct{ Label, Title, URL string }

// Refs lists the documents named in amends / amended_by / repeals / repealed_by.
func (v *View) Refs() []StatusRef {
	if v.Page == nil || v.Page.Policy == nil {
		return nil
	}
	var out []StatusRef
	for _, r := range v.Page.StatusLinks {
		out = append(out, StatusRef{Label: r.Label, Title: r.Target.Title, URL: r.Target.URL})
	}
	return out
}

// CiteTarget is one document this page cites, deduplicated.
type CiteTarget struct {
	Name, URL string
	External  bool
}

// CiteTargets lists what the page cites, each document once, in order of first mention.
func (v *View) CiteTargets() []CiteTarget {
	if v.Page == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []CiteTarget
	for _, c := range v.Page.Cites {
		u := c.URL()
		if u == "" || seen[u] || (c.Target != nil && c.Target == v.Page) {
			continue
		}
		seen[u] = true
		if c.Target != nil {
			name := "《" + c.Target.Title + "》"
			if c.Target.Policy != nil && c.Target.Policy.DocNumber != "" {
				name += "（" + c.Target.Policy.DocNumber + "）"
			}
			out = append(out, CiteTarget{Name: name, URL: u})
		} else {
			out = append(out, CiteTarget{Name: c.External.Name(), URL: u, External: true})
		}
	}
	return out
}
