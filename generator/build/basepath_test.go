package build

import "testing"

func TestWithBasePath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<a href="/">首页</a>`, `<a href="/xian/">首页</a>`},
		{`<link rel="stylesheet" href="/css/style.css?v=1"><script src="/js/a.js"></script>`, `<link rel="stylesheet" href="/xian/css/style.css?v=1"><script src="/xian/js/a.js"></script>`},
		{`<form action="/search/" method="get">`, `<form action="/xian/search/" method="get">`},
		{`<a href="//cdn.example.com/x">`, `<a href="//cdn.example.com/x">`},
		{`<a href="https://a.gov.cn/">`, `<a href="https://a.gov.cn/">`},
		{`<a href="#第一条">`, `<a href="#第一条">`},
		{`<a href="../a/">`, `<a href="../a/">`},
		{`<code>&lt;a href=&#34;/x&#34;&gt;</code> href=&quot;/x&quot;`, `<code>&lt;a href=&#34;/x&#34;&gt;</code> href=&quot;/x&quot;`},
	} {
		if got := string(withBasePath([]byte(c.in), "/xian")); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if got := basePath("https://www.example.gov.cn/jiyue/xian/", &PlatformOptions{Name: "xian"}); got != "/jiyue/xian" {
		t.Errorf("basePath with a baseURL: %q", got)
	}
	if got := basePath("", &PlatformOptions{Name: "xian"}); got != "/xian" {
		t.Errorf("basePath without a baseURL: %q", got)
	}
	if got := basePath("https://xian.gov.cn", &PlatformOptions{Name: "xian"}); got != "" {
		t.Errorf("basePath of a site on its own domain: %q", got)
	}
	if got := basePath("https://www.example.gov.cn/x", nil); got != "" {
		t.Errorf("a site built on its own is left as it is: %q", got)
	}
}
