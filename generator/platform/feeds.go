package platform

import (
	"encoding/xml"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/render"
)

// feedItems are the newest pages of every site, for the portal's feeds.
func feedItems(pt *portal) []entry {
	if len(pt.Recent) > portalFeed {
		return pt.Recent[:portalFeed]
	}
	return pt.Recent
}

// newest is the newest item's date: a feed changes when its items do, not with every build.
func newest(items []entry) time.Time {
	var t time.Time
	for _, it := range items {
		if it.Date.After(t) {
			t = it.Date
		}
	}
	return t
}

// abs is a link of the portal (relative to its root, or already absolute) made absolute.
func (pt *portal) abs(link string) string {
	if strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "http://") {
		return link
	}
	return pt.Config.BaseURL + "/" + link
}

// rss is the portal's 最近更新 as RSS 2.0, each item naming its site as its category.
func rss(pt *portal) []byte {
	var items []render.FeedItem
	for _, it := range feedItems(pt) {
		x := render.FeedItem{Title: it.Title, Link: pt.abs(it.Link), GUID: pt.abs(it.Link), Category: it.Site.Title, Description: it.Summary}
		if !it.Date.IsZero() {
			x.PubDate = it.Date.Format(time.RFC1123Z)
		}
		items = append(items, x)
	}
	ch := render.FeedChannel{Title: "最近更新 - " + pt.Config.Title, Link: pt.abs(""), Description: pt.Config.Description, Language: "zh-cn"}
	return endLine(render.RSS(ch, items))
}

// atom is the portal's 最近更新 as Atom 1.0 (RFC 4287), which requires an updated date on
// every entry: a page without a date takes the feed's.
func atom(pt *portal) []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type author struct {
		Name string `xml:"name"`
	}
	type entryX struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Author  author `xml:"author"`
		Summary string `xml:"summary,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Title   string   `xml:"title"`
		Links   []link   `xml:"link"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []entryX `xml:"entry"`
	}
	items := feedItems(pt)
	updated := newest(items)
	if updated.IsZero() {
		updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f := feed{Lang: "zh-CN", Title: "最近更新 - " + pt.Config.Title, ID: pt.abs(""), Updated: updated.Format(time.RFC3339),
		Links: []link{{Href: pt.abs("")}, {Href: pt.abs("atom.xml"), Rel: "self"}}}
	for _, it := range items {
		d := it.Date
		if d.IsZero() {
			d = updated
		}
		f.Entries = append(f.Entries, entryX{Title: it.Title, Link: link{Href: pt.abs(it.Link)}, ID: pt.abs(it.Link),
			Updated: d.Format(time.RFC3339), Author: author{Name: it.Site.Title}, Summary: it.Summary})
	}
	return endLine(render.XMLDocument(f))
}

// endLine ends a portal feed with a newline, as the portal has always written them (the site's
// feeds end at the closing tag): a changed byte would make every reader fetch them again.
func endLine(doc []byte) []byte { return append(doc, '\n') }
