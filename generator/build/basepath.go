package build

import (
	"bytes"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/afero"
)

// A platform's site lives in a folder of the platform (https://platform/<name>/), while its
// templates and pages link root-relative (/css/style.css, /policies/a/). basePathFs puts the
// site's path in front of every root-relative link of the HTML files the build renders, as Hugo
// does for a baseURL with a path, so that the site works in its folder. A site built on its own
// writes nothing through it: its output is byte for byte what it was.

// basePath is the path a platform's site is served under: the path of its baseURL (the
// platform's address plus its name, or its own), or /<name> when it has none.
func basePath(baseURL string, p *PlatformOptions) string {
	if p == nil {
		return ""
	}
	if baseURL == "" {
		return "/" + p.Name
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.EscapedPath(), "/")
}

// rootLinkRe finds the attributes that hold a URL, with a root-relative value: group 2 is a
// second slash (a protocol-relative //host/ link, left alone). A quote inside text is escaped
// (&#34;), so the pattern meets attributes only.
var rootLinkRe = regexp.MustCompile(`(\s(?:href|src|action|poster|data-static|data-api)=")/(/?)`)

// withBasePath prefixes the root-relative links of an HTML document.
func withBasePath(html []byte, base string) []byte {
	return rootLinkRe.ReplaceAllFunc(html, func(m []byte) []byte {
		if bytes.HasSuffix(m, []byte("//")) {
			return m
		}
		return append(append(m[:len(m)-1:len(m)-1], base...), '/')
	})
}

// basePathFs rewrites each .html file written through it when it is closed.
type basePathFs struct {
	afero.Fs
	base string
}

func (b basePathFs) Create(name string) (afero.File, error) {
	return b.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (b basePathFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := b.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&(os.O_WRONLY|os.O_RDWR) == 0 || !strings.HasSuffix(name, ".html") {
		return f, err
	}
	return &basePathFile{File: f, base: b.base}, nil
}

// basePathFile holds what is written until Close, when it writes it rewritten.
type basePathFile struct {
	afero.File
	base string
	buf  []byte
}

func (f *basePathFile) Write(p []byte) (int, error) {
	f.buf = append(f.buf, p...)
	return len(p), nil
}

func (f *basePathFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *basePathFile) Close() error {
	_, err := f.File.Write(withBasePath(f.buf, f.base))
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}
