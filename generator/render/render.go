package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// Options configures a render.
type Options struct {
	Workers int // parallel page renders; 0 means one per CPU
	// PageHTML, when set, gives the converted body of a content page whose
	// HTML is empty, for the one file that shows it: the page holds it
	// while that file is rendered, and lets go of it after. A large
	// site's bodies then wait on disk rather than in memory (see
	// generator/build's parkHTML). ok false leaves the page as it is.
	PageHTML func(p *site.Page) (html template.HTML, ok bool, err error)
}

// Renderer writes a site's files.
type Renderer struct {
	theme *Theme
	site  *site.Site
	lang  string
	opts  Options
	// last are the files of the last render with their dependencies, for incremental rebuilds.
	last map[string]job
}

// New loads the theme from themeFs for the site.
func New(s *site.Site, themeFs afero.Fs, opts Options) (*Renderer, error) {
	css, _ := afero.ReadFile(themeFs, "static/css/style.css")
	sum := sha256.Sum256(css)
	th, err := LoadTheme(themeFs, s.Config.Language, funcs(s, s.Config.Language, hex.EncodeToString(sum[:4])))
	if err != nil {
		return nil, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	return &Renderer{theme: th, site: s, lang: s.Config.Language, opts: opts}, nil
}

// job is one HTML file to write.
type job struct {
	file   string // output path, e.g. policies/a/index.html
	layout string
	view   *View
	// deps are the pages whose content the file shows; an incremental rebuild re-renders the
	// file when one of them changed. always marks files that show site-wide counts.
	deps   []*site.Page
	always bool
}

// WithSite returns a renderer for a changed site that reuses the parsed theme.
func (r *Renderer) WithSite(s *site.Site) *Renderer {
	c := *r
	c.site = s
	// The theme's functions only read the build date, which a session keeps.
	c.last = nil
	return &c
}

// Render writes every file of the site into out and returns how many were written.
func (r *Renderer) Render(out afero.Fs) (int, error) {
	jobs := r.jobs()
	if err := collisions(jobs); err != nil {
		return 0, err
	}
	r.remember(jobs)
	n, err := r.renderJobs(out, jobs)
	if err != nil {
		return 0, err
	}
	m, err := r.writeExtras(out, true)
	return n + m, err
}

// collisions refuses two jobs writing one file: a page whose URL is one the generator uses
// itself (/departments/, /search/, a taxonomy's path) would be replaced without a word. Two pages
// on one URL are refused earlier, by site.Assemble.
func collisions(jobs []job) error {
	seen := make(map[string]job, len(jobs))
	var errs []error
	for _, j := range jobs {
		first, ok := seen[j.file]
		if !ok {
			seen[j.file] = j
			continue
		}
		src, other := jobSource(j), jobSource(first)
		if src == "" {
			src, other = other, src
		}
		if other == "" {
			other = "生成的页面"
		}
		errs = append(errs, fmt.Errorf("%s: 与%s发布到同一个网址 /%s；请修改 slug 或文件名，换一个网址",
			src, other, strings.TrimSuffix(j.file, "index.html")))
	}
	if len(errs) > 0 {
		return joinErrors(errs)
	}
	return nil
}

// jobSource is the file a job's page comes from, "" for a page the generator makes.
func jobSource(j job) string {
	if j.view != nil && j.view.Page != nil && j.view.Page.SrcPath != "" {
		return j.view.Page.SrcPath
	}
	return ""
}

func (r *Renderer) remember(jobs []job) {
	r.last = make(map[string]job, len(jobs))
	for _, j := range jobs {
		r.last[j.file] = j
	}
}

// renderJobs executes and writes jobs in parallel.
func (r *Renderer) renderJobs(out afero.Fs, jobs []job) (int, error) {
	var (
		mu    sync.Mutex
		errs  []error
		wg    sync.WaitGroup
		queue = make(chan job)
	)
	for i := 0; i < r.opts.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for j := range queue {
				buf.Reset()
				unpark, err := r.unpark(j)
				if err == nil {
					err = r.execute(&buf, j)
				}
				unpark()
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					continue
				}
				if err := writeFile(out, j.file, buf.Bytes()); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	if len(errs) > 0 {
		return 0, joinErrors(errs)
	}
	return len(jobs), nil
}

// unpark gives a content page its parked HTML (Options.PageHTML) for its
// job; the function returned takes it back. A content page has one job, and
// no other file shows its body.
func (r *Renderer) unpark(j job) (func(), error) {
	p := j.view.Page
	if r.opts.PageHTML == nil || p == nil || p.Kind != content.KindPage || p.HTML != "" {
		return func() {}, nil
	}
	html, ok, err := r.opts.PageHTML(p)
	if err != nil || !ok {
		return func() {}, err
	}
	p.HTML = html
	return func() { p.HTML = "" }, nil
}

func (r *Renderer) execute(buf *bytes.Buffer, j job) error {
	tpl, ok := r.theme.layouts[j.layout]
	if !ok {
		return fmt.Errorf("theme: 没有模板 %q 可生成 %s；在主题中加上 layouts/%s.html", j.layout, j.file, j.layout)
	}
	j.view.Lang = r.lang
	if err := tpl.ExecuteTemplate(buf, "baseof", j.view); err != nil {
		src := ""
		if j.view.Page != nil {
			src = j.view.Page.SrcPath + ": "
		}
		return fmt.Errorf("%s用 layouts/%s.html 生成 %s 时出错：%v", src, j.layout, j.file, err)
	}
	return nil
}

// layoutFor picks the layout of a content page: its type's own layout if the theme has one.
func (r *Renderer) layoutFor(p *site.Page) string {
	switch p.Kind {
	case content.KindHome:
		return "home"
	case content.KindSection:
		return "section"
	}
	typed := map[string]bool{"policy": p.Policy != nil, "consultation": p.Consult != nil, "disclosure": p.Disclose != nil}
	if ok, known := typed[p.Type]; known && !ok {
		return "page" // the type's metadata is missing; show the text
	}
	if r.theme.Has(p.Type) && p.Type != "section" && p.Type != "home" {
		return p.Type
	}
	return "page"
}

func (r *Renderer) view(kind, title, url string) *View {
	return &View{Site: r.site, Kind: kind, Title: title, URL: url}
}

// jobs lists every HTML file of the site.
func (r *Renderer) jobs() []job {
	s := r.site
	var jobs []job
	for _, p := range s.Pages {
		switch p.Kind {
		case content.KindHome:
			v := r.view("home", s.Config.Title, "/")
			v.Page = p
			v.Home = r.homeData()
			jobs = append(jobs, job{file: "index.html", layout: "home", view: v, always: true})
		case content.KindSection:
			jobs = append(jobs, r.listJobs(p, p.Listing.Pages, "section")...)
		default:
			v := r.view("page", p.Title, p.URL)
			v.Page = p
			v.Crumbs = r.crumbs(p)
			jobs = append(jobs, job{file: indexFile(p.URL), layout: r.layoutFor(p), view: v, deps: pageDeps(p)})
		}
	}
	jobs = append(jobs, r.taxonomyJobs()...)
	jobs = append(jobs, r.graphJobs()...)
	search := r.view("search", r.theme.T("search"), "/search/")
	jobs = append(jobs, job{file: "search/index.html", layout: "search", view: search})
	jobs = append(jobs, r.sitemapJob())
	nf := r.view("404", r.theme.T("not_found"), "/404.html")
	jobs = append(jobs, job{file: "404.html", layout: "404", view: nf})
	return jobs
}

// listJobs paginates a listing: url/, url/page/2/, …
func (r *Renderer) listJobs(p *site.Page, pages []*site.Page, layout string) []job {
	per := r.site.Config.Paginate
	total := (len(pages) + per - 1) / per
	if total == 0 {
		total = 1
	}
	var jobs []job
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*per, n*per
		if hi > len(pages) {
			hi = len(pages)
		}
		u := pageURL(p.URL, n)
		v := r.view("section", p.Title, u)
		v.Page = p
		v.List = pages[lo:hi]
		v.Crumbs = r.crumbs(p)
		if r.HasFeeds() {
			v.FeedURL = p.URL + "index.xml"
		}
		v.Pager = &Pager{Number: n, Total: total, Base: p.URL}
		if n > 1 {
			v.Pager.PrevURL = pageURL(p.URL, n-1)
		}
		if n < total {
			v.Pager.NextURL = pageURL(p.URL, n+1)
		}
		// Every page of a listing depends on every entry: one date change reorders them all.
		jobs = append(jobs, job{file: indexFile(u), layout: layout, view: v, deps: pages})
	}
	return jobs
}

// pageDeps are the pages whose titles or links a content page shows besides itself.
func pageDeps(p *site.Page) []*site.Page {
	deps := append([]*site.Page(nil), p.CitedBy...)
	deps = append(deps, p.Replacements...)
	for _, l := range p.StatusLinks {
		deps = append(deps, l.Target)
	}
	for _, c := range p.Cites {
		if c.Target != nil {
			deps = append(deps, c.Target)
		}
	}
	if p.Concerns != nil {
		deps = append(deps, p.Concerns)
	}
	return deps
}

func pageURL(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

func (r *Renderer) homeData() *HomeData {
	s := r.site
	h := &HomeData{Sections: s.Sections}
	for _, p := range s.RegularPages() {
		if p.Disclose != nil && p.Disclose.OnNotice(s.Now) {
			h.OnNotice = append(h.OnNotice, p)
		}
		if p.Consult != nil && p.Consult.OpenForComment(s.Now) {
			h.Open = append(h.Open, p)
		}
	}
	h.Policies = s.Documents
	if len(h.Policies) > 8 {
		h.Policies = h.Policies[:8]
	}
	return h
}

// crumbs is the path from home to a page's parent sections.
func (r *Renderer) crumbs(p *site.Page) []Crumb {
	out := []Crumb{{Name: r.theme.T("home"), URL: "/"}}
	if p.Kind == content.KindSection {
		return out
	}
	dir := p.Dir
	var parts []Crumb
	for dir != "" && dir != "." {
		if sp := r.site.PageByURL("/" + dir + "/"); sp != nil {
			parts = append([]Crumb{{Name: sp.Title, URL: sp.URL}}, parts...)
		}
		dir = path.Dir(dir)
		if dir == "." {
			break
		}
	}
	return append(out, parts...)
}

// URLs are the addresses of every HTML page the renderer writes, for checking links to them:
// /policies/a/, /policies/page/2/, /404.html.
func (r *Renderer) URLs() map[string]bool {
	out := map[string]bool{}
	for _, j := range r.jobs() {
		u := "/" + strings.TrimSuffix(j.file, "index.html")
		out[u] = true
	}
	return out
}

// indexFile maps a pretty URL to its file: /a/b/ → a/b/index.html.
func indexFile(u string) string {
	u = strings.Trim(u, "/")
	if u == "" {
		return "index.html"
	}
	return u + "/index.html"
}

func writeFile(out afero.Fs, name string, data []byte) error {
	if err := out.MkdirAll(path.Dir("/"+name), 0o755); err != nil {
		return fmt.Errorf("无法写入 %s：%v", name, err)
	}
	if a, ok := out.(atomicFs); ok {
		if sameContent(a.Fs, "/"+name, data) {
			return nil
		}
		return a.writeFile("/"+name, data)
	}
	if err := afero.WriteFile(out, "/"+name, data, 0o644); err != nil {
		return fmt.Errorf("无法写入 %s：%v", name, err)
	}
	return nil
}

func joinErrors(errs []error) error {
	var b strings.Builder
	for i, e := range errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return fmt.Errorf("%s", b.String())
}
