package render

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
)

// The <head> metadata of a page: description, canonical link, Open Graph for link previews in
// WeChat and elsewhere, and the page metadata tags that the national and provincial government
// website monitoring crawls (政府网站发展指引, as on www.gov.cn policy pages): site tags on every
// page, column tags on column and article pages, article tags on article pages.

// descriptionRunes is how much of the text a description keeps: search engines show about
// 120 Chinese characters.
const descriptionRunes = 120

// Description is the page's summary (front matter summary or description), else its first
// paragraph of some length, cut to descriptionRunes; the site's description on the home page
// and on generated pages.
func (v *View) Description() string {
	if p := v.Page; p != nil {
		if p.Summary != "" {
			return Shorten(oneLine(p.Summary), descriptionRunes)
		}
		if d := firstParagraph(p.Text); d != "" && p.Kind == content.KindPage {
			return Shorten(d, descriptionRunes)
		}
	}
	return oneLine(v.Site.Config.Description)
}

// firstParagraph is the first line of text that reads as a sentence: headings, the addressee
// (各区县人民政府：) and short lines are skipped; the first line when none is long enough.
func firstParagraph(text string) string {
	first := ""
	for _, line := range strings.Split(text, "\n") {
		line = oneLine(line)
		if line == "" {
			continue
		}
		if first == "" {
			first = line
		}
		if utf8.RuneCountInString(line) >= 30 {
			return line
		}
	}
	return first
}

// oneLine joins a text's lines and runs of spaces: a meta attribute is one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Canonical is the absolute URL of this page when the site has a base URL, else its path.
func (v *View) Canonical() string {
	if v.Site.Config.BaseURL == "" {
		return RelURL(v.URL)
	}
	return v.Site.Config.BaseURL + RelURL(v.URL)
}

// Permalink is the absolute URL, or the path when there is no base URL (printed on paper).
func (v *View) Permalink() string {
	if v.Site.Config.BaseURL == "" {
		return v.URL
	}
	return v.Site.Config.BaseURL + v.URL
}

// IsArticle reports whether the page is a document (og:type article) rather than a listing.
func (v *View) IsArticle() bool { return v.Page != nil && v.Page.Kind == content.KindPage }

// OGURL is the absolute URL for og:url, which must be absolute: "" without baseURL.
func (v *View) OGURL() string {
	if v.Site.Config.BaseURL == "" {
		return ""
	}
	return v.Canonical()
}

// OGLocale is the Open Graph locale of the interface language.
func (v *View) OGLocale() string {
	if v.Lang == "en" {
		return "en_US"
	}
	return "zh_CN"
}

// GovMeta is the monitoring metadata of one page; empty fields are left out.
type GovMeta struct {
	SiteName, SiteDomain, SiteIDCode                          string
	ColumnName, ColumnDescription, ColumnKeywords, ColumnType string
	Article                                                   bool
	ArticleTitle, PubDate, ContentSource, Keywords, Author    string
	Description, Image, URL                                   string
	Published, Modified                                       string // RFC 3339, for article:published_time
}

// Gov fills the monitoring tags from the site, the page's column and its front matter.
func (v *View) Gov() *GovMeta {
	cfg := v.Site.Config
	g := &GovMeta{SiteName: cfg.Title, SiteDomain: siteDomain(cfg.BaseURL, cfg.Params), SiteIDCode: siteIDCode(cfg.Government.SiteCode, cfg.Params)}
	if v.IsHome() {
		return g
	}
	col := v.column()
	if col != nil {
		g.ColumnName = col.Title
		g.ColumnDescription = oneLine(col.Summary)
		g.ColumnKeywords = strings.Join(keywords(col), ",")
		if g.ColumnKeywords == "" {
			g.ColumnKeywords = col.Title
		}
	} else {
		g.ColumnName = v.Title
	}
	g.ColumnType = columnType(v)
	if !v.IsArticle() {
		return g
	}
	p := v.Page
	g.Article = true
	g.ArticleTitle = p.Title
	if d := p.SortDate(); !d.IsZero() {
		g.PubDate = d.Format("2006-01-02 15:04")
		g.Published = d.Format(time.RFC3339)
	}
	if d := p.LastUpdated(); !d.IsZero() {
		g.Modified = d.Format(time.RFC3339)
	}
	g.ContentSource = contentSource(p, cfg.Organization.Name)
	g.Author = g.ContentSource
	if a, ok := p.Params["author"].(string); ok && a != "" {
		g.Author = a
	}
	g.Keywords = strings.Join(keywords(p), ",")
	g.Description = v.Description()
	if img, ok := p.Params["image"].(string); ok && img != "" {
		g.Image = v.absolute(img)
	}
	if v.Site.Config.BaseURL != "" {
		g.URL = v.Canonical()
	}
	return g
}

// column is the section page a page belongs to (the nearest one), or the page itself when it
// heads a section; nil for pages generated from the graph (departments, villages, terms).
func (v *View) column() *site.Page {
	p := v.Page
	if p == nil {
		return nil
	}
	if p.Kind == content.KindSection {
		return p
	}
	for dir := p.Dir; dir != "" && dir != "."; {
		if sp := v.Site.PageByURL("/" + strings.ReplaceAll(dir, " ", "-") + "/"); sp != nil && sp.Kind == content.KindSection {
			return sp
		}
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			break
		}
		dir = dir[:i]
	}
	return nil
}

// columnType names the column the way the monitoring groups columns: public information,
// interaction (consultations) or other.
func columnType(v *View) string {
	typ := ""
	if p := v.column(); p != nil {
		typ = p.Type
		if p.Listing != nil && len(p.Listing.Pages) > 0 {
			typ = p.Listing.Pages[0].Type
		}
	}
	if v.Page != nil && v.Page.Kind == content.KindPage {
		typ = v.Page.Type
	}
	switch {
	case typ == "consultation":
		return "互动交流"
	case typ == "policy", typ == "disclosure", v.Kind == "department", v.Kind == "departments",
		v.Kind == "village", v.Kind == "villages", v.Kind == "term", v.Kind == "facet", v.Kind == "documents":
		return "信息公开"
	}
	return "其他"
}

// contentSource is who the text comes from: the issuers of a policy, the organiser of a
// consultation, the body responsible for a disclosure, else the site's organisation.
func contentSource(p *site.Page, org string) string {
	switch {
	case p.Policy != nil && len(p.Policy.Issuers) > 0:
		return strings.Join(p.Policy.Issuers, "、")
	case p.Consult != nil && p.Consult.Organizer != "":
		return p.Consult.Organizer
	case p.Disclose != nil && p.Disclose.Responsible != "":
		return p.Disclose.Responsible
	case p.Disclose != nil && p.Disclose.Village != "":
		return p.Disclose.Village
	}
	return org
}

// keywords are a page's topics and taxonomy terms, each once.
func keywords(p *site.Page) []string {
	seen := map[string]bool{}
	var out []string
	add := func(list []string) {
		for _, k := range list {
			if k = oneLine(k); k != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	if p.Policy != nil {
		add(p.Policy.Topics)
	}
	for _, key := range []string{"topics", "tags", "keywords"} {
		add(p.Terms[key])
		if list, ok := p.Params[key].([]any); ok && p.Terms[key] == nil {
			for _, x := range list {
				if s, ok := x.(string); ok {
					add([]string{s})
				}
			}
		}
	}
	return out
}

func (v *View) absolute(u string) string {
	if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
		return u
	}
	if !strings.HasPrefix(u, "/") {
		u = v.URL + u
	}
	return v.Site.Config.BaseURL + RelURL(u)
}

// siteIDCode is the 政府网站标识码: government.site_code in site.yaml, else params.site_code
// or params.site_id_code (sites that set it before the government settings existed).
func siteIDCode(government string, params map[string]any) string {
	if government != "" {
		return government
	}
	return paramString(params, "site_code", "site_id_code")
}

// siteDomain is params.site_domain, else the host of baseURL.
func siteDomain(baseURL string, params map[string]any) string {
	if d := paramString(params, "site_domain"); d != "" {
		return d
	}
	if u, err := url.Parse(baseURL); err == nil {
		return u.Host
	}
	return ""
}

func paramString(params map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := params[k].(string); ok && s != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}
