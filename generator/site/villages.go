package site

import (
	"sort"
)

// Group is a named list of pages, e.g. one category of a village's disclosures.
type Group struct {
	Name  string
	URL   string
	Pages []*Page
}

// Archives are the disclosure listings by category and by month.
type Archives struct {
	Categories []*Group
	Months     []*Group
}

// buildVillages gathers disclosures by village or community.
func (s *Site) buildVillages() {
	byName := map[string]*Village{}
	for _, p := range s.Pages {
		if p.Disclose == nil || p.Disclose.Village == "" {
			continue
		}
		v, ok := byName[p.Disclose.Village]
		if !ok {
			v = &Village{Name: p.Disclose.Village, URL: VillageURL(p.Disclose.Village)}
			byName[v.Name] = v
			s.Villages = append(s.Villages, v)
		}
		v.Pages = append(v.Pages, p)
	}
	sort.Slice(s.Villages, func(i, j int) bool { return s.Villages[i].Name < s.Villages[j].Name })
	var all []*Page
	for _, v := range s.Villages {
		SortNewestFirst(v.Pages)
		all = append(all, v.Pages...)
	}
	SortNewestFirst(all)
	s.Archives.Categories = groupBy(all, func(p *Page) string { return p.Disclose.Category })
	for _, g := range s.Archives.Categories {
		g.URL = "/disclosures/category/" + facetSlug(g.Name) + "/"
	}
	s.Archives.Months = ByMonth(all)
	for _, g := range s.Archives.Months {
		g.URL = "/disclosures/month/" + facetSlug(g.Name) + "/"
	}
}

// ByCategory groups a village's disclosures by category, in the order categories first appear.
func (v *Village) ByCategory() []*Group {
	return groupBy(v.Pages, func(p *Page) string { return p.Disclose.Category })
}

// ByMonth groups disclosures by the month their notice period starts.
func ByMonth(pages []*Page) []*Group {
	return groupBy(pages, func(p *Page) string {
		if p.Disclose != nil && !p.Disclose.NoticeStart.IsZero() {
			return p.Disclose.NoticeStart.Format("2006年1月")
		}
		return p.SortDate().Format("2006年1月")
	})
}

func groupBy(pages []*Page, key func(*Page) string) []*Group {
	var out []*Group
	idx := map[string]*Group{}
	for _, p := range pages {
		k := key(p)
		g, ok := idx[k]
		if !ok {
			g = &Group{Name: k}
			idx[k] = g
			out = append(out, g)
		}
		g.Pages = append(g.Pages, p)
	}
	return out
}

// VillageURL is the page of a village or community.
func VillageURL(name string) string { return "/villages/" + facetSlug(name) + "/" }

// ByMonthGroups groups a village's disclosures by the month their notice starts.
func (v *Village) ByMonthGroups() []*Group { return ByMonth(v.Pages) }
