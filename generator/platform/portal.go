package platform

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/disclose"
	"github.com/gongkai/gongkai/generator/duty"
	"github.com/gongkai/gongkai/generator/site"
)

// portalRecent is how many pages the portal's 最近更新 page lists; its feeds list fewer.
const (
	portalRecent = 100
	portalFeed   = 50
)

// portal is what the portal pages show, made from the sites' summaries alone.
type portal struct {
	Config      *Config
	Now         time.Time
	Sites       []*portalSite
	Recent      []entry
	Notices     []notice
	Departments []*dept
}

// portalSite is a site as the portal lists it.
type portalSite struct {
	*build.Summary
	URL      string // "<name>/", relative to the portal root, or the site's own address
	Notices  int    // disclosures on notice now
	external bool
}

// entry is a page of some site in the portal's 最近更新.
type entry struct {
	build.SummaryPage
	Site *portalSite
	Link string // relative to the portal root
}

// notice is a disclosure of some site on notice now (公示期内).
type notice struct {
	build.SummaryNotice
	Site *portalSite
	Link string
}

// dept is a department of the unified department view, with the sites whose pages name it.
type dept struct {
	Name   string
	Slug   string
	Level  string
	Shared bool // in the platform's shared registry
	Sites  []deptSite
	Pages  int
}

// deptSite is one site's part of a department.
type deptSite struct {
	Site       *portalSite
	Link       string // the department's page on the site
	Lead, Part int
	Pages      []build.SummaryLink // URLs relative to the portal root
}

// newPortal merges the sites' summaries. shared is the platform's department registry (nil
// when none): names that it knows under another spelling are shown under its name.
func newPortal(cfg *Config, now time.Time, sums []*build.Summary, shared []config.Department) *portal {
	p := &portal{Config: cfg, Now: now}
	sort.Slice(sums, func(i, j int) bool { return sums[i].Name < sums[j].Name })
	for _, s := range sums {
		ps := &portalSite{Summary: s}
		// A site with a baseURL of its own (its own domain) is served there, and its pages link
		// root-relative for it: the portal links to it at that address.
		ps.external = s.BaseURL != "" && (cfg.BaseURL == "" || s.BaseURL != cfg.BaseURL+"/"+s.Name)
		ps.URL = ps.link("/")
		p.Sites = append(p.Sites, ps)
		for _, pg := range s.Recent {
			p.Recent = append(p.Recent, entry{SummaryPage: pg, Site: ps, Link: ps.link(pg.URL)})
		}
		for _, n := range s.Notices {
			d := disclose.Disclosure{NoticeStart: n.Start, NoticeEnd: n.End}
			if d.OnNotice(now) {
				p.Notices = append(p.Notices, notice{SummaryNotice: n, Site: ps, Link: ps.link(n.URL)})
				ps.Notices++
			}
		}
	}
	sort.SliceStable(p.Recent, func(i, j int) bool {
		a, b := p.Recent[i], p.Recent[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Site.Name != b.Site.Name {
			return a.Site.Name < b.Site.Name
		}
		return a.URL < b.URL
	})
	if len(p.Recent) > portalRecent {
		p.Recent = p.Recent[:portalRecent]
	}
	sort.SliceStable(p.Notices, func(i, j int) bool {
		a, b := p.Notices[i], p.Notices[j]
		if ae, be := endKey(a.End), endKey(b.End); !ae.Equal(be) {
			return ae.Before(be) // ending soonest first; open-ended last
		}
		if a.Site.Name != b.Site.Name {
			return a.Site.Name < b.Site.Name
		}
		return a.URL < b.URL
	})
	p.Departments = departments(p.Sites, shared)
	return p
}

func endKey(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// link is a URL of the site ("/policies/a/") as seen from the portal root.
func (s *portalSite) link(u string) string {
	if s.external {
		return s.BaseURL + u
	}
	return s.Name + "/" + strings.TrimPrefix(u, "/")
}

// departments gathers every department the sites name, under the shared registry's name when
// it knows the name, most widely named first.
func departments(sites []*portalSite, shared []config.Department) []*dept {
	var reg *duty.Registry
	if len(shared) > 0 {
		ds := make([]duty.Department, len(shared))
		for i, d := range shared {
			ds[i] = duty.Department{Name: d.Name, Aliases: d.Aliases, Level: d.Level, Slug: d.Slug}
		}
		reg, _ = duty.NewRegistry(ds) // checked when the platform was loaded
	}
	byName := map[string]*dept{}
	var out []*dept
	for _, s := range sites {
		for _, sd := range s.Departments {
			name, slug, level, isShared := sd.Name, "", "", false
			if reg != nil {
				if d, ok := reg.Resolve(sd.Name); ok {
					name, slug, level, isShared = d.Name, duty.Slug(d), d.Level, true
				}
			}
			d := byName[name]
			if d == nil {
				d = &dept{Name: name, Slug: slug, Level: level, Shared: isShared}
				byName[name] = d
				out = append(out, d)
			}
			ds := deptSite{Site: s, Link: s.link(sd.URL), Lead: sd.Lead, Part: sd.Part}
			for _, pg := range sd.Pages {
				ds.Pages = append(ds.Pages, build.SummaryLink{Title: pg.Title, URL: s.link(pg.URL)})
			}
			d.Pages += len(ds.Pages)
			d.Sites = append(d.Sites, ds)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Sites) != len(out[j].Sites) {
			return len(out[i].Sites) > len(out[j].Sites)
		}
		return out[i].Name < out[j].Name
	})
	slugs := map[string]bool{}
	for _, d := range out {
		if d.Slug == "" {
			d.Slug = site.PathSegment(d.Name)
		}
		base := d.Slug
		for n := 2; slugs[strings.ToLower(d.Slug)]; n++ {
			d.Slug = base + "-" + strconv.Itoa(n)
		}
		slugs[strings.ToLower(d.Slug)] = true
	}
	return out
}
