package assets

import (
	"net/url"
	"path"
	"strings"
)

// Link is a relative link from a page, resolved against the page's folder in content/.
type Link struct {
	Dest   string // the output path it names, without a leading slash; "../…" when it leaves content/
	Suffix string // the ?query and #fragment, as written
	// File is true when the link names a file by its extension (附件1.pdf, img/map.png), not a
	// page or a folder (../a/, other.md, b.html): a missing file is an error, a page is not
	// this package's business.
	File bool
}

// Resolve reads a link written in a page of content folder pageDir ("" at the root). A page's
// URL is a folder of its own (/policies/a/ for policies/a.md), so a relative link must be
// resolved against the page's source folder, where staff put the file, not left to the browser.
// ok is false for links that are not relative paths: a URL with a scheme (https:, mailto:,
// data:), a root-relative /path, a //host link, a bare #fragment or ?query. href may be
// percent-escaped.
func Resolve(pageDir, href string) (Link, bool) {
	p, suffix := href, ""
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, suffix = p[:i], p[i:]
	}
	if p == "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "\\") || hasScheme(p) {
		return Link{}, false
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	dest := path.Join(pageDir, p)
	if dest == "." || dest == "" {
		return Link{}, false
	}
	return Link{Dest: dest, Suffix: suffix, File: namesFile(p)}, true
}

// hasScheme reports whether a URL reference starts with a scheme (RFC 3986: a letter, then
// letters, digits, + - ., then a colon), so that mailto:a@b and tel:123 are not taken for files.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// pageExts are extensions of links that may name a page rather than a file.
var pageExts = map[string]bool{".md": true, ".html": true, ".htm": true, ".shtml": true, ".php": true, ".asp": true, ".aspx": true, ".jsp": true}

// namesFile reports whether a link path ends in a file name with an extension: "x.pdf", not
// "../a/", "b.html" or "第1.2条" (an extension has a letter in it).
func namesFile(p string) bool {
	if strings.HasSuffix(p, "/") {
		return false
	}
	ext := strings.ToLower(path.Ext(p))
	if len(ext) < 2 || pageExts[ext] {
		return false
	}
	for _, r := range ext[1:] {
		if 'a' <= r && r <= 'z' {
			return true
		}
	}
	return false
}
