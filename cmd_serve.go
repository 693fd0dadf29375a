package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/generator/platform"
	"github.com/gongkai/gongkai/generator/progress"
	"github.com/gongkai/gongkai/generator/publish"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/server"
	"github.com/gongkai/gongkai/generator/watch"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/httpapi"
	"github.com/spf13/afero"
	"github.com/spf13/cobra"
)

func serveCmd() *cobra.Command {
	var (
		f         buildFlags
		addr      string
		watchIt   bool
		pprofAddr string
		noBuild   bool
		shutdown  time.Duration
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the site and serve it, with search; --watch rebuilds on change and reloads browsers; --no-build serves a build made elsewhere, as one of several replicas",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if noBuild {
				for _, name := range []string{"watch", "drafts", "future", "strict", "no-index", "lock-wait"} {
					if cmd.Flags().Changed(name) {
						return fmt.Errorf("--%s 只用于构建，不能与 --no-build 同用（--no-build 提供已构建的文件夹）；去掉其中一个", name)
					}
				}
			}
			platformFolder := notAPlatform(f.source) != nil
			if platformFolder && watchIt {
				return fmt.Errorf("%s: 平台文件夹不支持 --watch；在站点文件夹中用 gongkai serve -w -s sites/NAME 预览一个站点，或先 gongkai build 再 gongkai serve", f.source)
			}
			var sources map[string]string
			if platformFolder && !noBuild {
				if err := buildPlatform(cmd, f, platformFlags{}); err != nil {
					var failed sitesFailed
					if !errors.As(err, &failed) {
						return err
					}
					fmt.Fprintln(cmd.ErrOrStderr(), err) // the other sites are served
				}
				sources = map[string]string{}
				if sites, err := platform.Sites(nil, f.source); err == nil {
					for _, s := range sites {
						sources[s.Name] = s.Dir
					}
				}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("无法监听 %s：%v；用 --addr 换一个地址", addr, err)
			}
			if pprofAddr != "" {
				if err := serveProfiles(cmd.Context(), pprofAddr); err != nil {
					_ = ln.Close()
					return err
				}
			}
			if platformFolder || (noBuild && isPlatformOutput(destOf(f))) {
				return servePlatform(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), destOf(f), sources, shutdown, ln)
			}
			if noBuild {
				dest := destOf(f)
				opts := replicaOptions{source: f.source, dest: dest, shutdown: shutdown}
				return serveReplica(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), opts, ln)
			}
			return serve(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), f.options(), ln, watchIt)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:1313", "address to listen on")
	cmd.Flags().BoolVarP(&watchIt, "watch", "w", false, "rebuild when content, static, site.yaml or themes change")
	cmd.Flags().BoolVar(&noBuild, "no-build", false, "serve the site already built in DEST (default SOURCE/public) without building or watching, read-only: a replica behind a load balancer; a new build replacing DEST, or SIGHUP, is switched to without dropping a request; /healthz and /readyz answer probes")
	cmd.Flags().DurationVar(&shutdown, "shutdown-timeout", 10*time.Second, "with --no-build: after SIGTERM, how long requests in progress may take before they are cut off")
	cmd.Flags().StringVar(&pprofAddr, "pprof", "", "serve net/http/pprof on this loopback address, to profile searches under load")
	_ = cmd.Flags().MarkHidden("pprof")
	return cmd
}

// destOf is the output folder of f: -d, or SOURCE/public.
func destOf(f buildFlags) string {
	if f.dest != "" {
		return f.dest
	}
	return filepath.Join(f.source, "public")
}

// site is what serving needs from the latest good build.
type served struct {
	renderer atomic.Pointer[render.Renderer]
	index    *httpapi.Swapper
}

// serve builds the site, then serves it on ln until ctx is done.
func serve(ctx context.Context, out, errw io.Writer, opts build.Options, ln net.Listener, watching bool) error {
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Source, "public")
	}
	opts.Context = ctx
	// One set of counters for every build of the session, which keeps opts.
	counts := &progress.Counters{}
	opts.Progress = counts
	srv := server.New(afero.NewOsFs(), opts.Dest, watching)
	st := &served{index: httpapi.NewSwapper(nil)}
	text := textFor(opts.Source)
	var sess *build.Session
	// afterFull publishes a full build: its renderer for the search page and its new index.
	afterFull := func(rep *build.Report) error {
		printReport(out, text, rep)
		st.renderer.Store(rep.Renderer)
		if watching {
			// Watching: the session updates the index in place after each edit, and searches
			// read that same index (a writable index cannot be opened twice).
			// The new index is in a new folder, so it opens while the old one is still open;
			// Swap closes the old one once the searches running on it finish.
			if err := sess.OpenIndex(); err != nil {
				return fmt.Errorf("无法打开检索索引：%v", err)
			}
			return st.index.Swap(sess.Searcher())
		}
		ix, err := search.Open(filepath.Join(opts.Dest, build.IndexPath))
		if err != nil {
			return fmt.Errorf("无法打开检索索引：%v", err)
		}
		return st.index.Swap(ix)
	}
	// showProgress shows a build's progress line on a terminal; the returned func clears it.
	showProgress := func() func() {
		counts.Reset()
		return progress.Start(errw, counts, text.progress)
	}
	start := func() error {
		stop := showProgress()
		s, rep, err := build.NewSession(opts)
		stop()
		printWarnings(errw, text, rep)
		if err != nil {
			return err
		}
		sess = s
		return afterFull(rep)
	}
	rebuild := func(changed []string) error {
		if sess == nil {
			return start()
		}
		stop := showProgress()
		inc, rep, err := sess.Rebuild(changed)
		stop()
		printWarnings(errw, text, rep)
		if err != nil {
			return err
		}
		if inc.Full {
			return afterFull(rep)
		}
		st.renderer.Store(sess.Renderer())
		fmt.Fprintln(out, text.rebuilt(inc.Pages, len(inc.Written), inc.Duration.Round(time.Millisecond).String()))
		return nil
	}
	var err error
	untilStopped(ctx, errw, text, nil, func() { err = start() })
	if err != nil {
		if !watching {
			return err
		}
		head := text.buildFailed(false, "") + "："
		if text.en {
			head = text.buildFailed(false, "") + ":"
		}
		fmt.Fprintf(errw, "%s\n%v\n", head, err)
		srv.Failed(err.Error())
	}
	// One rebuild at a time: the watcher's and the clock's.
	var building sync.Mutex
	rescheduled := make(chan struct{}, 1)
	rebuildNow := func(changed []string) {
		building.Lock()
		defer building.Unlock()
		if err := rebuild(changed); err != nil {
			fmt.Fprintf(errw, "%s\n%v\n", text.serveFailed(), err)
			srv.Failed(err.Error())
		} else {
			srv.Rebuilt()
		}
		select {
		case rescheduled <- struct{}{}:
		default:
		}
	}
	go scheduleRebuilds(ctx, out, func() *build.Change {
		building.Lock()
		defer building.Unlock()
		if sess == nil {
			return nil
		}
		return sess.Next()
	}, rescheduled, func() { rebuildNow(nil) })
	srv.SetSearch(httpapi.NewHandler(st.index.Current, func(w http.ResponseWriter, r *http.Request, data *httpapi.PageData) {
		rd := st.renderer.Load()
		if rd == nil {
			http.Error(w, "site not built yet", http.StatusServiceUnavailable)
			return
		}
		if err := rd.SearchPage(w, data); err != nil {
			fmt.Fprintln(errw, "search page:", err)
		}
	}))
	if watching {
		paths := []string{
			filepath.Join(opts.Source, "content"),
			filepath.Join(opts.Source, "site.yaml"),
			filepath.Join(opts.Source, "themes"),
			filepath.Join(opts.Source, "static"),
		}
		w, err := watch.New(50*time.Millisecond, paths...)
		if err != nil {
			return fmt.Errorf("无法监视 %s 的改动：%v", opts.Source, err)
		}
		defer w.Close()
		go func() {
			for batch := range w.Batches {
				rebuildNow(batch)
			}
		}()
		fmt.Fprintln(out, text.watching())
	}
	fmt.Fprintln(out, text.serving(opts.Dest, ln.Addr().String()))
	hs, capped := server.HTTP(server.Health(srv, func() error {
		if st.index.Current() == nil {
			return errors.New("no search index open: the build failed")
		}
		return nil
	}), ln, server.DefaultLimits)
	go func() {
		<-ctx.Done()
		_ = hs.Close()
	}()
	err = hs.Serve(capped)
	// A rebuild the signal interrupted may still be removing its stage; the process is
	// about to exit, so whatever it has not removed yet goes now.
	publish.AbortAll()
	if err != nil && err != http.ErrServerClosed {
		return err
	}
	return st.index.Close()
}

// scheduleRebuilds rebuilds the site at each moment it changes by itself (a page's
// expiryDate or publishDate, the end of a notice period), so that `serve` takes pages down and
// puts them up without a request or an edit. It wakes at least hourly, so that a clock that
// jumped (a suspended laptop, a corrected clock) is noticed, and after each rebuild, which may
// have brought a moment nearer.
func scheduleRebuilds(ctx context.Context, out io.Writer, next func() *build.Change, rescheduled <-chan struct{}, rebuild func()) {
	for {
		n := next()
		wait := time.Hour
		if n != nil {
			wait = min(wait, max(time.Until(n.At), 0))
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-rescheduled:
			timer.Stop()
			continue
		case <-timer.C:
		}
		if n != nil && !time.Now().Before(n.At) {
			fmt.Fprintf(out, "定时变化：%s\n", n)
			rebuild()
			// rebuild signalled rescheduled; drain it so the loop does not spin once more.
			select {
			case <-rescheduled:
			default:
			}
		}
	}
}

// serveProfiles serves the runtime profiles on addr until ctx is done, so a
// search latency problem can be profiled while a load generator runs:
//
//	go tool pprof -seconds 20 http://127.0.0.1:6060/debug/pprof/profile
//
// Only loopback addresses are accepted: profiles reveal the server's insides.
func serveProfiles(ctx context.Context, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--pprof %s：%v；写成如 127.0.0.1:6060", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--pprof %s：只允许本机回环地址（127.0.0.1:端口）", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法为 --pprof 监听 %s：%v", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		_ = hs.Close()
	}()
	go func() { _ = hs.Serve(ln) }()
	return nil
}
