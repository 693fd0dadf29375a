package main

import (
	"net/url"
	"path"
	"strings"
	"unicode"
)

// Hit is one result as a system listed it: its link, then the links of the
// parts shown beneath it (a document hit with its best-matching articles),
// in the order shown.
type Hit struct {
	URL   string
	Parts []string
}

// Docs maps a page's URL path to its content path, so that a hit is judged
// by the file it came from. Without a content folder (or for a URL it does
// not know) the URL path itself stands in: gongkai makes it from the file's
// folder and name.
type Docs struct {
	byURL map[string]string
	// loose compares with everything but letters and digits dropped, for
	// Hugo's URLs, which drop the brackets of 网络安全法(2016-11-07).
	loose bool
}

// docOf is the document a hit's URL belongs to: its content path, or the
// decoded URL path with its trailing slash, and the decoded fragment.
func (d Docs) docOf(raw string) (doc, anchor string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw, ""
	}
	p := u.Path
	if p == "" || !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
		p += "/"
	}
	// A site under a base path (/sub/policies/a/) lists its pages without it.
	for q := p; q != ""; {
		if f, ok := d.byURL[q]; ok {
			return f, u.Fragment
		}
		i := strings.IndexByte(q[1:], '/')
		if i < 0 {
			break
		}
		q = q[i+1:]
	}
	return p, u.Fragment
}

// matches reports whether doc is the expected document.
func (d Docs) matches(doc, expect string) bool {
	if d.loose {
		return strings.Contains(looseKey(doc), looseKey(strings.TrimSuffix(expect, ".md")))
	}
	if strings.Contains(doc, expect) {
		return true
	}
	// A URL path standing in for a content path has - for spaces.
	return strings.Contains(doc, strings.ReplaceAll(expect, " ", "-"))
}

func looseKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Score is how a system answered one case.
type Score struct {
	Rank   int    // 1-based rank of the expected document among distinct documents; 0 if not in the hits
	Anchor string // "ok", "wrong" or "-" (no anchor expected)
	Got    string // the top hit's document#anchor, for reading a miss
}

// Judge ranks hits by distinct document (several hits of one document count
// once, at the first) and checks the anchor: the top hit must be the
// expected document and its link, or when it has none the first of its
// parts' links that has one, must carry the expected fragment.
func (d Docs) Judge(c Case, hits []Hit) Score {
	s := Score{Anchor: "-"}
	seen := map[string]bool{}
	for _, h := range hits {
		doc, _ := d.docOf(h.URL)
		if seen[doc] {
			continue
		}
		seen[doc] = true
		if d.matches(doc, c.Expect) {
			s.Rank = len(seen)
			break
		}
	}
	if len(hits) > 0 {
		doc, frag := d.docOf(hits[0].URL)
		for _, p := range hits[0].Parts {
			if frag != "" {
				break
			}
			if pd, pf := d.docOf(p); pd == doc {
				frag = pf
			}
		}
		s.Got = doc
		if frag != "" {
			s.Got += "#" + frag
		}
		if c.Anchor != "" {
			s.Anchor = "wrong"
			if d.matches(doc, c.Expect) && frag == c.Anchor {
				s.Anchor = "ok"
			}
		}
	} else if c.Anchor != "" {
		s.Anchor = "wrong"
	}
	return s
}

// docList is the hits' documents, each once, in order: what the static
// client must list as the server does.
func (d Docs) docList(hits []Hit) string {
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if doc, _ := d.docOf(h.URL); !seen[doc] {
			seen[doc] = true
			out = append(out, doc)
		}
	}
	return strings.Join(out, " | ")
}
