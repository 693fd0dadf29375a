package site

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/cite"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/content"
)

// Input is what assembling needs: processed pages and what the earlier stages found.
type Input struct {
	Config   *config.Config
	Now      time.Time
	Pages    []*Page
	Resolver *Resolver
	Registry Registry
	Strict   bool
}

// Registry resolves department names as written to registered departments.
type Registry interface {
	// Resolve returns the canonical name, aliases, level and slug of a registered department.
	Resolve(name string) (canonical string, aliases []string, level, slug string, ok bool)
	// Suggest returns registered names close to name.
	Suggest(name string, n int) []string
}

// Assemble links pages into a site. Problems that stop the build are errors; the rest are
// warnings (errors too when Strict).
func Assemble(in Input) (s *Site, warnings []string, errs []error) {
	s = &Site{Config: in.Config, Now: in.Now, byFile: map[string]*Page{}, byURL: map[string]*Page{}}
	s.Pages = in.Pages
	for _, p := range s.Pages {
		s.byFile[p.File] = p
		if first, ok := s.byURL[p.URL]; ok {
			// One would overwrite the other's output (and, in the index, its records).
			errs = append(errs, fmt.Errorf("%s: 与 %s 发布到同一个网址 %s；请修改其中一个的 slug 或文件名", p.SrcPath, first.SrcPath, p.URL))
			continue
		}
		s.byURL[p.URL] = p
	}
	s.buildSections()
	s.buildTaxonomies()
	errs = append(errs, s.linkStatus()...)
	s.linkCitations(in.Resolver)
	w, e := s.buildDepartments(in.Registry, in.Strict)
	warnings = append(warnings, w...)
	errs = append(errs, e...)
	s.buildVillages()
	s.buildFacets()
	errs = append(errs, s.linkConsultations()...)
	return s, warnings, errs
}

// buildSections makes a Section for every folder with pages, synthesizing _index pages that do
// not exist, and a home page if there is none.
func (s *Site) buildSections() {
	sections := map[string]*Section{}
	for _, p := range s.Pages {
		if p.Kind == content.KindHome {
			s.Home = p
		}
		if p.Kind == content.KindSection {
			sections[p.Dir] = &Section{Page: p, Dir: p.Dir}
			p.Listing = sections[p.Dir]
		}
	}
	if s.Home == nil {
		s.Home = &Page{Page: &content.Page{Kind: content.KindHome, Type: "home", URL: "/", Title: s.Config.Title, Params: map[string]any{}}}
		s.Pages = append([]*Page{s.Home}, s.Pages...)
		s.byURL["/"] = s.Home
	}
	s.Home.Listing = &Section{Page: s.Home}
	var synthesized []*Page
	for _, p := range s.Pages {
		home := listingDir(p)
		if p.Kind != content.KindPage || home == "" {
			if p.Kind == content.KindPage {
				s.Home.Listing.Pages = append(s.Home.Listing.Pages, p)
			}
			continue
		}
		for dir := home; dir != "." && dir != ""; dir = path.Dir(dir) {
			if _, ok := sections[dir]; !ok {
				sp := &Page{Page: &content.Page{Kind: content.KindSection, Type: "section", Dir: dir, Section: strings.SplitN(dir, "/", 2)[0],
					URL: "/" + strings.ReplaceAll(dir, " ", "-") + "/", Title: path.Base(dir), File: dir + "/_index.md", Params: map[string]any{}}}
				sections[dir] = &Section{Page: sp, Dir: dir}
				sp.Listing = sections[dir]
				synthesized = append(synthesized, sp)
			}
		}
		sec := sections[home]
		sec.Pages = append(sec.Pages, p)
	}
	for _, sp := range synthesized {
		s.Pages = append(s.Pages, sp)
		s.byURL[sp.URL] = sp
		s.byFile[sp.File] = sp
	}
	dirs := make([]string, 0, len(sections))
	for d := range sections {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		sec := sections[d]
		SortNewestFirst(sec.Pages)
		if !strings.Contains(d, "/") {
			s.Sections = append(s.Sections, sec)
		}
	}
	sort.SliceStable(s.Sections, func(i, j int) bool { return s.Sections[i].Page.Weight < s.Sections[j].Page.Weight })
	for _, p := range s.Pages {
		if p.Policy != nil && p.Kind == content.KindPage {
			s.Documents = append(s.Documents, p)
		}
	}
	SortNewestFirst(s.Documents)
}

// listingDir is the folder whose section lists p: its own folder, except for
// a page bundle (x/y/index.md, published at /x/y/ with its files beside it),
// which the parent folder lists, so that no section page takes its URL.
func listingDir(p *Page) string {
	if path.Base(p.File) != "index.md" || p.Dir == "" {
		return p.Dir
	}
	if parent := path.Dir(p.Dir); parent != "." {
		return parent
	}
	return ""
}

func (s *Site) buildTaxonomies() {
	for _, tc := range s.Config.Taxonomies {
		tx := &Taxonomy{Taxonomy: tc}
		terms := map[string]*Term{}
		for _, p := range s.Pages {
			for _, v := range p.Terms[tc.Key] {
				t, ok := terms[v]
				if !ok {
					t = &Term{Name: v, URL: "/" + tc.Path + "/" + facetSlug(v) + "/"}
					terms[v] = t
					tx.Terms = append(tx.Terms, t)
				}
				t.Pages = append(t.Pages, p)
			}
		}
		sort.Slice(tx.Terms, func(i, j int) bool { return tx.Terms[i].Name < tx.Terms[j].Name })
		for _, t := range tx.Terms {
			SortNewestFirst(t.Pages)
		}
		s.Taxonomies = append(s.Taxonomies, tx)
	}
}

// findDocument resolves a reference written in front matter: a 文号 or a content path.
func (s *Site) findDocument(ref string) *Page {
	ref = strings.TrimSpace(ref)
	if p := s.PageByFile(strings.TrimPrefix(ref, "/")); p != nil {
		return p
	}
	if p := s.PageByFile(strings.TrimPrefix(strings.TrimPrefix(ref, "/"), "content/")); p != nil {
		return p
	}
	if p := s.byURL["/"+strings.Trim(ref, "/")+"/"]; p != nil {
		return p
	}
	if key, ok := cite.NormalizeDocNumber(ref); ok {
		for _, p := range s.Documents {
			if p.Policy.DocKey == key {
				return p
			}
		}
	}
	return nil
}

// linkStatus resolves amends / amended_by / repeals / repealed_by. A reference to a document
// that does not exist is an error.
func (s *Site) linkStatus() []error {
	var errs []error
	for _, p := range s.Documents {
		m := p.Policy
		for _, group := range []struct {
			label, reverse string
			refs           []refLine
			replacedByIt   bool
		}{
			{"修改", "被修改", toRefs(m.Amends), true},
			{"被修改", "修改", toRefs(m.AmendedBy), false},
			{"废止", "被废止", toRefs(m.Repeals), true},
			{"被废止", "废止", toRefs(m.RepealedBy), false},
		} {
			for _, r := range group.refs {
				t := s.findDocument(r.raw)
				if t == nil {
					errs = append(errs, fmt.Errorf("%s:%d: 本站没有 %q 所指的文件；写政策页面的文号或内容路径（如 policies/2018-kunming-shequ-zhili）", p.SrcPath, p.Line(r.line), r.raw))
					continue
				}
				p.addStatusLink(group.label, t)
				t.addStatusLink(group.reverse, p)
				if group.replacedByIt {
					t.addReplacement(p)
				} else {
					p.addReplacement(t)
				}
			}
		}
	}
	return errs
}

type refLine struct {
	raw  string
	line int
}

func (p *Page) addStatusLink(label string, t *Page) {
	for _, l := range p.StatusLinks {
		if l.Label == label && l.Target == t {
			return
		}
	}
	p.StatusLinks = append(p.StatusLinks, StatusLink{Label: label, Target: t})
}

func (p *Page) addReplacement(t *Page) {
	for _, r := range p.Replacements {
		if r == t {
			return
		}
	}
	p.Replacements = append(p.Replacements, t)
}

// linkCitations fills CitedBy of pages and external documents.
func (s *Site) linkCitations(r *Resolver) {
	ext := map[*CitedDoc]bool{}
	for _, p := range s.Pages {
		seen := map[any]bool{}
		for _, c := range p.Cites {
			switch {
			case c.Target != nil && c.Target != p && !seen[c.Target]:
				seen[c.Target] = true
				c.Target.CitedBy = append(c.Target.CitedBy, p)
			case c.External != nil && !seen[c.External]:
				seen[c.External] = true
				c.External.CitedBy = append(c.External.CitedBy, p)
				ext[c.External] = true
			}
		}
	}
	for d := range ext {
		s.External = append(s.External, d)
	}
	sort.Slice(s.External, func(i, j int) bool {
		if len(s.External[i].CitedBy) != len(s.External[j].CitedBy) {
			return len(s.External[i].CitedBy) > len(s.External[j].CitedBy)
		}
		return s.External[i].URL < s.External[j].URL
	})
}

// buildFacets lists policy documents by issuer, year, genre, status, level and topic.
func (s *Site) buildFacets() {
	type getter func(p *Page) []string
	facets := []struct {
		key, title string
		get        getter
	}{
		{"issuer", "发文机关", func(p *Page) []string { return p.Policy.Issuers }},
		{"year", "年份", func(p *Page) []string {
			if y := p.Policy.Year(); y > 0 {
				return []string{strconv.Itoa(y)}
			}
			return nil
		}},
		{"genre", "文种", func(p *Page) []string { return nonEmpty(p.Policy.Genre) }},
		{"status", "时效", func(p *Page) []string { return nonEmpty(p.Policy.Status) }},
		{"level", "层级", func(p *Page) []string { return nonEmpty(p.Policy.Level) }},
		{"topic", "主题分类", func(p *Page) []string { return p.Policy.Topics }},
	}
	for _, f := range facets {
		facet := &Facet{Key: f.key, Title: f.title, URL: "/documents/" + f.key + "/"}
		values := map[string]*FacetValue{}
		for _, p := range s.Documents {
			for _, v := range f.get(p) {
				fv, ok := values[v]
				if !ok {
					fv = &FacetValue{Name: v, URL: FacetURL(f.key, v)}
					values[v] = fv
					facet.Values = append(facet.Values, fv)
				}
				fv.Pages = append(fv.Pages, p)
			}
		}
		sort.SliceStable(facet.Values, func(i, j int) bool {
			if f.key == "year" {
				return facet.Values[i].Name > facet.Values[j].Name
			}
			return len(facet.Values[i].Pages) > len(facet.Values[j].Pages)
		})
		if len(facet.Values) > 0 {
			s.Facets = append(s.Facets, facet)
		}
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// linkConsultations resolves what document each consultation concerns; naming a document that
// is not on the site is an error.
func (s *Site) linkConsultations() []error {
	var errs []error
	for _, p := range s.Pages {
		if p.Consult == nil || p.Consult.Concerns == "" {
			continue
		}
		p.Concerns = s.findDocument(p.Consult.Concerns)
		if p.Concerns == nil {
			line := p.MetaLine
			if n := content.Lookup(p.Meta, "concerns"); n != nil {
				line = p.Line(n.Line)
			}
			errs = append(errs, fmt.Errorf("%s:%d: concerns: 本站没有 %q 所指的文件；写政策页面的文号或内容路径（如 policies/2024-changsheng-guanxia）", p.SrcPath, line, p.Consult.Concerns))
		}
	}
	return errs
}

// ResetLinks clears what Assemble added to pages, so that the same pages can be assembled
// again after one of them changed.
func ResetLinks(pages []*Page, r *Resolver) {
	for _, p := range pages {
		p.CitedBy, p.StatusLinks, p.Replacements, p.Listing, p.Concerns = nil, nil, nil, nil, nil
		for _, t := range p.Tasks {
			t.overdue = false
			for _, u := range t.Units {
				u.Name, u.Dept = u.Written, nil
			}
		}
	}
	for _, d := range r.ExternalDocs() {
		d.CitedBy = nil
	}
	for _, p := range pages {
		for _, c := range p.Cites {
			if c.External != nil {
				c.External.CitedBy = nil
			}
		}
	}
}
