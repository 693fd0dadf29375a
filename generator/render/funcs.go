package render

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/site"
)

// funcs are the template functions. rel and asset are bound per build.
func funcs(s *site.Site, lang string, assetVersion string) template.FuncMap {
	fm := template.FuncMap{
		"rel":   RelURL,
		"asset": func(p string) string { return RelURL(p) + "?v=" + assetVersion },
		"date":  func(t time.Time) string { return FormatDate(t, lang) },
		"now":   func() time.Time { return s.Now },
		"join":  strings.Join,
		"short": Shorten,
		"sub":   func(a, b int) int { return a - b },
		// exists reports whether the site has a page at url, for links to sections a site may lack.
		"exists": func(url string) bool { return s.PageByURL(url) != nil },
		"facetURL": func(key, value string) string {
			return RelURL(site.FacetURL(key, value))
		},
		"constraintCount": func(list []*site.Indicator) int {
			n := 0
			for _, i := range list {
				if i.Kind == "约束性" {
					n++
				}
			}
			return n
		},
		"pct":      func(share float64) string { return formatPercent(share) },
		"percent":  func(pc float64) string { return formatPercent(pc / 100) },
		"listMeta": func(p *site.Page) string { return listMeta(p, lang) },
		"month":    func(name string) string { return monthName(name, lang) },
	}
	for k, v := range consultFuncs(s.Now, lang) {
		fm[k] = v
	}
	return fm
}

// RelURL escapes a root-relative URL path for an href, keeping it readable: Chinese stays
// Chinese in the HTML (browsers encode it on request), only characters that would break the URL
// are escaped.
func RelURL(p string) string {
	if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "#") {
		return p
	}
	frag := ""
	if i := strings.IndexByte(p, '#'); i >= 0 {
		p, frag = p[:i], p[i:]
	}
	query := ""
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p, query = p[:i], p[i:]
	}
	u := url.URL{Path: p}
	return u.EscapedPath() + query + frag
}

// FormatDate writes a date the way readers of the language expect: 2018年8月22日 or 2018-08-22.
func FormatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	if lang == "en" {
		return t.Format("2006-01-02")
	}
	return t.Format("2006年1月2日")
}

// Shorten cuts s to at most n runes, ending with "…" when cut.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// monthName writes the name of a month group (2024年3月, as the site names them) for the
// language: 2024-03 in English.
func monthName(name, lang string) string {
	if lang != "en" {
		return name
	}
	if t, err := time.Parse("2006年1月", name); err == nil {
		return t.Format("2006-01")
	}
	return name
}

func formatPercent(f float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(f*100, 'f', 1, 64), ".0") + "%"
}

// listMeta is the grey line under a title in listings: 文号 · 发文机关 · date.
func listMeta(p *site.Page, lang string) string {
	var parts []string
	if m := p.Policy; m != nil {
		if m.DocNumber != "" {
			parts = append(parts, m.DocNumber)
		}
		if len(m.Issuers) > 0 {
			sep := "、"
			if lang == "en" {
				sep = ", "
			}
			parts = append(parts, strings.Join(m.Issuers, sep))
		}
	}
	if d := p.Disclose; d != nil {
		parts = append(parts, d.Village, d.Category)
	}
	if c := p.Consult; c != nil && c.Organizer != "" {
		parts = append(parts, c.Organizer)
	}
	if d := p.SortDate(); !d.IsZero() {
		parts = append(parts, FormatDate(d, lang))
	}
	return strings.Join(parts, " · ")
}
