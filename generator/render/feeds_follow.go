package render

import (
	"sort"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// Feeds for what people follow: a resident follows their village, a journalist a department,
// an issuer or a topic. Each such page gets a feed beside it (URL + index.xml), like Hugo's feed
// for every taxonomy term. An item is a page as it appears and as it changes: with history its
// date is the newest revision's and its guid names that revision, so a feed reader shows an
// amended document again; without history the page's own date is all the site knows.

// followFeed is one feed of a followable page.
type followFeed struct {
	url   string // the page's URL; the feed is url + "index.xml"
	title string
	items []FeedItem
}

// followFeeds lists the feeds of every village, department, facet value (issuer, topic, year…)
// and taxonomy term.
func (r *Renderer) followFeeds() []followFeed {
	s := r.site
	var out []followFeed
	pages := func(u, title string, list []*site.Page) {
		out = append(out, followFeed{url: u, title: title, items: r.changedItems(list)})
	}
	for _, v := range s.Villages {
		pages(v.URL, v.Name, v.Pages)
	}
	for _, f := range s.Facets {
		for _, fv := range f.Values {
			pages(fv.URL, r.theme.T("label_value", r.facetTitle(f), fv.Name), fv.Pages)
		}
	}
	for _, tx := range s.Taxonomies {
		for _, t := range tx.Terms {
			pages(t.URL, t.Name, t.Pages)
		}
	}
	for _, d := range s.Departments {
		out = append(out, followFeed{url: d.URL, title: d.Name, items: r.dutyItems(d)})
	}
	return out
}

// feedURL is the feed beside a followable page, or "" when the site has no feeds.
func (r *Renderer) feedURL(u string) string {
	if !r.HasFeeds() {
		return ""
	}
	return u + "index.xml"
}

// writeFollowFeeds writes the feeds of followFeeds.
func (r *Renderer) writeFollowFeeds(out afero.Fs) (int, error) {
	n := 0
	for _, f := range r.followFeeds() {
		file := strings.TrimPrefix(f.url, "/") + "index.xml"
		if err := writeFile(out, file, r.feed(f.title+" - "+r.site.Config.Title, f.items)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// changedItems are pages newest first by the date they last appeared or changed.
func (r *Renderer) changedItems(pages []*site.Page) []FeedItem {
	var items []dated
	for _, p := range pages {
		it := FeedItem{Title: p.Title, Link: r.abs(p.URL), GUID: r.abs(p.URL), Description: summary(p)}
		items = append(items, r.stamp(it, p))
	}
	return newestItems(items)
}

// dutyItems are the documents that give a department tasks, one item each, saying how many it
// leads and joins; the item changes when the document's revision does.
func (r *Renderer) dutyItems(d *site.Department) []FeedItem {
	type count struct{ lead, part int }
	counts := map[*site.Page]*count{}
	var order []*site.Page
	for _, t := range d.Tasks {
		p := t.Task.Page
		c, ok := counts[p]
		if !ok {
			c = &count{}
			counts[p] = c
			order = append(order, p)
		}
		if t.Lead {
			c.lead++
		} else {
			c.part++
		}
	}
	var items []dated
	for _, p := range order {
		c := counts[p]
		desc := r.theme.T("feed_duty_item", d.Name, c.lead, c.part)
		switch {
		case c.part == 0:
			desc = r.theme.T("feed_duty_lead", d.Name, c.lead)
		case c.lead == 0:
			desc = r.theme.T("feed_duty_part", d.Name, c.part)
		}
		it := FeedItem{Title: p.Title, Link: r.abs(p.URL) + "#duties-h", GUID: r.abs(p.URL) + "#" + d.Slug, Description: desc}
		items = append(items, r.stamp(it, p))
	}
	return newestItems(items)
}

// dated is an item with the time it sorts by.
type dated struct {
	FeedItem
	at time.Time
}

// stamp dates an item by the page's newest revision when history has one, else by its date,
// and makes the guid name the revision so that a change is a new item to feed readers.
func (r *Renderer) stamp(it FeedItem, p *site.Page) dated {
	at := p.SortDate()
	if len(p.Revisions) > 0 && p.Revisions[0].Date.After(at) {
		at = p.Revisions[0].Date
		it.GUID += "@" + p.Revisions[0].Short
		if s := p.Revisions[0].Summary; s != "" && !p.Revisions[0].Withheld {
			it.Description = s + " " + it.Description
		}
	}
	if !at.IsZero() {
		it.PubDate = at.Format(time.RFC1123Z)
	}
	return dated{it, at}
}

func newestItems(items []dated) []FeedItem {
	// Stable so that undated pages keep the listing's order.
	sort.SliceStable(items, func(i, j int) bool { return items[i].at.After(items[j].at) })
	out := make([]FeedItem, 0, len(items))
	for i, it := range items {
		if i == 30 {
			break
		}
		out = append(out, it.FeedItem)
	}
	return out
}

// facetTitle is a facet's name in the UI language: the site's own (主题分类) in Chinese, the
// theme's (Topic) in another language.
func (r *Renderer) facetTitle(f *site.Facet) string {
	if r.lang == "zh-CN" {
		return f.Title
	}
	return r.theme.TOr("facet_"+f.Key, f.Title)
}
