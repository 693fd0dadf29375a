package render

import (
	"bytes"
	"encoding/xml"
	"time"
)

// RSS 2.0 and the other XML files are written by one encoder, here: the site's feeds
// (extras.go, feeds_follow.go), its sitemap.xml, and the platform portal's 最近更新 feeds, so
// that an item or a date is written the same way everywhere.

// FeedItem is one item of an RSS 2.0 feed. PubDate is RFC 1123 with a numeric zone
// (time.RFC1123Z), or empty for a page without a date.
type FeedItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate,omitempty"`
	Category    string `xml:"category,omitempty"` // the portal names the site an item comes from
	Description string `xml:"description,omitempty"`
}

// FeedChannel is what an RSS feed says of itself. Language is lower case, as RSS 2.0 writes
// it (zh-cn).
type FeedChannel struct {
	Title       string
	Link        string
	Description string
	Language    string
}

// RSS is an RSS 2.0 document of the items, dated by its newest item.
func RSS(ch FeedChannel, items []FeedItem) []byte {
	type channel struct {
		Title       string     `xml:"title"`
		Link        string     `xml:"link"`
		Description string     `xml:"description"`
		Language    string     `xml:"language"`
		LastBuild   string     `xml:"lastBuildDate,omitempty"`
		Items       []FeedItem `xml:"item"`
	}
	type rss struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel channel  `xml:"channel"`
	}
	return XMLDocument(rss{Version: "2.0", Channel: channel{
		Title: ch.Title, Link: ch.Link, Description: ch.Description, Language: ch.Language,
		LastBuild: newestDate(items), Items: items,
	}})
}

// newestDate is the date of the newest item: a feed changes when its items do, not with every
// build, so that two builds of the same content write the same bytes and readers' caches hold.
func newestDate(items []FeedItem) string {
	var newest time.Time
	for _, it := range items {
		if t, err := time.Parse(time.RFC1123Z, it.PubDate); err == nil && t.After(newest) {
			newest = t
		}
	}
	if newest.IsZero() {
		return ""
	}
	return newest.Format(time.RFC1123Z)
}

// XMLDocument is v encoded as XML, indented by one space, after the XML declaration.
func XMLDocument(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	_ = enc.Encode(v)
	return b.Bytes()
}
