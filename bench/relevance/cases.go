package main

import (
	"fmt"
	"net/url"
	"strings"
)

// Case is one line of a relevance file: a query, the document that must come
// back in the top three (a substring of its content path, e.g.
// 村民委员会组织法(2018-12-29)), and optionally the anchor the top hit must
// link to (第十一条).
type Case struct {
	Line   int
	Query  string
	Expect string
	Anchor string
}

// ParseCases reads the tab-separated format of ../shared/eval/laws-dev.tsv:
// query<TAB>expected<TAB>anchor (optional), blank lines and # comments
// skipped. A line without an expected document would score nothing, so it
// is an error rather than a silent miss.
func ParseCases(name, text string) ([]Case, error) {
	var out []Case
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("%s:%d: 需要“查询<TAB>应在前三的文件<TAB>锚点（可省）”，这一行缺少查询或文件；请用制表符分隔", name, i+1)
		}
		if len(f) > 3 {
			return nil, fmt.Errorf("%s:%d: 多于三列；查询中的空格不必转义，列之间只用一个制表符", name, i+1)
		}
		c := Case{Line: i + 1, Query: f[0], Expect: f[1]}
		if len(f) == 3 {
			c.Anchor = strings.TrimPrefix(f[2], "#")
			if a, err := url.PathUnescape(c.Anchor); err == nil {
				c.Anchor = a
			}
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: 没有查询", name)
	}
	return out, nil
}
