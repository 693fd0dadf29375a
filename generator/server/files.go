package server

import (
	"bytes"
	"container/list"
	"encoding/binary"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/spf13/afero"
)

// Cache lifetimes. A content-hashed file never changes under its name, so a browser may keep
// it a year without asking; every other file may change with the next build, so a browser
// asks each time (If-None-Match) and gets a 304 when it has not.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// hashedName matches the files whose names are hashes of their content: the static search
// index's directory, groups and packs (search/static: kind/<hash>.bin). Its manifest.json and
// range-probe.bin keep their names from build to build, and the theme's style.css?v=… is not
// one either: v is the hash of the theme's stylesheet, which a site's own static/css/style.css
// replaces without changing v.
var hashedName = regexp.MustCompile(`^/_search/static/[a-z]+/([0-9a-f]{8,64})\.bin$`)

// Bounds of the file cache. Files up to keepMax bytes are kept in memory with their
// compressed forms, up to cacheBudget bytes in all, the least recently served dropped first;
// larger ones are read from disk for each request and sent as they are.
const (
	keepMax     = 8 << 20
	cacheBudget = 64 << 20
)

// entry is what serving one file needs: validators, and for a kept file its bytes (after the
// live reload decoration) and their compressed forms, each made once.
type entry struct {
	name  string
	size  int64 // on disk, to notice a changed file
	mod   time.Time
	etag  string // strong, from the content's hash
	ctype string
	data  []byte // nil when not kept

	compressing sync.Mutex // held while a coding is made
	mu          sync.Mutex // guards coded
	coded       map[string][]byte
	elem        *list.Element // in the cache's LRU list; guarded by the cache's mu
	gen         uint64        // the cache generation of the tree it was read from
}

// fileCache holds entries by file name.
type fileCache struct {
	mu      sync.Mutex
	entries map[string]*entry
	lru     *list.List // of *entry with data, most recently served first
	held    int64      // bytes of data and compressed forms
	budget  int64
	gen     uint64 // counts clears: an entry read from an older tree is never served
}

func newFileCache(budget int64) *fileCache {
	return &fileCache{entries: map[string]*entry{}, lru: list.New(), budget: budget}
}

// generation is the number of clears so far.
func (c *fileCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// clear forgets every entry: after a rebuild the files are new, and after a failed build the
// pages carry the error.
func (c *fileCache) clear() {
	c.mu.Lock()
	c.gen++
	for el := c.lru.Front(); el != nil; el = el.Next() {
		// A request still holding an entry must see it as no longer cached, or its
		// compressed forms would be counted against a list it is not in.
		el.Value.(*entry).elem = nil
	}
	c.entries = map[string]*entry{}
	c.lru.Init()
	c.held = 0
	c.mu.Unlock()
}

// get returns the entry for the file name as it is on disk now (info) in the tree of
// generation gen, making it with load when the file is new or changed. A request that read
// its tree before a clear gets an entry of its own, which is not kept: an older tree's file
// of the same size and time (a build that keeps the times of copied files) must not be
// served from the new one.
func (c *fileCache) get(gen uint64, name string, info fs.FileInfo, load func() (*entry, error)) (*entry, error) {
	c.mu.Lock()
	e := c.entries[name]
	if e != nil && e.gen == gen && e.size == info.Size() && e.mod.Equal(info.ModTime()) {
		if e.elem != nil {
			c.lru.MoveToFront(e.elem)
		}
		c.mu.Unlock()
		return e, nil
	}
	c.mu.Unlock()
	e, err := load()
	if err != nil {
		return nil, err
	}
	e.name, e.size, e.mod, e.gen = name, info.Size(), info.ModTime(), gen
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return e, nil
	}
	if old := c.entries[name]; old != nil {
		c.drop(old)
	}
	c.entries[name] = e
	if e.data != nil {
		e.elem = c.lru.PushFront(e)
		c.grow(int64(len(e.data)))
	}
	return e, nil
}

// encoded returns e's data compressed with coding, compressing it on first use. Requests
// that arrive while it is being compressed wait for it rather than compress it again.
func (c *fileCache) encoded(e *entry, coding string) []byte {
	e.compressing.Lock()
	defer e.compressing.Unlock()
	e.mu.Lock()
	b, ok := e.coded[coding]
	e.mu.Unlock()
	if ok {
		return b
	}
	level := staticGzip
	if coding == codingBrotli {
		level = staticBrotli
	}
	b = compress(coding, level, e.data)
	// c.mu before e.mu, as drop takes them, so that the bytes held are counted once.
	c.mu.Lock()
	defer c.mu.Unlock()
	e.mu.Lock()
	if e.coded == nil {
		e.coded = map[string][]byte{}
	}
	e.coded[coding] = b
	e.mu.Unlock()
	if e.elem != nil { // still cached
		c.grow(int64(len(b)))
	}
	return b
}

// grow counts n more bytes held and drops the least recently served entries over budget;
// c.mu is held.
func (c *fileCache) grow(n int64) {
	c.held += n
	for c.held > c.budget && c.lru.Len() > 1 {
		c.drop(c.lru.Back().Value.(*entry))
	}
}

// drop forgets e; c.mu is held.
func (c *fileCache) drop(e *entry) {
	if c.entries[e.name] == e {
		delete(c.entries, e.name)
	}
	if e.elem == nil {
		return
	}
	c.lru.Remove(e.elem)
	e.elem = nil
	e.mu.Lock()
	n := int64(len(e.data))
	for _, b := range e.coded {
		n += int64(len(b))
	}
	e.mu.Unlock()
	c.held -= n
}

// contentTag is a strong ETag for data.
func contentTag(data []byte) string { return hashTag(xxhash.Sum64(data)) }

func hashTag(sum uint64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], sum)
	return `"` + hex.EncodeToString(b[:]) + `"`
}

// codedTag is the ETag of the coding's form of a representation tagged etag: each coding is
// a representation of its own, which a strong validator must tell apart.
func codedTag(etag, coding string) string {
	if coding == codingGzip {
		coding = "gz"
	}
	return strings.TrimSuffix(etag, `"`) + "-" + coding + `"`
}

// loadEntry reads what serving the file name needs.
func (s *Server) loadEntry(files afero.Fs, name string, info fs.FileInfo) (*entry, error) {
	e := &entry{ctype: contentType(name)}
	html := strings.HasPrefix(e.ctype, "text/html")
	if m := hashedName.FindStringSubmatch(name); m != nil {
		e.etag = `"` + m[1] + `"`
		return e, nil
	}
	if info.Size() > keepMax || !(compressible(e.ctype) || html) {
		// Hashed as it streams by, and not kept.
		f, err := files.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		h := xxhash.New()
		if _, err := io.Copy(h, f); err != nil {
			return nil, err
		}
		e.etag = hashTag(h.Sum64())
		return e, nil
	}
	data, err := afero.ReadFile(files, name)
	if err != nil {
		return nil, err
	}
	if html {
		data = s.decorate(data)
	}
	e.data, e.etag = data, contentTag(data)
	return e, nil
}

// serveFile serves the file the request names, or the 404 page. A file the tree does not
// have is looked for once more when the tree turns out to have been replaced meanwhile.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	for again := true; ; again = false {
		files, gen := s.tree()
		if s.tryFile(w, r, files, gen) {
			return
		}
		if !again {
			break
		}
		s.mu.RLock()
		stale := s.stale
		s.mu.RUnlock()
		if stale != nil {
			stale()
		}
		if _, now := s.tree(); now == gen {
			break // the tree is the one looked in: a plain miss
		}
	}
	s.serveNotFound(w, r)
}

// tryFile serves the request from files, and reports false, having written nothing, when
// files has no such file.
func (s *Server) tryFile(w http.ResponseWriter, r *http.Request, files afero.Fs, gen uint64) bool {
	name := path.Clean("/" + r.URL.Path)
	info, err := files.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return true
		}
		name = path.Join(name, "index.html")
		info, err = files.Stat(name)
	}
	if err != nil || info.IsDir() {
		return false
	}
	if strings.Contains(name, "/_search/index") {
		s.serveNotFound(w, r)
		return true
	}
	e, err := s.cache.get(gen, name, info, func() (*entry, error) { return s.loadEntry(files, name, info) })
	if err != nil {
		return false
	}
	var f afero.File
	if e.data == nil {
		// Opened before any header is set: a file deleted since its Stat (an old build
		// being removed) is a miss like any other.
		if f, err = files.Open(name); err != nil {
			return false
		}
		defer f.Close()
	}
	h := w.Header()
	h.Set("Content-Type", e.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	if hashedName.MatchString(name) {
		h.Set("Cache-Control", cacheImmutable)
	} else {
		h.Set("Cache-Control", cacheRevalidate)
	}
	mod := info.ModTime()
	if s.live && strings.HasPrefix(e.ctype, "text/html") {
		mod = time.Time{} // the page changes with a build error, the file does not
	}
	if f != nil {
		h.Set("ETag", e.etag)
		http.ServeContent(w, r, "", mod, f)
		return true
	}
	body, etag := e.data, e.etag
	if compressible(e.ctype) {
		varyEncoding(h)
		// A range is of the identity bytes: a client resuming or reading part of a file
		// must get the offsets it asked for.
		if r.Header.Get("Range") == "" && len(body) >= minCompress {
			if coding := negotiate(r.Header.Values("Accept-Encoding"), true); coding != "" {
				body, etag = s.cache.encoded(e, coding), codedTag(etag, coding)
				h.Set("Content-Encoding", coding)
			}
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", mod, bytes.NewReader(body))
	return true
}

// serveNotFound sends the site's 404 page, compressed when the client takes it.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	files, _ := s.tree()
	data, err := afero.ReadFile(files, "/404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.writeBody(w, r, http.StatusNotFound, "text/html; charset=utf-8", s.decorate(data), dynamicLevels)
}

// levels are the compression levels of a response.
type levels struct{ gzip, brotli int }

var dynamicLevels = levels{dynamicGzip, dynamicBrotli}

// writeBody sends a whole response body made for this request, compressed when its type is
// text, it is large enough, and the client takes a coding.
func (s *Server) writeBody(w http.ResponseWriter, r *http.Request, status int, ctype string, body []byte, lv levels) {
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", ctype)
	}
	h.Set("X-Content-Type-Options", "nosniff")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", cacheRevalidate)
	}
	if compressible(h.Get("Content-Type")) && h.Get("Content-Encoding") == "" {
		varyEncoding(h)
		if r.Header.Get("Range") == "" && len(body) >= minCompress && status != http.StatusPartialContent {
			if coding := negotiate(r.Header.Values("Accept-Encoding"), false); coding != "" {
				level := lv.gzip
				if coding == codingBrotli {
					level = lv.brotli
				}
				body = compress(coding, level, body)
				h.Set("Content-Encoding", coding)
				if et := h.Get("ETag"); et != "" {
					h.Set("ETag", codedTag(et, coding))
				}
			}
		}
	}
	h.Del("Content-Length")
	if status != http.StatusNoContent && status != http.StatusNotModified {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
