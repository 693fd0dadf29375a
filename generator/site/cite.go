package site

import (
	"sync"
	"unicode/utf8"

	"github.com/gongkai/gongkai/generator/cite"
)

// Citation is one citation found in a page, resolved to a page on the site or to an external
// document's page.
type Citation struct {
	cite.Citation
	Target   *Page
	External *CitedDoc
}

// URL is where the citation links to.
func (c *Citation) URL() string {
	if c.Target != nil {
		return c.Target.URL
	}
	if c.External != nil {
		return c.External.URL
	}
	return ""
}

// CitedDoc is a document that pages cite but that is not on the site.
type CitedDoc struct {
	Key       string // normalised 文号, or "" when only the title is known
	Title     string
	DocNumber string
	URL       string
	CitedBy   []*Page
}

// Name is how the document is shown: 《title》（文号）, or whichever of the two is known.
func (d *CitedDoc) Name() string {
	switch {
	case d.Title != "" && d.Key != "":
		return "《" + d.Title + "》（" + d.Key + "）"
	case d.Title != "":
		return "《" + d.Title + "》"
	}
	return d.Key
}

// Resolver maps citations to URLs before any page is rendered: documents on the site by 文号 or
// title, everything else to a page of its own under /cited/.
type Resolver struct {
	mu         sync.Mutex
	byKey      map[string]*Page
	byTitle    map[string]*Page
	ext        map[string]*CitedDoc // by 文号 key or "title:"+TitleKey
	titleToKey map[string]string
}

// NewResolver indexes the policy documents among pages.
func NewResolver(pages []*Page) *Resolver {
	r := &Resolver{byKey: map[string]*Page{}, byTitle: map[string]*Page{}, ext: map[string]*CitedDoc{}, titleToKey: map[string]string{}}
	for _, p := range pages {
		if p.Policy == nil {
			continue
		}
		if p.Policy.DocKey != "" {
			r.byKey[p.Policy.DocKey] = p
		}
		r.byTitle[cite.TitleKey(p.Title)] = p
		// A notice that forwards a document (关于印发《X》的通知) holds X itself: a citation of X
		// is a citation of this page.
		for _, c := range cite.Find(p.Title) {
			if c.Title != "" {
				if _, taken := r.byTitle[cite.TitleKey(c.Title)]; !taken {
					r.byTitle[cite.TitleKey(c.Title)] = p
				}
			}
		}
	}
	return r
}

// Learn records the title ↔ 文号 pairs written in citations, so that a citation of the title
// alone and one of the 文号 alone end on the same page. Call it for every citation of every page
// before Resolve.
func (r *Resolver) Learn(c cite.Citation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c.Title != "" && c.Key != "" {
		tk := cite.TitleKey(c.Title)
		// The smallest key wins, not the first learnt: pages are read in parallel, and the
		// same build must give the same links.
		if old, ok := r.titleToKey[tk]; !ok || c.Key < old {
			r.titleToKey[tk] = c.Key
		}
	}
}

// Resolve finds the page or external document a citation refers to.
func (r *Resolver) Resolve(c cite.Citation) *Citation {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := &Citation{Citation: c}
	tk := cite.TitleKey(c.Title)
	key := c.Key
	if key == "" && tk != "" {
		key = r.titleToKey[tk]
	}
	if p := r.byKey[key]; key != "" && p != nil {
		out.Target = p
		return out
	}
	if p := r.byTitle[tk]; tk != "" && p != nil {
		out.Target = p
		return out
	}
	id := key
	if id == "" {
		id = "title:" + tk
	}
	if id == "title:" {
		return out
	}
	d, ok := r.ext[id]
	if !ok {
		slug := key
		if slug == "" {
			slug = tk
		}
		d = &CitedDoc{Key: key, URL: "/cited/" + PathSegment(slug) + "/"}
		r.ext[id] = d
	}
	// Pages resolve their citations in parallel, so the title and 文号 shown for an external
	// document must not depend on which page came first: the fullest spelling wins (《中共中央、
	// 国务院…》 over 《中共中央国务院…》), then the smallest.
	if fuller(c.Title, d.Title) {
		d.Title = c.Title
	}
	// The 文号 in its standard brackets (the key) wins over variants such as 中发[2017]13号.
	if d.DocNumber != d.Key && (c.DocNumber == d.Key || fuller(c.DocNumber, d.DocNumber)) {
		d.DocNumber = c.DocNumber
	}
	out.External = d
	return out
}

// URLFor is Resolve for the Markdown link transformer.
func (r *Resolver) URLFor(c cite.Citation) (string, bool) {
	u := r.Resolve(c).URL()
	return u, u != ""
}

// ExternalDocs returns the external documents seen so far.
func (r *Resolver) ExternalDocs() []*CitedDoc {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*CitedDoc, 0, len(r.ext))
	for _, d := range r.ext {
		out = append(out, d)
	}
	return out
}

// fuller reports whether a should replace b as the spelling shown: a longer one, or at equal
// length the smaller, so that the choice is the same whatever order they come in.
func fuller(a, b string) bool {
	if a == "" {
		return false
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	return la > lb || la == lb && a < b
}
