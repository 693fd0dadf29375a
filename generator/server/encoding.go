package server

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// Content codings the server sends, besides identity.
const (
	codingBrotli = "br"
	codingGzip   = "gzip"
)

// minCompress is the smallest body worth compressing: below it the coding's header and
// trailer (about 20 bytes for gzip) eat most of the saving.
const minCompress = 256

// negotiate picks the coding for a request's Accept-Encoding (RFC 9110 §12.5.3): the
// supported coding with the highest q-value; on a tie, brotli when preferBrotli (a kept
// static file, where it is smaller) and gzip otherwise. A coding listed with q=0, or only
// covered by "*;q=0", is refused; "" is identity.
func negotiate(header []string, preferBrotli bool) string {
	q := map[string]float64{}
	star := -1.0
	for _, h := range header {
		for _, part := range strings.Split(h, ",") {
			name, params, _ := strings.Cut(part, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			v := 1.0
			for _, p := range strings.Split(params, ";") {
				k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
					if err != nil || f < 0 || f > 1 {
						f = 0 // a malformed weight is not consent
					}
					v = f
				}
			}
			if name == "*" {
				star = v
				continue
			}
			if name == "x-gzip" {
				name = codingGzip
			}
			if old, seen := q[name]; !seen || v > old {
				q[name] = v
			}
		}
	}
	weight := func(c string) float64 {
		if v, ok := q[c]; ok {
			return v
		}
		return max(star, 0)
	}
	br, gz := weight(codingBrotli), weight(codingGzip)
	switch {
	case br > gz || (br > 0 && br == gz && preferBrotli):
		return codingBrotli
	case gz > 0:
		return codingGzip
	}
	return ""
}

// contentType is the Content-Type of a file name. Go's built-in table lacks some types a site
// publishes (.csv, .txt, .md), which the system table may or may not have.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8" // RSS and sitemaps
	case ".ico":
		return "image/x-icon"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// compressible reports whether a response of this Content-Type is text that compression
// shrinks. Images, archives, PDFs, fonts and the search packs (already gzip-compressed or
// read by range) are not.
func compressible(ctype string) bool {
	t, _, _ := strings.Cut(ctype, ";")
	t = strings.ToLower(strings.TrimSpace(t))
	switch {
	case strings.HasPrefix(t, "text/"):
		return t != "text/event-stream" // the live reload stream is flushed event by event
	case t == "application/javascript", t == "application/json", t == "application/xml",
		t == "image/svg+xml", t == "application/wasm":
		return true
	case strings.HasPrefix(t, "application/") && (strings.HasSuffix(t, "+xml") || strings.HasSuffix(t, "+json")):
		return true // rss+xml, atom+xml, manifest+json, geo+json
	}
	return false
}

// Compression levels, measured on a 96 KB page of law text (BenchmarkServePage, two shared
// cores): gzip 9 takes 11 ms and gives 21.5 KB, the default 0.5–0.7 ms and 23.2 KB; brotli 7
// takes 22 ms and gives 20.9 KB, brotli 9 50 ms and 19.9 KB, brotli 1 1.4 ms and 24.2 KB. A
// static file is compressed once and kept, so it gets gzip 9 and brotli 7; a search
// response is compressed for every request, so it gets gzip's default, and brotli only for
// a client that does not take gzip (pure-Go brotli is no smaller than gzip at its fast levels).
const (
	staticGzip    = gzip.BestCompression
	staticBrotli  = 7
	dynamicGzip   = gzip.DefaultCompression
	dynamicBrotli = 1
)

var gzipPools sync.Map // level → *sync.Pool of *gzip.Writer

// compress encodes data with coding at the given level.
func compress(coding string, level int, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) / 4)
	switch coding {
	case codingGzip:
		pool, _ := gzipPools.LoadOrStore(level, &sync.Pool{})
		zw, _ := pool.(*sync.Pool).Get().(*gzip.Writer)
		if zw == nil {
			zw, _ = gzip.NewWriterLevel(&b, level)
		} else {
			zw.Reset(&b)
		}
		_, _ = zw.Write(data)
		_ = zw.Close()
		pool.(*sync.Pool).Put(zw)
	case codingBrotli:
		bw := brotli.NewWriterLevel(&b, level)
		_, _ = bw.Write(data)
		_ = bw.Close()
	}
	return b.Bytes()
}

// varyEncoding adds Accept-Encoding to Vary: the response differs by it, and a cache in
// between must not hand a gzip body to a client that did not ask for one.
func varyEncoding(h http.Header) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), "Accept-Encoding") || strings.TrimSpace(f) == "*" {
				return
			}
		}
	}
	h.Add("Vary", "Accept-Encoding")
}
