// Package build runs the pipeline end to end: config → content → decode → Markdown → assemble →
// render and index → publish. Each stage is a call into its own package; this file only orders
// them and collects what went wrong.
package build

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gongkai/gongkai/generator/cite"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/document"
	"github.com/gongkai/gongkai/generator/progress"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/generator/sourcefs"
	"github.com/spf13/afero"
	"github.com/yuin/goldmark"
)

// Options says what to build and where.
type Options struct {
	SrcFs   afero.Fs // where the site's source is; defaults to the OS filesystem
	Source  string   // the site folder (holds site.yaml and content/)
	DstFs   afero.Fs // where to write; defaults to SrcFs
	Dest    string   // output folder; defaults to Source/public
	Drafts  bool     // include drafts
	Future  bool     // include pages dated in the future
	Strict  bool     // warnings are errors
	NoIndex bool     // skip the search index
	Now     time.Time
	Clock   func() time.Time // the time of each build of a Session when Now is zero; time.Now when nil
	Workers int

	// Context stops the build when done (SIGTERM, Ctrl-C): page loops stop taking pages, the
	// stage refuses new files, and the staging folder is removed. Nil means never.
	Context context.Context
	// LockWait is how long to wait for another build writing Dest (publish.DefaultWait when 0).
	LockWait time.Duration
	// Progress counts the work as it is done, for a progress line; nil counts nothing.
	Progress *progress.Counters
	// Platform is set when the site is built as one of a platform's (platform.go).
	Platform *PlatformOptions
}

// Report says what a build did.
type Report struct {
	Pages    map[string]int // by kind/type
	Files    int
	Records  int
	Warnings []string
	Duration time.Duration
	IndexDir string // OS path of the search index, "" when none was written
	// Output says what became of Dest when the build failed ("the previous output was left
	// unchanged", or what finishing an interrupted publish did); "" when nothing is known.
	Output   string
	Site     *site.Site
	Renderer *render.Renderer
	Next     *Change // the next moment the site changes by itself, nil when none is known
}

// Errors is every error a build found, each "file:line: what; how to fix".
type Errors []error

func (e Errors) Error() string {
	var b strings.Builder
	for i, err := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Run builds the site. On any error nothing is published: Dest stays as it was.
func Run(opts Options) (*Report, error) {
	rep, _, err := run(opts, false)
	return rep, err
}

// run is Run, also returning the state a Session keeps when forSession.
func run(opts Options, forSession bool) (*Report, *state, error) {
	start := time.Now()
	opts = withDefaults(opts)
	rep := &Report{Pages: map[string]int{}}

	// The lock is taken first, so that a publish a crash interrupted is finished (or the
	// previous site put back) even when this build then fails.
	stage, err := publish.Begin(opts.DstFs, opts.Dest, publish.Options{Context: opts.Context, Wait: opts.LockWait})
	if err != nil {
		if errors.Is(err, publish.ErrBusy) || errors.Is(err, opts.Context.Err()) {
			rep.Output = "the previous output was left unchanged"
		}
		return rep, nil, err
	}
	ok := false
	defer func() {
		if !ok {
			stage.Abort()
			rep.Output = stage.Note()
		}
	}()

	cfg, err := config.Load(opts.SrcFs, filepath.Join(opts.Source, config.FileName))
	if err != nil {
		return rep, nil, err
	}
	applyPlatform(cfg, opts.Platform)
	st, errs := prepare(opts, cfg)
	if err := opts.Context.Err(); err != nil {
		return rep, nil, err
	}
	s, warnings, err := st.assemble(errs)
	rep.Warnings = warnings
	if err != nil {
		return rep, nil, err
	}

	themeFs := render.ThemeFs(opts.SrcFs, filepath.Join(opts.Source, "themes", cfg.Theme))
	ropts := render.Options{Workers: opts.Workers}
	rendered := make(chan struct{})
	beforeExport := func() {}
	if !forSession {
		// A session renders pages again after an edit: it keeps their bodies.
		parked, err := parkHTML(s.Pages)
		if err != nil {
			return rep, nil, err
		}
		defer parked.close()
		if parked != nil {
			ropts.PageHTML = parked.load
			// A site this large lets go of its pages' text once they are
			// rendered and indexed, for the static export.
			beforeExport = func() {
				<-rendered
				dropText(s.Pages)
			}
		}
	}
	r, err := render.New(s, themeFs, ropts)
	if err != nil {
		return rep, nil, err
	}
	var (
		wg       sync.WaitGroup
		indexErr error
		g        = newGuard(st.pages, s)
	)
	if !opts.NoIndex {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep.Records, rep.IndexDir, indexErr = writeIndex(opts, stage, s, g, beforeExport)
			if indexErr == nil {
				indexErr = opts.Context.Err()
			}
		}()
	}
	var out afero.Fs = progress.CountWrites(stage.Fs(), opts.Progress)
	if base := basePath(cfg.BaseURL, opts.Platform); base != "" {
		out = basePathFs{out, base}
	}
	files, err := r.Render(outputGuard{out, g})
	close(rendered)
	wg.Wait()
	if ctxErr := opts.Context.Err(); ctxErr != nil {
		return rep, nil, ctxErr // not one "context canceled" per file the stage refused
	}
	if err != nil {
		return rep, nil, err
	}
	if indexErr != nil {
		return rep, nil, indexErr
	}
	// Copied last, so that a file that would replace a generated one is found.
	if err := st.files.copyTo(opts.SrcFs, stage.Fs(), themeFs); err != nil {
		return rep, nil, err
	}
	rep.Files = files + len(st.files.list)
	if err := g.scanNames(stage.Fs()); err != nil {
		return rep, nil, err
	}
	if errs := g.errors(opts, st.files); len(errs) > 0 {
		return rep, nil, Errors(errs)
	}
	if opts.Platform != nil {
		if err := writeSummary(stage.Fs(), summarize(s, opts.Platform, opts.Now, st.sched.next(opts.Now))); err != nil {
			return rep, nil, err
		}
	}
	if err := stage.Commit(); err != nil {
		return rep, nil, err
	}
	ok = true
	if rep.IndexDir != "" {
		rep.IndexDir = filepath.Join(opts.Dest, IndexPath)
	}
	rep.countPages(s)
	rep.Site, rep.Renderer = s, r
	rep.Next = st.sched.next(opts.Now)
	rep.Duration = time.Since(start)
	return rep, st, nil
}

func withDefaults(opts Options) Options {
	if opts.SrcFs == nil {
		opts.SrcFs = afero.NewOsFs()
	}
	if opts.DstFs == nil {
		opts.DstFs = opts.SrcFs
	}
	if opts.Source == "" {
		opts.Source = "."
	}
	// Every read of the source stays inside the site folder; the output is written unconfined.
	opts.SrcFs = sourcefs.New(opts.SrcFs, opts.Source)
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Source, "public")
	}
	if opts.Now.IsZero() {
		if opts.Clock != nil {
			opts.Now = opts.Clock()
		} else {
			opts.Now = time.Now().In(content.CST)
		}
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	return opts
}

// Assemble runs every stage up to the assembled site, without writing anything. `gongkai check`
// and Run share it, so a check finds exactly what a build would refuse.
func Assemble(opts Options, cfg *config.Config) (*site.Site, []string, error) {
	st, errs := prepare(opts, cfg)
	s, warnings, err := st.assemble(errs)
	return s, warnings, err
}

// state is everything a build knows before assembling: the processed pages and what was found
// in them. serve --watch keeps it to rebuild only what a change touches.
type state struct {
	opts            Options
	cfg             *config.Config
	taxKeys         []string
	pages           []*site.Page
	found           map[*site.Page][]cite.Citation
	resolver        *site.Resolver
	md              goldmark.Markdown
	registry        site.Registry
	registryErr     error
	historyWarnings []string
	files           *siteFiles // attachments, images, data files and static/, copied as they are
	sched           schedule   // when pages go up or down, or change status, by themselves
	links           map[*site.Page][]pageLink
}

// prepare loads, decodes, guards and converts every page.
func prepare(opts Options, cfg *config.Config) (*state, Errors) {
	opts = withDefaults(opts)
	st := &state{opts: opts, cfg: cfg}
	var errs Errors
	for _, t := range cfg.Taxonomies {
		st.taxKeys = append(st.taxKeys, t.Key)
	}
	loaded, loadErrs := content.Load(opts.SrcFs, st.contentDir(), st.taxKeys, cfg.Limits)
	errs = append(errs, loadErrs...)
	opts.Progress.Read(len(loaded))

	stopped := func() bool {
		if err := opts.Context.Err(); err != nil {
			errs = append(errs, err)
			return true
		}
		return false
	}
	if stopped() {
		return st, errs
	}
	pages, decodeErrs := decodePages(opts, cfg, loaded)
	errs = append(errs, decodeErrs...)
	opts.Progress.SetPages(len(pages))
	st.sched = scheduleOf(opts, loaded, pages)
	if stopped() {
		return st, errs
	}
	errs = append(errs, guardPrivacy(pages)...)
	errs = append(errs, readDutyFiles(opts.SrcFs, st.contentDir(), pages, cfg.Limits)...)
	st.pages = pages
	var fileErrs []error
	st.files, fileErrs = st.findFiles(loaded, pages)
	errs = append(errs, fileErrs...)
	errs = append(errs, st.files.checkPrivacy(opts.SrcFs, pages, nil)...)
	for _, p := range pages {
		errs = append(errs, st.files.checkAttachments(opts.SrcFs, st.contentDir(), p)...)
	}

	st.resolver = site.NewResolver(pages)
	st.found = findCitations(opts.Context, pages, opts.Workers)
	for _, cs := range st.found {
		for _, c := range cs {
			st.resolver.Learn(c)
		}
	}
	st.md = document.NewMarkdown(cfg.Markup.UnsafeHTML, st.resolver)
	if stopped() {
		return st, errs
	}
	errs = append(errs, st.processAll(st.md, st.resolver, pages, pages, st.found)...)
	if stopped() {
		return st, errs
	}
	if cfg.History {
		st.historyWarnings = addHistory(opts, cfg.Language, pages)
	}
	st.registry, st.registryErr = newRegistry(cfg)
	return st, errs
}

func (st *state) contentDir() string { return filepath.Join(st.opts.Source, "content") }

// assemble links the processed pages into a site; errs are problems found so far.
func (st *state) assemble(errs Errors) (*site.Site, []string, error) {
	if st.registryErr != nil {
		errs = append(errs, st.registryErr)
	}
	s, warnings, assembleErrs := site.Assemble(site.Input{Config: st.cfg, Now: st.opts.Now, Pages: st.pages, Resolver: st.resolver, Registry: st.registry, Strict: st.opts.Strict})
	errs = append(errs, assembleErrs...)
	if s != nil {
		errs = append(errs, st.checkLinks(s)...)
	}
	warnings = append(append([]string(nil), st.historyWarnings...), warnings...)
	warnings = append(warnings, st.files.reviewedNotes...)
	if st.cfg.BaseURL == "" {
		warnings = append(warnings, noBaseURLWarning)
	}
	warnings = append(warnings, st.siteWarnings()...)
	if s != nil && st.cfg.History {
		s.Changes = collectChanges(s.Pages)
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, warnings, errs
	}
	return s, warnings, nil
}

// noBaseURLWarning says why a site without baseURL has no feeds or sitemap (see render.HasFeeds).
const noBaseURLWarning = config.FileName + ": 未设置 baseURL，没有生成 RSS 订阅（index.xml）和 sitemap.xml：订阅阅读器和搜索引擎只接受完整网址；" +
	"写上站点网址即可生成，如 baseURL: https://gongkai.example.gov.cn"

// processAll converts every page's Markdown in parallel and points its links to files at the
// copied files.
// all is every page of the site, which links may name.
func (st *state) processAll(md goldmark.Markdown, r *site.Resolver, all, pages []*site.Page, found map[*site.Page][]cite.Citation) []error {
	var (
		mu   sync.Mutex
		errs []error
	)
	byFile := make(map[string]*site.Page, len(all))
	for _, p := range all {
		byFile[p.File] = p
	}
	if st.links == nil {
		st.links = map[*site.Page][]pageLink{}
	}
	forEachPage(st.opts.Context, pages, st.opts.Workers, func(p *site.Page) {
		body := p.Body // Process drops it; broken links are reported with their line
		var pageErrs []error
		for _, pr := range document.Process(md, r, p, found[p]) {
			pageErrs = append(pageErrs, fmt.Errorf("%s:%d: %s", p.SrcPath, pr.Line, pr.Message))
		}
		pageErrs = append(pageErrs, st.files.linkFiles(st.opts.SrcFs, st.contentDir(), p, body)...)
		links, linkErrs := linkPages(p, byFile, body)
		pageErrs = append(pageErrs, linkErrs...)
		mu.Lock()
		errs = append(errs, pageErrs...)
		st.links[p] = links
		mu.Unlock()
		st.opts.Progress.Converted(1)
	})
	return errs
}

// checkLinks checks the links between pages against every page the theme renders.
func (st *state) checkLinks(s *site.Site) []error {
	themeFs := render.ThemeFs(st.opts.SrcFs, filepath.Join(st.opts.Source, "themes", st.cfg.Theme))
	r, err := render.New(s, themeFs, render.Options{Workers: 1})
	if err != nil {
		return nil // the build reports a broken theme when it renders
	}
	return checkPageLinks(st.links, s, r.URLs())
}

// findCitations finds the citations in every page's text, in parallel.
func findCitations(ctx context.Context, pages []*site.Page, workers int) map[*site.Page][]cite.Citation {
	out := make(map[*site.Page][]cite.Citation, len(pages))
	var mu sync.Mutex
	forEachPage(ctx, pages, workers, func(p *site.Page) {
		cs := cite.Find(string(p.Body))
		// Copies: parts of string(p.Body) would keep the whole text in
		// memory until the end of the build (laws ×4: 200 MB).
		for i := range cs {
			c := &cs[i]
			c.Title, c.DocNumber, c.Key, c.Alias = strings.Clone(c.Title), strings.Clone(c.DocNumber), strings.Clone(c.Key), strings.Clone(c.Alias)
		}
		mu.Lock()
		out[p] = cs
		mu.Unlock()
	})
	return out
}

// forEachPage calls f for every page on workers goroutines and returns when all are done, or
// soon after ctx is done: pages not yet handed out are then skipped.
func forEachPage(ctx context.Context, pages []*site.Page, workers int, f func(*site.Page)) {
	var wg sync.WaitGroup
	next := make(chan *site.Page)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				f(p)
			}
		}()
	}
feed:
	for _, p := range pages {
		select {
		case next <- p:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
}

// sortErrors orders errors by file and line so that the report reads top to bottom: a.md:9
// before a.md:10, which comparing the texts would put first.
func sortErrors(errs Errors) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Error(), errs[j].Error()
		fa, la, oka := fileLine(a)
		fb, lb, okb := fileLine(b)
		if oka && okb && fa == fb && la != lb {
			return la < lb
		}
		if oka && okb && fa != fb {
			return fa < fb
		}
		return a < b
	})
}

var fileLineRe = regexp.MustCompile(`^(.+?):(\d+):`)

// fileLine reads the "path:line:" an error message starts with.
func fileLine(msg string) (string, int, bool) {
	m := fileLineRe.FindStringSubmatch(msg)
	if m == nil {
		return "", 0, false
	}
	n, err := strconv.Atoi(m[2])
	return m[1], n, err == nil
}

func (rep *Report) countPages(s *site.Site) {
	for _, p := range s.Pages {
		key := p.Kind
		if p.Kind == content.KindPage {
			key = p.Type
		}
		rep.Pages[key]++
	}
}
