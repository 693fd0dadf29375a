package build

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/textdist"
	"html"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/assets"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/site"
)

// pageLink is a link a page's author wrote to a page of the site: /policies/a/, ../a.md#第三条,
// #第三条. A dead one is an error, so that a reader never follows a link to a 404.
type pageLink struct {
	href   string // as written
	target string // the page's URL
	frag   string // unescaped, "" for none
	line   int
}

// linkPages points the author's links to Markdown files (../policies/a.md#第三条) at the pages
// they are published as, and returns every link to a page of the site for checkPageLinks; a link
// to a .md file that is no published page is an error now. body is the page's Markdown, where
// only links the author wrote are found (the build's own citation links are not checked).
func linkPages(p *site.Page, byFile map[string]*site.Page, body []byte) ([]pageLink, []error) {
	var (
		links []pageLink
		errs  []error
		seen  = map[string]bool{} // a link written twice is one problem, on the line of the first
	)
	written := destinations(body)
	p.HTML = template.HTML(rewriteLinkAttrs(string(p.HTML), func(name, raw string) (string, bool) {
		href := html.UnescapeString(raw)
		if name != "href" || !written.has(href) {
			return "", false
		}
		first := !seen[href]
		seen[href] = true
		pathPart, frag, _ := strings.Cut(href, "#")
		frag = unescapeFrag(frag)
		line := lineOf(body, shown(href), p.BodyLine)
		switch {
		case pathPart == "":
			links = append(links, pageLink{shown(href), p.URL, frag, line})
		case strings.HasPrefix(pathPart, "/") && !strings.HasPrefix(pathPart, "//"):
			if u, ok := pageURL(pathPart); ok {
				links = append(links, pageLink{shown(href), u, frag, line})
			}
		default:
			link, ok := assets.Resolve(p.Dir, href)
			if !ok || link.File {
				return "", false
			}
			if strings.HasSuffix(strings.ToLower(link.Dest), ".md") {
				target := byFile[link.Dest]
				if target == nil {
					if !first {
						return "", false
					}
					errs = append(errs, fmt.Errorf("%s:%d: 链接 %s 指向的页面不存在（没有 content/%s）：%s",
						p.SrcPath, line, shown(href), link.Dest, nearestFile(byFile, p.Dir, link.Dest)))
					return "", false
				}
				links = append(links, pageLink{shown(href), target.URL, frag, line})
				return html.EscapeString(render.RelURL(target.URL) + fragSuffix(href)), true
			}
			// Any other relative link is followed by the browser from the page's own URL.
			if u, ok := pageURL(path.Join(p.URL, pathPart) + trailingSlash(pathPart)); ok {
				links = append(links, pageLink{shown(href), u, frag, line})
			}
		}
		return "", false
	}))
	return dedupe(links), errs
}

func dedupe(links []pageLink) []pageLink {
	seen := map[pageLink]bool{}
	out := links[:0]
	for _, l := range links {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// checkPageLinks reports each link whose page is not among urls (every page the build writes),
// or whose #anchor is not on the target page, with the nearest existing target.
func checkPageLinks(links map[*site.Page][]pageLink, s *site.Site, urls map[string]bool) []error {
	var errs []error
	ids := map[*site.Page]map[string]bool{}
	for _, p := range s.Pages {
		for _, l := range links[p] {
			if !urls[l.target] && !urls[strings.TrimSuffix(l.target, "/")] {
				errs = append(errs, fmt.Errorf("%s:%d: 链接 %s 指向的页面不存在：%s", p.SrcPath, l.line, l.href, nearestURL(urls, l.target)))
				continue
			}
			target := s.PageByURL(l.target)
			if l.frag == "" || target == nil || target.HTML == "" {
				continue
			}
			if ids[target] == nil {
				ids[target] = pageIDs(target)
			}
			if !ids[target][l.frag] {
				errs = append(errs, fmt.Errorf("%s:%d: 链接 %s 指向的位置 #%s 在 %s 中不存在：%s",
					p.SrcPath, l.line, l.href, l.frag, target.SrcPath, nearest("#", l.frag, keys(ids[target]))))
			}
		}
	}
	return errs
}

// pageURL is the page a root-relative path names, "" (false) for files such as /data/x.csv.
func pageURL(p string) (string, bool) {
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if strings.HasSuffix(p, "/index.html") {
		p = strings.TrimSuffix(p, "index.html")
	}
	base := path.Base(p)
	if strings.Contains(base, ".") && !strings.HasSuffix(p, "/") {
		return "", false // a file: assets and static/ are checked where they are copied
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p, true
}

var idAttr = regexp.MustCompile(`\sid="([^"]+)"`)

// pageIDs are the anchors a page has: ids in its converted body and its duty table's rows.
func pageIDs(p *site.Page) map[string]bool {
	out := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(string(p.HTML), -1) {
		out[html.UnescapeString(m[1])] = true
	}
	for _, t := range p.Tasks {
		out[t.ID] = true
	}
	return out
}

// destSet is the link destinations written in a page's Markdown.
type destSet map[string]bool

var reDestination = regexp.MustCompile(`\]\(\s*<?([^\s)>]+)|(?m)^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)`)

// destinations reads every inline link destination [x](dest) and reference definition
// [x]: dest of body in one pass, so that the links the build adds itself (citations) are told
// apart from the author's without searching the body once per link.
func destinations(body []byte) destSet {
	set := destSet{}
	for _, m := range reDestination.FindAllSubmatch(body, -1) {
		for _, g := range m[1:] {
			if len(g) > 0 {
				set[string(g)] = true
			}
		}
	}
	return set
}

// has reports whether the author wrote href, as goldmark printed it (percent-escaped) or not.
func (d destSet) has(href string) bool {
	return d[href] || d[shown(href)] || d[unescape(href)]
}

// shown is href as the author wrote it: goldmark percent-escapes 第三条 in a destination.
func shown(href string) string {
	if u, err := url.PathUnescape(href); err == nil {
		return u
	}
	return href
}

func unescapeFrag(f string) string {
	if u, err := url.PathUnescape(f); err == nil {
		return u
	}
	return f
}

func fragSuffix(href string) string {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		return href[i:]
	}
	return ""
}

func trailingSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return "/"
	}
	return ""
}

// nearestFile suggests the Markdown file nearest to dest, as a link from folder dir.
func nearestFile(byFile map[string]*site.Page, dir, dest string) string {
	var files []string
	for f := range byFile {
		if strings.HasSuffix(f, ".md") {
			files = append(files, f)
		}
	}
	best := nearestOf(dest, files)
	if best == "" {
		return "改正链接或删去"
	}
	rel := relPath(dir, best)
	return "改正链接，如最接近的 " + rel
}

func nearestURL(urls map[string]bool, u string) string {
	best := nearestOf(u, keys(urls))
	if best == "" {
		return "改正链接或删去"
	}
	return "改正链接，如最接近的 " + best
}

func nearest(prefix, s string, cands []string) string {
	best := nearestOf(s, cands)
	if best == "" {
		return "改正链接或删去"
	}
	return "改正链接，如最接近的 " + prefix + best
}

// nearestOf is the candidate nearest to s: the smallest edit distance less the runes they share
// in order, so that 第三条 is nearer 第三十条 than 第一条; ties go to the first by name.
func nearestOf(s string, cands []string) string {
	sort.Strings(cands)
	q := []rune(s)
	best, bestD := "", 0
	for _, c := range cands {
		r := []rune(c)
		if d := textdist.Nearness(q, r); best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// relPath writes content path to as a link from folder dir: policies/a.md from policies is a.md.
func relPath(dir, to string) string {
	if dir == "" {
		return to
	}
	up := ""
	for d := dir; d != "." && d != ""; d = path.Dir(d) {
		if rest, ok := strings.CutPrefix(to, d+"/"); ok {
			return up + rest
		}
		up += "../"
	}
	return up + to
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
