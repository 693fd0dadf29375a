package render

import (
	"encoding/xml"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/minify"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// writeExtras writes what is not an HTML page: theme static files, feeds, sitemap, robots.txt
// and the open data files.
func (r *Renderer) writeExtras(out afero.Fs, static bool) (int, error) {
	n := 0
	files, err := r.theme.StaticFiles()
	if err != nil {
		return n, err
	}
	if !static {
		files = nil
	}
	for _, f := range files {
		data, err := r.theme.ReadFile("static/" + f)
		if err != nil {
			return n, err
		}
		if err := writeFile(out, f, minify.Asset(f, data)); err != nil {
			return n, err
		}
		n++
	}
	robots := "User-agent: *\nAllow: /\n"
	if r.HasFeeds() {
		m, err := r.writeFeeds(out)
		if err != nil {
			return n, err
		}
		n += m
		robots += "Sitemap: " + r.site.Config.BaseURL + "/sitemap.xml\n"
	}
	if err := writeFile(out, "robots.txt", []byte(robots)); err != nil {
		return n, err
	}
	m, err := WriteData(out, r.site)
	return n + 1 + m, err
}

// HasFeeds reports whether the site gets RSS feeds and a sitemap. Both need absolute URLs,
// which only baseURL gives: feed readers and search engines reject relative links, so without
// it they are left out (and the build warns) rather than published broken.
func (r *Renderer) HasFeeds() bool { return hasFeeds(r.site) }

func hasFeeds(s *site.Site) bool { return s.Config.BaseURL != "" }

// writeFeeds writes the RSS feeds of the site, of each section, of each followable page
// (feeds_follow.go) and of 最近更新, and the sitemap.
func (r *Renderer) writeFeeds(out afero.Fs) (int, error) {
	n := 0
	feeds := map[string][]*site.Page{"index.xml": r.feedPages(r.site.RegularPages())}
	for _, sec := range r.site.Sections {
		feeds[strings.TrimPrefix(sec.Page.URL, "/")+"index.xml"] = r.feedPages(sec.Pages)
	}
	for file, pages := range feeds {
		title := r.site.Config.Title
		if file != "index.xml" {
			if sp := r.site.PageByURL("/" + strings.TrimSuffix(file, "index.xml")); sp != nil {
				title = sp.Title + " - " + title
			}
		}
		if err := writeFile(out, file, r.rss(title, pages)); err != nil {
			return n, err
		}
		n++
	}
	m, err := r.writeFollowFeeds(out)
	if err != nil {
		return n, err
	}
	n += m
	if len(r.site.Changes) > 0 {
		if err := writeFile(out, "changes/index.xml", r.changesFeed()); err != nil {
			return n, err
		}
		n++
	}
	if err := writeFile(out, "sitemap.xml", r.sitemap()); err != nil {
		return n, err
	}
	return n + 1, nil
}

func (r *Renderer) feedPages(pages []*site.Page) []*site.Page {
	list := append([]*site.Page(nil), pages...)
	site.SortNewestFirst(list)
	if len(list) > 30 {
		list = list[:30]
	}
	return list
}

func (r *Renderer) abs(u string) string { return r.site.Config.BaseURL + RelURL(u) }

// rss writes an RSS 2.0 feed of pages.
func (r *Renderer) rss(title string, pages []*site.Page) []byte {
	var items []FeedItem
	for _, p := range pages {
		it := FeedItem{Title: p.Title, Link: r.abs(p.URL), GUID: r.abs(p.URL), Description: summary(p)}
		if d := p.SortDate(); !d.IsZero() {
			it.PubDate = d.Format(time.RFC1123Z)
		}
		items = append(items, it)
	}
	return r.feed(title, items)
}

// changesFeed is the RSS feed of 最近更新: one item per revision, saying what changed.
func (r *Renderer) changesFeed() []byte {
	var items []FeedItem
	for i, c := range r.site.Changes {
		if i == 50 {
			break
		}
		link := c.Page.URL
		if c.URL != "" {
			link = c.URL
		}
		items = append(items, FeedItem{Title: r.theme.T("label_value", c.Page.Title, c.Subject), Link: r.abs(link), GUID: r.abs(c.Page.URL) + "#" + c.Hash,
			PubDate: c.Date.Format(time.RFC1123Z), Description: c.Summary})
	}
	return r.feed(r.theme.T("changes")+" - "+r.site.Config.Title, items)
}

// feed is an RSS 2.0 document of the site.
func (r *Renderer) feed(title string, items []FeedItem) []byte {
	return RSS(FeedChannel{Title: title, Link: r.abs("/"), Description: r.site.Config.Description,
		Language: strings.ToLower(r.site.Config.Language)}, items)
}

// summary is the front matter summary or the opening of the text.
func summary(p *site.Page) string {
	if p.Summary != "" {
		return p.Summary
	}
	return Shorten(strings.Join(strings.Fields(p.Text), ""), 140)
}

func (r *Renderer) sitemap() []byte {
	type url struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range r.site.Pages {
		u := url{Loc: r.abs(p.URL)}
		if d := p.SortDate(); !d.IsZero() && p.Kind == content.KindPage {
			u.Lastmod = d.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	return XMLDocument(set)
}
