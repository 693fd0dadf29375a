package platform

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/spf13/afero"
)

// Options says which platform to build and how.
type Options struct {
	Fs   afero.Fs // the platform's files and its output; the OS filesystem when nil
	Root string   // the platform folder, holding platform.yaml
	Dest string   // the output folder; Root/public when ""
	// Site builds that one site only, and no portal: one job of a CI matrix (see Assemble).
	Site string
	// Force builds every site, changed or not.
	Force                           bool
	Drafts, Future, Strict, NoIndex bool
	Now                             time.Time
	// Tool identifies the gongkai binary (a hash of it): a site built by another one is built
	// again, since templates and checks may have changed.
	Tool     string
	Context  context.Context
	LockWait time.Duration
	// Done is called as each site's build ends (from several goroutines, one at a time), so the
	// CLI can say what happened while the others run.
	Done func(SiteResult)
}

// Status is what became of a site in a platform build.
type Status string

const (
	Built     Status = "built"     // built and published
	Unchanged Status = "unchanged" // its published output was current; not built
	Failed    Status = "failed"    // its build failed; its previous output stays published
)

// SiteResult is one site's part of a platform build.
type SiteResult struct {
	Name     string
	Status   Status
	Why      string // why it was built: 有改动, 首次构建, …
	Err      error
	Warnings []string
	Pages    int
	Duration time.Duration
}

// Report says what a platform build did.
type Report struct {
	Sites    []SiteResult // by name
	Portal   *PortalReport
	Duration time.Duration
}

// Count is how many sites ended with the status.
func (r *Report) Count(s Status) int {
	n := 0
	for _, x := range r.Sites {
		if x.Status == s {
			n++
		}
	}
	return n
}

// SitesFailed is the error of a platform build in which some sites failed: it names each
// with its errors. The other sites were published.
type SitesFailed []SiteResult

func (e SitesFailed) Error() string {
	var b strings.Builder
	names := make([]string, len(e))
	for i, s := range e {
		names[i] = s.Name
	}
	fmt.Fprintf(&b, "%d 个站点构建失败（%s），它们上一次成功构建的输出仍在线；其余站点已发布：", len(e), strings.Join(names, "、"))
	for _, s := range e {
		fmt.Fprintf(&b, "\n站点 %s：%v", s.Name, indent(s.Err))
	}
	return b.String()
}

func indent(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "\n  ")
}

// platform is a loaded platform.yaml with its sites and shared registry.
type platform struct {
	opts   Options
	cfg    *Config
	sites  []Site
	shared []byte // the registry file as read, for the inputs hash
	build  func(build.Options) (*build.Report, error)
}

// IsPlatform reports whether dir holds a platform.yaml.
func IsPlatform(afs afero.Fs, dir string) bool {
	if afs == nil {
		afs = afero.NewOsFs()
	}
	ok, _ := afero.Exists(afs, filepath.Join(dir, FileName))
	return ok
}

// Sites reads the platform.yaml in root and returns its sites (for a CI matrix).
func Sites(afs afero.Fs, root string) ([]Site, error) {
	p, err := load(Options{Fs: afs, Root: root})
	if err != nil {
		return nil, err
	}
	return p.sites, nil
}

// load reads platform.yaml, finds the sites and reads the shared department registry.
func load(opts Options) (*platform, error) {
	if opts.Fs == nil {
		opts.Fs = afero.NewOsFs()
	}
	if opts.Root == "" {
		opts.Root = "."
	}
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Root, "public")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now().In(content.CST)
	}
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	file := filepath.Join(opts.Root, FileName)
	src, err := afero.ReadFile(opts.Fs, file)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取平台配置（%v）", file, err)
	}
	cfg, err := Parse(file, src)
	if err != nil {
		return nil, err
	}
	sites, err := Resolve(opts.Fs, opts.Root, file, cfg)
	if err != nil {
		return nil, err
	}
	p := &platform{opts: opts, cfg: cfg, sites: sites, build: build.Run}
	if cfg.Departments != "" {
		if p.shared, err = afero.ReadFile(opts.Fs, filepath.Join(opts.Root, filepath.FromSlash(cfg.Departments))); err != nil {
			return nil, fmt.Errorf("%s:%d: 无法读取部门名录 %s（%v）；检查文件名，或删去 departments 这一行", file, cfg.DeptLine, cfg.Departments, err)
		}
	}
	return p, nil
}

// Build builds every site of the platform that changed since its last build, a few at a time,
// each into Dest/<name>/ through the atomic publish, then the portal from every site's summary.
// A site whose build fails keeps its previous output; the others publish, the portal is
// written, and the error (SitesFailed) names the failed sites. Other errors (platform.yaml,
// the portal) stop the build.
func Build(opts Options) (*Report, error) {
	start := time.Now()
	p, err := load(opts)
	if err != nil {
		return nil, err
	}
	sites := p.sites
	if p.opts.Site != "" {
		s, ok := Find(p.sites, p.opts.Site)
		if !ok {
			return nil, fmt.Errorf("%s: 没有名为 %q 的站点；平台的站点有：%s", filepath.Join(p.opts.Root, FileName), p.opts.Site, siteNames(p.sites))
		}
		sites = []Site{s}
	}
	var depts []config.Department
	if p.cfg.Departments != "" {
		if depts, err = ParseDepartments(filepath.Join(p.opts.Root, filepath.FromSlash(p.cfg.Departments)), p.shared); err != nil {
			return nil, err
		}
	}
	rep := &Report{Sites: p.buildSites(sites, depts)}
	if p.opts.Site == "" {
		if rep.Portal, err = p.writePortal(); err != nil {
			return rep, err
		}
	}
	rep.Duration = time.Since(start)
	var failed SitesFailed
	for _, s := range rep.Sites {
		if s.Status == Failed {
			failed = append(failed, s)
		}
	}
	if len(failed) > 0 {
		return rep, failed
	}
	return rep, nil
}

func siteNames(sites []Site) string {
	names := make([]string, len(sites))
	for i, s := range sites {
		names[i] = s.Name
	}
	return strings.Join(names, "、")
}

// buildSites builds the stale sites, parallel at a time, and returns every site's result in
// name order.
func (p *platform) buildSites(sites []Site, depts []config.Department) []SiteResult {
	parallel := p.cfg.Parallel
	if parallel <= 0 {
		parallel = runtime.NumCPU()
	}
	workers := max(1, runtime.NumCPU()/parallel)
	results := make([]SiteResult, len(sites))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		sema = make(chan struct{}, parallel)
	)
	for i, s := range sites {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sema <- struct{}{}
			defer func() { <-sema }()
			results[i] = p.buildSite(s, depts, workers)
			if p.opts.Done != nil {
				mu.Lock()
				p.opts.Done(results[i])
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return results
}

// buildSite builds one site when its inputs changed (or Force), into Dest/<name>/.
func (p *platform) buildSite(s Site, depts []config.Department, workers int) SiteResult {
	start := time.Now()
	res := SiteResult{Name: s.Name}
	if err := p.opts.Context.Err(); err != nil {
		res.Status, res.Err = Failed, err
		return res
	}
	flags := fmt.Sprintf("drafts=%t future=%t strict=%t noindex=%t", p.opts.Drafts, p.opts.Future, p.opts.Strict, p.opts.NoIndex)
	baseURL := p.siteBaseURL(s)
	hash, err := inputs(p.opts.Fs, s, p.shared, baseURL, flags, p.opts.Tool)
	if err != nil {
		res.Status, res.Err = Failed, err
		return res
	}
	dest := filepath.Join(p.opts.Dest, s.Name)
	prev, _ := build.ReadSummary(p.opts.Fs, dest)
	res.Why = stale(prev, s.Name, hash, p.opts.Now)
	if p.opts.Force && res.Why == "" {
		res.Why = "--force"
	}
	if res.Why == "" {
		res.Status, res.Pages = Unchanged, prev.Pages
		return res
	}
	brep, err := p.build(build.Options{
		SrcFs: p.opts.Fs, Source: s.Dir, Dest: dest,
		Drafts: p.opts.Drafts, Future: p.opts.Future, Strict: p.opts.Strict, NoIndex: p.opts.NoIndex,
		Now: p.opts.Now, Workers: workers, Context: p.opts.Context, LockWait: p.opts.LockWait,
		Platform: &build.PlatformOptions{Name: s.Name, Inputs: hash, BaseURL: baseURL, Departments: depts},
	})
	res.Duration = time.Since(start)
	if brep != nil {
		res.Warnings = brep.Warnings
	}
	if err != nil {
		if !strings.Contains(err.Error(), s.Dir) {
			err = fmt.Errorf("%s: %w", s.Dir, err)
		}
		res.Status, res.Err = Failed, err
		return res
	}
	res.Status = Built
	if brep.Site != nil {
		res.Pages = len(brep.Site.RegularPages())
	}
	return res
}

// siteBaseURL is the site's address on the platform, for a site.yaml without baseURL.
func (p *platform) siteBaseURL(s Site) string {
	if p.cfg.BaseURL == "" {
		return ""
	}
	return p.cfg.BaseURL + "/" + s.Name
}
