package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/platform"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/server"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/httpapi"
	"github.com/gongkai/gongkai/search/multi"
	"github.com/spf13/afero"
)

// `gongkai serve` on a platform serves its public/: the portal and every site's files, each
// site's own search at /<site>/search (and /<site>/api/search, /<site>/search.csv), and the
// unified search over every site at /search, /api/search and /search.csv (search/multi). It
// never writes there. Each site's index is opened read-only and reopened when the site's folder
// is replaced by a new build (a platform build publishes each site by renames), polled each
// second and on SIGHUP; the sites are those of the platform search manifest the portal writes
// (platform.SearchManifestFile), so a site added to the platform is picked up with the portal.

// isPlatformOutput reports whether dest holds a platform's output (its search manifest).
func isPlatformOutput(dest string) bool {
	_, err := os.Stat(filepath.Join(dest, filepath.FromSlash(platform.SearchManifestFile)))
	return err == nil
}

// platformSite is one site being served.
type platformSite struct {
	name, title string
	info        fs.FileInfo // its folder when its index was opened
	index       *httpapi.Swapper
	page        atomic.Pointer[searchShell] // its search page's frame and renderer
	handler     http.Handler
}

// searchShell renders a no-JS results page inside a built search page.
type searchShell struct {
	shell    []byte
	renderer *render.Renderer
}

// platformSites is the set of sites at one moment, and the unified search over them.
type platformSites struct {
	byName map[string]*platformSite
	all    *multi.Index
}

type platformServer struct {
	dest      string
	sources   map[string]string // site folders, for their themes (serve in a platform folder)
	out, errw io.Writer
	text      cliText
	srv       *server.Server
	sites     atomic.Pointer[platformSites]
	portal    atomic.Pointer[searchShell]
	stopping  atomic.Bool
	mu        sync.Mutex // one check at a time
	reported  map[string]string
}

// servePlatform serves the platform output in dest on ln until ctx is done, then lets
// requests in flight finish for at most shutdown.
func servePlatform(ctx context.Context, out, errw io.Writer, dest string, sources map[string]string, shutdown time.Duration, ln net.Listener) error {
	ps := &platformServer{dest: dest, sources: sources, out: out, errw: errw, reported: map[string]string{}}
	ps.srv = server.New(afero.NewOsFs(), dest, false)
	ps.srv.SetSearch(httpapi.NewSearcherHandler(func() httpapi.Searcher {
		if s := ps.sites.Load(); s != nil {
			return s.all
		}
		return nil
	}, func(w http.ResponseWriter, r *http.Request, data *httpapi.PageData) {
		writeSearchPage(w, ps.portal.Load(), data, errw)
	}))
	ps.check()
	defer rescanBuilds(ctx, time.Second, func(bool) { ps.check() })()
	hs, capped := server.HTTP(server.Health(ps, ps.ready), ln, server.DefaultLimits)
	started := func() {
		n := 0
		if s := ps.sites.Load(); s != nil {
			n = len(s.byName)
		}
		if ps.text.en {
			fmt.Fprintf(out, "Serving the platform in %s at http://%s/ (%d sites searchable; unified search at /search)\n", dest, ln.Addr(), n)
		} else {
			fmt.Fprintf(out, "正在提供平台 %s：http://%s/（%d 个站点可检索；统一搜索在 /search）\n", dest, ln.Addr(), n)
		}
	}
	return serveDraining(ctx, hs, capped, shutdown, ps.text, started, func() { ps.stopping.Store(true) }, ps.close)
}

func (ps *platformServer) ready() error {
	switch {
	case ps.stopping.Load():
		return errors.New("shutting down")
	case ps.sites.Load() == nil:
		return fmt.Errorf("no platform output in %s yet (%s)", ps.dest, platform.SearchManifestFile)
	}
	return nil
}

func (ps *platformServer) close() {
	if s := ps.sites.Swap(nil); s != nil {
		for _, site := range s.byName {
			_ = site.index.Close()
		}
	}
}

// ServeHTTP sends a site's search requests to the site, the rest to the files and the
// unified search.
func (ps *platformServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s := ps.sites.Load(); s != nil {
		name, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		if site := s.byName[name]; site != nil && server.IsSearchPath("/"+rest, r) {
			http.StripPrefix("/"+name, site.handler).ServeHTTP(w, r)
			return
		}
	}
	ps.srv.ServeHTTP(w, r)
}

// check reads the platform's search manifest and opens the index of every site whose folder
// is new or was replaced since it was opened.
func (ps *platformServer) check() {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	man, err := platform.ReadSearchManifest(nil, ps.dest)
	if err != nil {
		ps.report("", fmt.Sprintf("%s: %v; 等待平台构建（gongkai build 或 gongkai assemble）", filepath.Join(ps.dest, platform.SearchManifestFile), err))
		return
	}
	ps.report("", "")
	if shell, err := os.ReadFile(filepath.Join(ps.dest, "search", "index.html")); err == nil {
		if cur := ps.portal.Load(); cur == nil || string(cur.shell) != string(shell) {
			rd, err := searchRenderer("", shell)
			if err != nil {
				fmt.Fprintln(ps.errw, "统一搜索页：", err)
			}
			ps.portal.Store(&searchShell{shell: shell, renderer: rd})
		}
	}
	old := ps.sites.Load()
	next := &platformSites{byName: map[string]*platformSite{}}
	changed := old == nil
	var list []multi.Site
	for _, m := range man.Sites {
		var site *platformSite
		if old != nil {
			site = old.byName[m.Name]
		}
		if site == nil || site.title != m.Title {
			changed = true
		}
		site = ps.openSite(m, site)
		if site == nil {
			continue
		}
		next.byName[m.Name] = site
		list = append(list, multi.Site{Name: site.name, Title: site.title, Prefix: "/" + site.name, Open: site.index.Current})
	}
	if old != nil {
		for name, site := range old.byName {
			if next.byName[name] == nil {
				changed = true
				defer func() { _ = site.index.Close() }() // after the new set is in place
			}
		}
	}
	if !changed {
		return
	}
	next.all, err = multi.New(list)
	if err != nil {
		fmt.Fprintln(ps.errw, err)
		return
	}
	// The unified search leaves out the sites whose term filters lack a query's terms; the
	// first set of sites is ready once its filters are made (a second or so for a hundred
	// sites), a later one makes them while it serves.
	if old == nil {
		next.all.Warm()
	} else {
		go next.all.Warm()
	}
	ps.sites.Store(next)
}

// openSite opens (or reopens, when its folder was replaced) the index of one site; site is
// the one served until now, nil for a new one. nil when a new site's index does not open.
func (ps *platformServer) openSite(m platform.SearchSite, site *platformSite) *platformSite {
	dir := filepath.Join(ps.dest, filepath.FromSlash(strings.TrimSuffix(m.Path, "/")))
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return site // between a publish's two renames: keep serving what is open
	}
	if site != nil && site.title == m.Title && os.SameFile(site.info, info) {
		return site
	}
	ix, err := search.Open(filepath.Join(dir, filepath.FromSlash(build.IndexPath)))
	if err != nil {
		ps.report(m.Name, fmt.Sprintf("站点 %s：检索索引无法打开：%v%s", m.Name, err, map[bool]string{true: "；继续使用之前打开的索引", false: ""}[site != nil]))
		return site
	}
	ps.report(m.Name, "")
	fresh := &platformSite{name: m.Name, title: m.Title, info: info, index: httpapi.NewSwapper(nil)}
	if site != nil {
		fresh.index = site.index // searches in flight on the old index finish on it
	}
	if err := fresh.index.Swap(ix); err != nil {
		fmt.Fprintln(ps.errw, "closing the previous index:", err)
	}
	shell, _ := os.ReadFile(filepath.Join(dir, "search", "index.html"))
	rd, err := searchRenderer(ps.sources[m.Name], shell)
	if err != nil {
		fmt.Fprintf(ps.errw, "站点 %s：%v；%s\n", m.Name, err, ps.text.replicaDefaultTheme())
		rd, _ = searchRenderer("", shell)
	}
	fresh.page.Store(&searchShell{shell: shell, renderer: rd})
	alone := multi.Alone{Site: multi.Site{Name: m.Name, Title: m.Title, Prefix: "/" + m.Name, Open: fresh.index.Current}}
	fresh.handler = httpapi.NewSearcherHandler(func() httpapi.Searcher {
		if fresh.index.Current() == nil {
			return nil
		}
		return alone
	}, func(w http.ResponseWriter, r *http.Request, data *httpapi.PageData) {
		writeSearchPage(w, fresh.page.Load(), data, ps.errw)
	})
	return fresh
}

// report prints a problem of a site (or of the platform, key "") once, until it changes.
func (ps *platformServer) report(key, msg string) {
	if ps.reported[key] == msg {
		return
	}
	ps.reported[key] = msg
	if msg != "" {
		fmt.Fprintln(ps.errw, msg)
	}
}

// writeSearchPage renders the results into the built search page's frame.
func writeSearchPage(w http.ResponseWriter, sh *searchShell, data *httpapi.PageData, errw io.Writer) {
	if sh == nil || sh.renderer == nil {
		http.Error(w, "search page not built yet", http.StatusServiceUnavailable)
		return
	}
	var buf strings.Builder
	if err := sh.renderer.SearchPage(&buf, data); err != nil {
		fmt.Fprintln(errw, "search page:", err)
		http.Error(w, "search page failed", http.StatusInternalServerError)
		return
	}
	_, _ = w.Write(spliceMain(sh.shell, []byte(buf.String())))
}
