package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/server"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/httpapi"
	"github.com/spf13/afero"
)

// `gongkai serve --no-build` is a replica: it serves a folder another process built (CI, an
// image, a read-only volume) and never writes, so any number of them run over one folder
// behind a load balancer. The index is opened read-only (a shared lock per shard), the files
// through a handle on the folder itself (os.Root), so that when a new build replaces the folder
// (gongkai build's two renames, or a symbolic link switched with mv -T) requests that started
// on the old build finish on it, and the new build is opened beside the old one before it is
// served.

// replicaOptions are serve's flags in replica mode.
type replicaOptions struct {
	source   string        // for site.yaml and themes/, which the no-JS search page is rendered with
	dest     string        // the built folder
	poll     time.Duration // how often the folder is checked for a new build
	shutdown time.Duration // how long in-flight requests may take after SIGTERM
}

// oldTreeGrace keeps a replaced build's folder handle open for the longest response
// (server.DefaultLimits.WriteTimeout) that may still be reading files from it.
var oldTreeGrace = server.DefaultLimits.WriteTimeout

// generation is one build being served.
type generation struct {
	root     *os.Root    // the build's folder, whatever its path now names
	info     fs.FileInfo // of that folder, to tell when the path names another one
	shell    []byte      // its search/index.html, the frame of the no-JS results page
	renderer *render.Renderer
}

type replica struct {
	opts      replicaOptions
	out, errw io.Writer
	text      cliText
	srv       *server.Server
	index     *httpapi.Swapper
	cur       atomic.Pointer[generation]
	stopping  atomic.Bool

	mu     sync.Mutex // one reload at a time
	absent bool       // the folder was missing at the last check, reported once
}

// serveReplica serves the built folder opts.dest on ln until ctx is done, then lets requests
// in flight finish for at most opts.shutdown.
func serveReplica(ctx context.Context, out, errw io.Writer, opts replicaOptions, ln net.Listener) error {
	if opts.poll <= 0 {
		opts.poll = time.Second
	}
	rp := &replica{opts: opts, out: out, errw: errw, text: textFor(opts.source), index: httpapi.NewSwapper(nil)}
	rp.srv = server.New(afero.NewMemMapFs(), "/", false) // nothing until the first build opens
	rp.srv.SetStale(func() { rp.check(false) })
	rp.srv.SetSearch(httpapi.NewHandler(rp.index.Current, rp.searchPage))
	rp.check(false)

	defer rescanBuilds(ctx, opts.poll, func(forced bool) { rp.check(forced) })()

	hs, capped := server.HTTP(server.Health(rp.withBuild(rp.srv), rp.ready), ln, server.DefaultLimits)
	return serveDraining(ctx, hs, capped, opts.shutdown, rp.text, func() {
		fmt.Fprintln(out, rp.text.replicaServing(opts.dest, ln.Addr().String()))
	}, func() {
		rp.stopping.Store(true)
		fmt.Fprintln(out, rp.text.replicaStopping(opts.shutdown))
	}, rp.close)
}

// ready is nil once a build is open and until shutdown starts.
func (rp *replica) ready() error {
	switch {
	case rp.stopping.Load():
		return errors.New("shutting down")
	case rp.cur.Load() == nil || rp.index.Current() == nil:
		return fmt.Errorf("no build of %s open yet", rp.opts.dest)
	}
	return nil
}

// withBuild answers 503 until a build is open, rather than a 404 for every page, so that a load
// balancer tries another replica (nginx: proxy_next_upstream http_503).
func (rp *replica) withBuild(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rp.cur.Load() == nil {
			w.Header().Set("Retry-After", "5")
			http.Error(w, "no build open yet", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (rp *replica) close() {
	if g := rp.cur.Swap(nil); g != nil {
		_ = g.root.Close()
	}
	_ = rp.index.Close()
}

// check opens the build in the folder when the folder is another one than the build being
// served (or always, with force: SIGHUP after files were changed in place), and serves it
// once it is open. It reports whether it switched. A folder missing for a moment (between the
// two renames of a publish) leaves the current build served. A build whose index does not
// open is served with the previous index, and reported: the previous folder may already be
// deleted, and its pages are better served than none.
func (rp *replica) check(force bool) bool {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	for attempt := 0; attempt < 3; attempt++ {
		info, err := os.Stat(rp.opts.dest)
		if err != nil {
			if !rp.absent {
				rp.absent = true
				fmt.Fprintln(rp.errw, rp.text.replicaAbsent(rp.opts.dest, err, rp.cur.Load() != nil))
			}
			return false
		}
		rp.absent = false
		cur := rp.cur.Load()
		if !force && cur != nil && os.SameFile(cur.info, info) {
			return false
		}
		g, ix, err := rp.open()
		if errors.Is(err, errReplaced) {
			continue // replaced again while it opened: open the newer one
		}
		if err != nil {
			fmt.Fprintln(rp.errw, rp.text.replicaOpenFailed(rp.opts.dest, err, cur != nil))
			if g == nil {
				return false
			}
		}
		rp.cur.Store(g)
		rp.srv.SetFiles(server.RootFs(g.root))
		if cur != nil {
			time.AfterFunc(oldTreeGrace, func() { _ = cur.root.Close() })
		}
		if ix == nil {
			return true
		}
		// Swap returns once the searches running on the old index have finished.
		if err := rp.index.Swap(ix); err != nil {
			fmt.Fprintln(rp.errw, "closing the previous index:", err)
		}
		m := ix.Manifest()
		fmt.Fprintln(rp.out, rp.text.replicaOpened(rp.opts.dest, m.Records, m.BuiltAt, cur != nil))
		return true
	}
	return false
}

// errReplaced: the folder was replaced while its build was being opened.
var errReplaced = errors.New("replaced while opening")

// open opens the build the folder holds now: its files, the renderer of its search page, and
// its index. When only the index fails, it returns the rest with the error.
func (rp *replica) open() (*generation, *search.Index, error) {
	root, err := os.OpenRoot(rp.opts.dest)
	if err != nil {
		return nil, nil, err
	}
	g := &generation{root: root}
	if g.info, err = root.Stat("."); err != nil {
		_ = root.Close()
		return nil, nil, err
	}
	g.shell, _ = root.ReadFile("search/index.html")
	if g.renderer, err = searchRenderer(rp.opts.source, g.shell); err != nil {
		// A broken site.yaml beside the build must not keep the build offline.
		fmt.Fprintf(rp.errw, "%v; %s\n", err, rp.text.replicaDefaultTheme())
		g.renderer, _ = searchRenderer("", g.shell)
	}
	// By path: bleve opens its files by name. Checked below to be the pinned folder's.
	ix, ixErr := search.Open(filepath.Join(rp.opts.dest, build.IndexPath))
	if now, err := os.Stat(rp.opts.dest); err != nil || !os.SameFile(now, g.info) {
		if ix != nil {
			_ = ix.Close()
		}
		_ = root.Close()
		return nil, nil, errReplaced
	}
	if ixErr != nil {
		return g, nil, ixErr
	}
	return g, ix, nil
}

var htmlLang = regexp.MustCompile(`<html[^>]*\slang="([^"]+)"`)

// searchRenderer renders the no-JS search results. A replica has the built pages, not the
// content they were built from, so it renders with the site's configuration and theme when
// source has them (site.yaml) and otherwise with the default theme in the language of the
// built search page (and so with source ""); either way only the page's <main> is used (see
// spliceMain).
func searchRenderer(source string, shell []byte) (*render.Renderer, error) {
	cfgPath := filepath.Join(source, config.FileName)
	themeDir := ""
	var cfg *config.Config
	var err error
	if _, statErr := os.Stat(cfgPath); source != "" && statErr == nil {
		if cfg, err = config.Load(afero.NewOsFs(), cfgPath); err != nil {
			return nil, err
		}
		themeDir = filepath.Join(source, "themes", cfg.Theme)
	} else {
		lang := "zh-CN"
		if m := htmlLang.FindSubmatch(shell); m != nil && string(m[1]) == "en" {
			lang = "en"
		}
		if cfg, err = config.Parse("(built site)", []byte("language: "+lang+"\n")); err != nil {
			return nil, err
		}
	}
	return render.New(&site.Site{Config: cfg, Now: time.Now()}, render.ThemeFs(afero.NewOsFs(), themeDir), render.Options{Workers: 1})
}

// searchPage writes the results page: the built search page (its header, navigation and
// footer are the build's) with its <main> replaced by the rendered results.
func (rp *replica) searchPage(w http.ResponseWriter, r *http.Request, data *httpapi.PageData) {
	g := rp.cur.Load()
	if g == nil {
		http.Error(w, "no build open yet", http.StatusServiceUnavailable)
		return
	}
	if g.renderer == nil {
		_, _ = w.Write(g.shell) // the script in it searches
		return
	}
	var buf bytes.Buffer
	if err := g.renderer.SearchPage(&buf, data); err != nil {
		fmt.Fprintln(rp.errw, "search page:", err)
		http.Error(w, "search page failed", http.StatusInternalServerError)
		return
	}
	_, _ = w.Write(spliceMain(g.shell, buf.Bytes()))
}

// spliceMain puts the content of page's <main> element into shell's; page alone when either
// has none.
func spliceMain(shell, page []byte) []byte {
	ps, pe, ok := mainContent(page)
	if !ok {
		return page
	}
	ss, se, ok := mainContent(shell)
	if !ok {
		return page
	}
	out := make([]byte, 0, len(shell)+pe-ps)
	out = append(out, shell[:ss]...)
	out = append(out, page[ps:pe]...)
	return append(out, shell[se:]...)
}

// mainContent finds the bytes between <main …> and </main>.
func mainContent(b []byte) (start, end int, ok bool) {
	i := bytes.Index(b, []byte("<main"))
	if i < 0 {
		return 0, 0, false
	}
	j := bytes.IndexByte(b[i:], '>')
	k := bytes.LastIndex(b, []byte("</main>"))
	if j < 0 || k < i+j+1 {
		return 0, 0, false
	}
	return i + j + 1, k, true
}

func (c cliText) replicaServing(dest, addr string) string {
	if c.en {
		return fmt.Sprintf("Serving the build in %s at http://%s/ without building; a new build replacing the folder, or SIGHUP, is switched to without dropping a request (Ctrl+C to stop)", dest, addr)
	}
	return fmt.Sprintf("正在提供 %s 中已构建的网站：http://%s/（不构建；新构建替换该文件夹或收到 SIGHUP 时换用新版本，不中断请求；Ctrl+C 停止）", dest, addr)
}

func (c cliText) replicaOpened(dest string, records int, built time.Time, again bool) string {
	when := built.Local().Format("2006-01-02 15:04:05")
	switch {
	case c.en && again:
		return fmt.Sprintf("Switched to the new build in %s (built %s, %s)", dest, when, plural(records, "search record", "search records"))
	case c.en:
		return fmt.Sprintf("Opened the build in %s (built %s, %s)", dest, when, plural(records, "search record", "search records"))
	case again:
		return fmt.Sprintf("已换用 %s 中的新构建（构建于 %s，%d 条检索记录）", dest, when, records)
	}
	return fmt.Sprintf("已打开 %s 中的构建（构建于 %s，%d 条检索记录）", dest, when, records)
}

func (c cliText) replicaAbsent(dest string, err error, serving bool) string {
	switch {
	case c.en && serving:
		return fmt.Sprintf("%s is missing (%v); still serving the build opened before", dest, err)
	case c.en:
		return fmt.Sprintf("%s is missing (%v); waiting for a build there (/readyz answers 503 until then); build it with `gongkai build -d %s`", dest, err, dest)
	case serving:
		return fmt.Sprintf("%s 不存在（%v）；继续提供之前打开的构建", dest, err)
	}
	return fmt.Sprintf("%s 不存在（%v）；等待其中出现构建（在此之前 /readyz 返回 503）；用 `gongkai build -d %s` 生成", dest, err, dest)
}

func (c cliText) replicaOpenFailed(dest string, err error, serving bool) string {
	switch {
	case c.en && serving:
		return fmt.Sprintf("the new build in %s does not open: %v; still serving the previous build (rebuild it, or send SIGHUP to try again)", dest, err)
	case c.en:
		return fmt.Sprintf("the build in %s does not open: %v; rebuild it with `gongkai build -d %s` (with its search index, no --no-index)", dest, err, dest)
	case serving:
		return fmt.Sprintf("%s 中的新构建无法打开：%v；继续提供之前的构建（重新构建，或发送 SIGHUP 重试）", dest, err)
	}
	return fmt.Sprintf("%s 中的构建无法打开：%v；用 `gongkai build -d %s` 重新构建（须带检索索引，不加 --no-index）", dest, err, dest)
}

func (c cliText) replicaStopping(limit time.Duration) string {
	if c.en {
		return fmt.Sprintf("Stopping: no new connections; requests in progress have %s to finish", limit)
	}
	return fmt.Sprintf("正在停止：不再接受新连接；进行中的请求有 %s 完成", limit)
}

func (c cliText) replicaCutShort(limit time.Duration) string {
	if c.en {
		return fmt.Sprintf("requests still running after %s were cut off (--shutdown-timeout)", limit)
	}
	return fmt.Sprintf("%s 后仍未完成的请求已被中断（--shutdown-timeout）", limit)
}

func (c cliText) replicaDefaultTheme() string {
	if c.en {
		return "the search results page is rendered with the default theme until it is fixed"
	}
	return "在修正之前，搜索结果页用默认主题生成"
}
