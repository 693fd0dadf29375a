// Package server serves a built site over HTTP: the static files, the search handlers when an
// index is open, and, in watch mode, live reload and build errors shown over the page.
package server

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// Server serves one site folder.
type Server struct {
	files  afero.Fs
	live   bool
	hub    *hub
	mu     sync.RWMutex
	search http.Handler
	errMsg string
}

// New serves the folder dest of fs. With live set, HTML pages reload themselves after a rebuild.
func New(fs afero.Fs, dest string, live bool) *Server {
	return &Server{files: afero.NewBasePathFs(fs, dest), live: live, hub: newHub()}
}

// SetSearch installs the handler for /search, /search.csv and /api/search.
func (s *Server) SetSearch(h http.Handler) {
	s.mu.Lock()
	s.search = h
	s.mu.Unlock()
}

// Rebuilt tells open browsers to reload and clears a shown build error.
func (s *Server) Rebuilt() {
	s.mu.Lock()
	s.errMsg = ""
	s.mu.Unlock()
	s.hub.broadcast("reload", "")
}

// Failed shows a build error in open browsers and on every page served until the next good build.
func (s *Server) Failed(msg string) {
	s.mu.Lock()
	s.errMsg = msg
	s.mu.Unlock()
	s.hub.broadcast("builderror", msg)
}

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if s.live && p == "/_gongkai/events" {
		s.hub.ServeHTTP(w, r)
		return
	}
	s.mu.RLock()
	search := s.search
	s.mu.RUnlock()
	if search != nil && isSearchPath(p, r) {
		if p == "/search" || p == "/search/" {
			s.serveHTMLFrom(w, r, search)
			return
		}
		search.ServeHTTP(w, r)
		return
	}
	s.serveFile(w, r)
}

func isSearchPath(p string, r *http.Request) bool {
	switch p {
	case "/api/search", "/search.csv":
		return true
	case "/search", "/search/":
		// Any parameter is a search: a filter or date range alone (?type=policy, ?from=…&to=…)
		// must be answered without JavaScript too, not with the empty search form.
		return r.URL.RawQuery != ""
	}
	return false
}

// serveHTMLFrom runs h and injects live reload into its HTML.
func (s *Server) serveHTMLFrom(w http.ResponseWriter, r *http.Request, h http.Handler) {
	if !s.live {
		h.ServeHTTP(w, r)
		return
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	h.ServeHTTP(rec, r)
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	body := rec.body
	if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		body = s.decorate(body)
		w.Header().Del("Content-Length")
	}
	w.WriteHeader(rec.status)
	_, _ = w.Write(body)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Path)
	info, err := s.files.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		info, err = s.files.Stat(name)
	}
	status := http.StatusOK
	if err != nil || strings.Contains(name, "/_search/index") {
		status = http.StatusNotFound
		name = "/404.html"
	}
	data, err := afero.ReadFile(s.files, name)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = s.decorate(data)
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// decorate adds the live reload script and any build error to an HTML page.
func (s *Server) decorate(page []byte) []byte {
	if !s.live {
		return page
	}
	s.mu.RLock()
	msg := s.errMsg
	s.mu.RUnlock()
	if msg != "" {
		return inject(page, errorBox(msg), reloadScript)
	}
	return inject(page, reloadScript)
}

// recorder captures a handler's response so it can be decorated.
type recorder struct {
	header http.Header
	status int
	body   []byte
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(code int)        { r.status = code }
func (r *recorder) Write(b []byte) (int, error) { r.body = append(r.body, b...); return len(b), nil }
