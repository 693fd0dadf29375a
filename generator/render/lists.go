package render

import (
	"sort"

	"github.com/gongkai/gongkai/generator/site"
)

// taxonomyJobs writes /KEY/ (all terms) and /KEY/TERM/ (pages with the term).
func (r *Renderer) taxonomyJobs() []job {
	var jobs []job
	for _, tx := range r.site.Taxonomies {
		if len(tx.Terms) == 0 {
			continue
		}
		u := "/" + tx.Path + "/"
		// The default taxonomies' titles (标签, 主题分类) are the generator's words.
		title := r.theme.Word(tx.Title)
		v := r.view("taxonomy", title, u)
		v.Data = tx
		v.Crumbs = []Crumb{{Name: r.theme.T("home"), URL: "/"}}
		var all []*site.Page
		for _, t := range tx.Terms {
			all = append(all, t.Pages...)
		}
		jobs = append(jobs, job{file: indexFile(u), layout: "taxonomy", view: v, deps: all})
		for _, t := range tx.Terms {
			tv := r.view("term", t.Name, t.URL)
			tv.Data = t
			tv.List = t.Pages
			tv.Crumbs = []Crumb{{Name: r.theme.T("home"), URL: "/"}, {Name: title, URL: u}}
			tv.FeedURL = r.feedURL(t.URL)
			jobs = append(jobs, job{file: indexFile(t.URL), layout: "term", view: tv, deps: t.Pages})
		}
	}
	return jobs
}

// graphJobs writes the pages that exist because of what documents say: listings by facet,
// departments, cited documents that are not on the site, villages.
func (r *Renderer) graphJobs() []job {
	s := r.site
	home := Crumb{Name: r.theme.T("home"), URL: "/"}
	var jobs []job

	docs := r.view("documents", r.theme.T("all_documents"), "/documents/")
	docs.List = s.Documents
	docs.Crumbs = []Crumb{home}
	jobs = append(jobs, job{file: "documents/index.html", layout: "documents", view: docs, deps: s.Documents})
	for _, f := range s.Facets {
		for _, fv := range f.Values {
			v := r.view("facet", r.theme.T("label_value", r.facetTitle(f), fv.Name), fv.URL)
			v.Data = fv
			v.FeedURL = r.feedURL(fv.URL)
			v.List = fv.Pages
			v.Crumbs = []Crumb{home, {Name: r.theme.T("all_documents"), URL: "/documents/"}}
			jobs = append(jobs, job{file: indexFile(fv.URL), layout: "term", view: v, deps: fv.Pages})
		}
	}

	byLead := append([]*site.Department(nil), s.Departments...)
	sort.SliceStable(byLead, func(i, j int) bool {
		if byLead[i].Lead != byLead[j].Lead {
			return byLead[i].Lead > byLead[j].Lead
		}
		return byLead[i].Lead+byLead[i].Part > byLead[j].Lead+byLead[j].Part
	})
	byPart := append([]*site.Department(nil), s.Departments...)
	sort.SliceStable(byPart, func(i, j int) bool {
		if byPart[i].Lead+byPart[i].Part != byPart[j].Lead+byPart[j].Part {
			return byPart[i].Lead+byPart[i].Part > byPart[j].Lead+byPart[j].Part
		}
		return byPart[i].Lead > byPart[j].Lead
	})
	for _, d := range []struct {
		url, sort string
		list      []*site.Department
	}{{"/departments/", "lead", byLead}, {"/departments/by-participation/", "part", byPart}} {
		v := r.view("departments", r.theme.T("department_index"), d.url)
		v.Data = &DepartmentIndex{Sort: d.sort, Departments: d.list}
		v.Crumbs = []Crumb{home}
		jobs = append(jobs, job{file: indexFile(d.url), layout: "departments", view: v, deps: pagesWithTasks(s)})
	}
	for _, d := range s.Departments {
		v := r.view("department", d.Name, d.URL)
		v.Data = d
		v.FeedURL = r.feedURL(d.URL)
		v.Crumbs = []Crumb{home, {Name: r.theme.T("department_index"), URL: "/departments/"}}
		jobs = append(jobs, job{file: indexFile(d.URL), layout: "department", view: v, deps: taskPages(d)})
	}
	for _, c := range s.External {
		v := r.view("cited", c.Name(), c.URL)
		v.Data = c
		v.List = c.CitedBy
		v.Crumbs = []Crumb{home, {Name: r.theme.T("cited_docs"), URL: "/cited/"}}
		jobs = append(jobs, job{file: indexFile(c.URL), layout: "cited", view: v, deps: c.CitedBy})
	}
	if len(s.Changes) > 0 {
		cv := r.view("changes", r.theme.T("changes"), "/changes/")
		changes := s.Changes
		if len(changes) > 100 {
			changes = changes[:100]
		}
		cv.Data = changes
		if r.HasFeeds() {
			cv.FeedURL = "/changes/index.xml"
		}
		cv.Crumbs = []Crumb{home}
		jobs = append(jobs, job{file: "changes/index.html", layout: "changes", view: cv, always: true})
		for _, p := range s.Pages {
			for _, rev := range p.Revisions {
				if rev.URL == "" {
					continue
				}
				v := r.view("revision", p.Title+" "+rev.Short, rev.URL)
				v.Data = rev
				v.Crumbs = []Crumb{home, {Name: p.Title, URL: p.URL}}
				jobs = append(jobs, job{file: indexFile(rev.URL), layout: "revision", view: v, deps: []*site.Page{p}})
			}
		}
	}
	dv := r.view("data", r.theme.T("open_data"), "/data/")
	dv.Crumbs = []Crumb{home}
	jobs = append(jobs, job{file: "data/index.html", layout: "data", view: dv})

	cv := r.view("cited-index", r.theme.T("cited_docs"), "/cited/")
	cv.Data = s.External
	cv.Crumbs = []Crumb{home}
	jobs = append(jobs, job{file: "cited/index.html", layout: "citedindex", view: cv, deps: citing(s)})

	for _, groups := range [][]*site.Group{s.Archives.Categories, s.Archives.Months} {
		for _, g := range groups {
			v := r.view("archive", monthName(g.Name, r.lang), g.URL)
			v.List = g.Pages
			v.Crumbs = []Crumb{home, {Name: r.theme.T("villages"), URL: "/villages/"}}
			jobs = append(jobs, job{file: indexFile(g.URL), layout: "term", view: v, deps: g.Pages})
		}
	}
	if len(s.Villages) > 0 {
		vv := r.view("villages", r.theme.T("villages"), "/villages/")
		vv.Data = s.Villages
		vv.Crumbs = []Crumb{home}
		jobs = append(jobs, job{file: "villages/index.html", layout: "villages", view: vv, always: true})
		for _, vil := range s.Villages {
			v := r.view("village", vil.Name, vil.URL)
			v.Data = vil
			v.FeedURL = r.feedURL(vil.URL)
			v.List = vil.Pages
			v.Crumbs = []Crumb{home, {Name: r.theme.T("villages"), URL: "/villages/"}}
			jobs = append(jobs, job{file: indexFile(vil.URL), layout: "village", view: v, deps: vil.Pages})
		}
	}
	return jobs
}

// DepartmentIndex is the department list in one order.
type DepartmentIndex struct {
	Sort        string // lead or part
	Departments []*site.Department
}

func pagesWithTasks(s *site.Site) []*site.Page {
	var out []*site.Page
	for _, p := range s.Pages {
		if len(p.Tasks) > 0 {
			out = append(out, p)
		}
	}
	return out
}

func taskPages(d *site.Department) []*site.Page {
	seen := map[*site.Page]bool{}
	var out []*site.Page
	for _, t := range d.Tasks {
		if !seen[t.Task.Page] {
			seen[t.Task.Page] = true
			out = append(out, t.Task.Page)
		}
	}
	return out
}

func citing(s *site.Site) []*site.Page {
	var out []*site.Page
	for _, d := range s.External {
		out = append(out, d.CitedBy...)
	}
	return out
}
