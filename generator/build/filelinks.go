package build

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/generator/assets"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"
)

// linkFiles makes a page's relative links to files work: a page's URL is a folder of its own
// (/policies/a/ for policies/a.md), so [附件1](附件1.pdf) written beside the file must point at
// /policies/附件1.pdf, not /policies/a/附件1.pdf. Links to a copied file become root-relative;
// a link to a file that is not published is an error with the line where body has it.
func (sf *siteFiles) linkFiles(fsys afero.Fs, contentDir string, p *site.Page, body []byte) []error {
	var errs []error
	reported := map[string]bool{}
	labels := map[string]string{} // href as written into the HTML → （PDF，283 KB）
	h := rewriteLinkAttrs(string(p.HTML), func(name, raw string) (string, bool) {
		href := html.UnescapeString(raw)
		link, ok := assets.Resolve(p.Dir, href)
		if !ok {
			if dest, ok := sf.rootLink(href); ok && name == "href" {
				if l := sf.fileLabel(fsys, dest); l != "" {
					labels[raw] = l
				}
			}
			return "", false
		}
		if sf.dests[link.Dest] {
			v := html.EscapeString(render.RelURL("/"+link.Dest) + link.Suffix)
			if l := sf.fileLabel(fsys, link.Dest); l != "" && name == "href" {
				labels[v] = l
			}
			return v, true
		}
		if link.File && !reported[href] {
			reported[href] = true
			line := lineOf(body, href, p.BodyLine)
			errs = append(errs, fmt.Errorf("%s:%d: %s", p.SrcPath, line, sf.missing(fsys, contentDir, "链接的文件 "+unescape(href), link)))
		}
		return "", false
	})
	p.HTML = template.HTML(labelFileLinks(h, labels))
	return errs
}

// rootLink is the published file a root-relative link (/files/guide.pdf, a file of static/)
// names.
func (sf *siteFiles) rootLink(href string) (string, bool) {
	if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") {
		return "", false
	}
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	if u, err := url.PathUnescape(href); err == nil {
		href = u
	}
	dest := strings.TrimPrefix(href, "/")
	return dest, sf.dests[dest]
}

// rewriteLinkAttrs calls fn with the name and raw value of every href="…" and src="…"
// attribute goldmark wrote in h (quotes in text are written as &quot;, so only real
// attributes match) and puts in the values fn returns with true. It runs over every page's
// HTML, so it scans with strings.Index rather than a regular expression (30 times slower,
// BenchmarkRewriteLinkAttrs), and copies h only when a value changes.
func rewriteLinkAttrs(h string, fn func(name, raw string) (string, bool)) string {
	var out strings.Builder
	done := 0 // h[:done] is in out
	for i := 0; ; {
		j := strings.Index(h[i:], `="`)
		if j < 0 {
			break
		}
		eq := i + j
		start := eq + 2
		i = start
		name := ""
		for _, n := range []string{"href", "src"} {
			if at := eq - len(n); at >= 1 && h[at:eq] == n && isHTMLSpace(h[at-1]) {
				name = n
			}
		}
		if name == "" {
			continue
		}
		end := strings.IndexByte(h[start:], '"')
		if end < 0 {
			break
		}
		end += start
		i = end + 1
		if v, ok := fn(name, h[start:end]); ok {
			out.WriteString(h[done:start])
			out.WriteString(v)
			done = end
		}
	}
	if done == 0 {
		return h
	}
	out.WriteString(h[done:])
	return out.String()
}

// isHTMLSpace is the whitespace that separates attributes (the regexp \s).
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// missing says why a linked file is not published and how to fix it.
func (sf *siteFiles) missing(fsys afero.Fs, contentDir, what string, link assets.Link) string {
	if strings.HasPrefix(link.Dest, "../") {
		return what + " 不存在：它指向 content/ 之外；把文件放进 content/，或放进 static/（static/x.pdf 的链接写作 /x.pdf）"
	}
	src := filepath.Join(contentDir, filepath.FromSlash(link.Dest))
	if ok, _ := afero.Exists(fsys, src); ok {
		return fmt.Sprintf("%s 未发布：%s 是构建读取的文件（duties_file）、隐藏文件或未发布页面的一部分；改为链接已发布的副本", what, src)
	}
	return fmt.Sprintf("%s 不存在：把文件放在 %s，或改正链接", what, src)
}

// lineOf finds the line of the file where body has the link href, as written or unescaped,
// preferring a Markdown link destination "(href" over a mention in the text; first is the file
// line of the body's first line.
func lineOf(body []byte, href string, first int) int {
	var needles []string
	for _, h := range []string{href, unescape(href)} {
		needles = append(needles, "("+h, "<"+h, h)
	}
	for _, needle := range needles {
		if i := bytes.Index(body, []byte(needle)); i >= 0 {
			return first + bytes.Count(body[:i], []byte("\n"))
		}
	}
	return first
}

func unescape(href string) string {
	if l, ok := assets.Resolve("", href); ok {
		return l.Dest
	}
	return href
}

// checkAttachments checks the attachments a page lists in its front matter: a policy's
// `file:` and any relative `url:` to a file must name a published file; they are pointed at it
// (a page's URL is a folder of its own, so the name alone would not find it).
func (sf *siteFiles) checkAttachments(fsys afero.Fs, contentDir string, p *site.Page) []error {
	if p.Meta == nil || (p.Policy == nil && p.Consult == nil) {
		return nil
	}
	var errs []error
	for _, a := range attachmentRefs(p.Meta) {
		link, ok := assets.Resolve(p.Dir, a.value)
		if !ok || (a.key == "url" && !link.File) {
			continue
		}
		if !sf.dests[link.Dest] {
			what := fmt.Sprintf("附件 %s", a.value)
			errs = append(errs, fmt.Errorf("%s:%d: %s (attachments[%d].%s)", p.SrcPath, p.Line(a.line), sf.missing(fsys, contentDir, what, link), a.index, a.key))
			continue
		}
		url := "/" + link.Dest + link.Suffix
		label := sf.fileLabel(fsys, link.Dest)
		switch {
		case p.Policy != nil && a.index < len(p.Policy.Attachments):
			at := &p.Policy.Attachments[a.index]
			if a.key == "file" && at.URL == "" {
				at.URL, at.FileInfo = url, label
			} else if a.key == "url" {
				at.URL, at.FileInfo = url, label
			}
		case p.Consult != nil:
			for i := range p.Consult.Attachments {
				if strings.TrimSpace(p.Consult.Attachments[i].URL) == a.value {
					p.Consult.Attachments[i].URL = url
					p.Consult.Attachments[i].FileInfo = label
				}
			}
		}
	}
	return errs
}

// attachmentRef is one file or url of the attachments list, with its place in the front matter.
type attachmentRef struct {
	index      int
	key, value string
	line       int
}

func attachmentRefs(meta *yaml.Node) []attachmentRef {
	var out []attachmentRef
	for i := 0; i+1 < len(meta.Content); i += 2 {
		if meta.Content[i].Value != "attachments" || meta.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for n, item := range meta.Content[i+1].Content {
			if item.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(item.Content); j += 2 {
				k, v := item.Content[j].Value, item.Content[j+1]
				if (k == "file" || k == "url") && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
					out = append(out, attachmentRef{index: n, key: k, value: strings.TrimSpace(v.Value), line: v.Line})
				}
			}
		}
	}
	return out
}
