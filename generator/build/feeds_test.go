package build

import (
	"strings"
	"testing"
)

// Without baseURL there are no feeds or sitemap (their links would be relative, which readers
// and search engines reject), no link to them, and one warning saying how to get them.
func TestFeedsNeedBaseURL(t *testing.T) {
	site := strings.Replace(basicSite, "baseURL: https://gongkai.example.gov.cn\n", "", 1)
	s := buildTxtar(t, site).ok()
	for _, f := range []string{"index.xml", "policies/index.xml", "sitemap.xml"} {
		if s.exists(f) {
			t.Errorf("%s written without baseURL", f)
		}
	}
	s.everyFile(func(name, content string) {
		if strings.Contains(content, "index.xml") || strings.Contains(content, "sitemap.xml") {
			t.Errorf("%s links to a feed or sitemap that is not written", name)
		}
	})
	if n := len(s.rep.Warnings); n != 1 || !strings.Contains(s.rep.Warnings[0], "baseURL") {
		t.Errorf("want one warning naming baseURL, got %q", s.rep.Warnings)
	}

	s = buildTxtar(t, basicSite).ok()
	s.contains("index.xml", "<link>https://gongkai.example.gov.cn/policies/a/</link>")
	s.contains("sitemap.xml", "<loc>https://gongkai.example.gov.cn/policies/a/</loc>")
	s.contains("robots.txt", "Sitemap: https://gongkai.example.gov.cn/sitemap.xml")
	s.contains("index.html", `type="application/rss+xml"`)
	if len(s.rep.Warnings) != 0 {
		t.Errorf("warnings with baseURL set: %q", s.rep.Warnings)
	}
}
