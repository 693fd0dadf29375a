package render

import (
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
)

// sitemapPerSection caps the pages a section shows on /sitemap/. A site map is read by people:
// a section of thousands of documents (a laws corpus) would bury every other heading, and its
// own paginated listing, linked from the section's heading, already has them all.
const sitemapPerSection = 200

// SiteMap is the payload of /sitemap/ (网站地图): every section with its pages, the pages
// outside sections, and the listings the generator makes.
type SiteMap struct {
	Sections []*SiteMapSection
	Pages    []*site.Page // regular pages at the top of the site, such as 关于
}

// SiteMapSection is a section with its pages and its subsections.
type SiteMapSection struct {
	Page     *site.Page
	Pages    []*site.Page // newest first, at most sitemapPerSection
	Total    int          // pages in the section itself, shown or not
	Children []*SiteMapSection
}

// More reports whether the section has pages the site map leaves out.
func (s *SiteMapSection) More() bool { return s.Total > len(s.Pages) }

// sitemapJob writes /sitemap/. It lists only s.Pages, the published pages, so drafts and
// pages before their publishDate or after their expiryDate are left out as in every listing.
func (r *Renderer) sitemapJob() job {
	s := r.site
	sections := map[string]*SiteMapSection{}
	var dirs []string
	for _, p := range s.Pages {
		if p.Kind == content.KindSection && p.Listing != nil {
			sm := &SiteMapSection{Page: p, Total: len(p.Listing.Pages)}
			sm.Pages = p.Listing.Pages
			if len(sm.Pages) > sitemapPerSection {
				sm.Pages = sm.Pages[:sitemapPerSection]
			}
			sections[p.Dir] = sm
			dirs = append(dirs, p.Dir)
		}
	}
	data := &SiteMap{}
	// Top-level sections in the order of the site's own listing (by weight); a subsection goes
	// under its nearest ancestor, in folder order.
	for _, sec := range s.Sections {
		if sm, ok := sections[sec.Dir]; ok {
			data.Sections = append(data.Sections, sm)
		}
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		if !strings.Contains(d, "/") {
			continue
		}
		for parent := parentDir(d); parent != ""; parent = parentDir(parent) {
			if up, ok := sections[parent]; ok {
				up.Children = append(up.Children, sections[d])
				break
			}
		}
	}
	if s.Home != nil && s.Home.Listing != nil {
		data.Pages = s.Home.Listing.Pages
	}
	v := r.view("sitemap", r.theme.T("sitemap"), "/sitemap/")
	v.Data = data
	v.Crumbs = []Crumb{{Name: r.theme.T("home"), URL: "/"}}
	// The map shows every page's title and date, and the lists built from all of them.
	return job{file: "sitemap/index.html", layout: "sitemap", view: v, deps: s.Pages}
}

func parentDir(d string) string {
	i := strings.LastIndexByte(d, '/')
	if i < 0 {
		return ""
	}
	return d[:i]
}
