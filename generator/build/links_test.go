package build

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

var hrefRe = regexp.MustCompile(`(?:href|src)="([^"#?]*)[^"]*"`)

// assertLinksResolve checks that every root-relative link in every HTML file points at a file
// that exists in the output.
func assertLinksResolve(t *testing.T, s *testSite) {
	t.Helper()
	s.everyFile(func(name, content string) {
		if !strings.HasSuffix(name, ".html") {
			return
		}
		for _, m := range hrefRe.FindAllStringSubmatch(content, -1) {
			link := m[1]
			if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") || strings.HasPrefix(link, "/api/") {
				continue
			}
			p, err := url.PathUnescape(link)
			if err != nil {
				t.Errorf("%s: bad link %q", name, link)
				continue
			}
			target := strings.TrimPrefix(p, "/")
			if strings.HasSuffix(p, "/") || target == "" {
				target = path.Join(target, "index.html")
			}
			if !s.exists(target) {
				t.Errorf("%s links to %s, which does not exist", name, link)
			}
		}
	})
}
