package render

// PageLink is one entry of a numbered pager: a page number with its URL, the current page, or a
// gap (…) between runs of numbers.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// Links numbers the pages of a listing as readers of government sites expect them
// (1 2 3 … 9 10): the first two, the last two and two on each side of the current page, with a
// gap wherever pages are left out, so that the row stays short on a phone however long the
// listing.
func (p *Pager) Links() []PageLink {
	var out []PageLink
	show := func(n int) bool {
		return n <= 2 || n > p.Total-2 || (n >= p.Number-2 && n <= p.Number+2)
	}
	for n := 1; n <= p.Total; n++ {
		if !show(n) {
			if len(out) > 0 && !out[len(out)-1].Gap {
				out = append(out, PageLink{Gap: true})
			}
			continue
		}
		out = append(out, PageLink{Number: n, URL: pageURL(p.Base, n), Current: n == p.Number})
	}
	return out
}
