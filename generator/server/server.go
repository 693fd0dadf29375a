// Package server serves a built site over HTTP: the static files, the search handlers when an
// index is open, and, in watch mode, live reload and build errors shown over the page.
package server

import (
	"net/http"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// Server serves one site folder.
type Server struct {
	live   bool
	hub    *hub
	mu     sync.RWMutex
	files  afero.Fs // guarded by mu; SetFiles replaces it
	search http.Handler
	errMsg string
	cache  *fileCache
	stale  func() // see SetStale
}

// New serves the folder dest of fs. With live set, HTML pages reload themselves after a rebuild.
func New(fs afero.Fs, dest string, live bool) *Server {
	return &Server{files: afero.NewBasePathFs(fs, dest), live: live, hub: newHub(), cache: newFileCache(cacheBudget)}
}

// SetFiles serves fs from now on, in place of the folder given to New: a replica that pins
// each build's folder (see cmd_replica.go) installs the new one here. Requests already
// running finish on the tree they started with.
func (s *Server) SetFiles(fs afero.Fs) {
	s.mu.Lock()
	s.files = fs
	s.mu.Unlock()
	s.cache.clear()
}

// SetStale installs f, which a request that found no file calls to have the tree checked:
// f installs a new tree (SetFiles) if the folder has been replaced, and when the tree is then
// another than the one the request looked in, the request looks again there instead of
// answering 404. A replica needs it for the moment between a new build replacing the folder
// and the replica noticing: the old tree is being deleted file by file, and a file missing
// from it may well be in the new one.
func (s *Server) SetStale(f func()) {
	s.mu.Lock()
	s.stale = f
	s.mu.Unlock()
}

// tree is the files to serve a request from, with the cache generation they belong to.
func (s *Server) tree() (afero.Fs, uint64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files, s.cache.generation()
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
	s.cache.clear()
	s.hub.broadcast("reload", "")
}

// Failed shows a build error in open browsers and on every page served until the next good build.
func (s *Server) Failed(msg string) {
	s.mu.Lock()
	s.errMsg = msg
	s.mu.Unlock()
	s.cache.clear()
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
	if search != nil && IsSearchPath(p, r) {
		s.serveDynamic(w, r, search)
		return
	}
	s.serveFile(w, r)
}

// IsSearchPath reports whether a request for path p is one the search handler answers rather
// than a file: /api/search, /search.csv, and /search/ with any parameter.
func IsSearchPath(p string, r *http.Request) bool {
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

// serveDynamic runs h, a handler that makes its response for each request (the search
// pages and API), injects live reload into its HTML and compresses its text.
func (s *Server) serveDynamic(w http.ResponseWriter, r *http.Request, h http.Handler) {
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	h.ServeHTTP(rec, r)
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	body := rec.body
	ctype := rec.header.Get("Content-Type")
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	if strings.HasPrefix(ctype, "text/html") {
		body = s.decorate(body)
	}
	s.writeBody(w, r, rec.status, ctype, body, dynamicLevels)
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
