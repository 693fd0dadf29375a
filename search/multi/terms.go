package multi

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"sync"

	"github.com/gongkai/gongkai/search"
)

// Most sites of a platform hold no document for a given query (a phrase of one law is in one
// site), and a site's search costs about the same whether it finds anything or not: parsing
// aside, making the searchers (dictionary lookups in every field of every segment) is most of
// it. Each site's index gets a Bloom filter of its terms, by field, made once per index
// (a new build is a new index); a site whose filter lacks a term every match needs is left out
// before any searcher is made (collect.Plan.MayMatch). A filter may answer yes wrongly, one
// term in a few hundred, never no wrongly, so what is left out would have found nothing.

// termFilter is a Bloom filter over an index's (field, term) pairs.
type termFilter struct {
	seed maphash.Seed
	bits []uint64
	mask uint64 // bit positions are hash & mask
}

// filterBits is how many bits each term gets; filterHashes how many bits it sets. At 12 bits
// and 8 hashes about 1 lookup in 300 of a missing term answers yes.
const (
	filterBits   = 12
	filterHashes = 8
)

func (f *termFilter) hash(field, term string) uint64 {
	var h maphash.Hash
	h.SetSeed(f.seed)
	h.WriteString(field)
	h.WriteByte(0)
	h.WriteString(term)
	return h.Sum64()
}

// has reports whether (field, term) may be in the index.
func (f *termFilter) has(field, term string) bool {
	h := f.hash(field, term)
	lo, hi := h, h>>32|h<<32
	for i := uint64(0); i < filterHashes; i++ {
		b := (lo + i*hi) & f.mask
		if f.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// newTermFilter makes the filter of ix's terms.
func newTermFilter(ix *search.Index) (*termFilter, error) {
	f := &termFilter{seed: maphash.MakeSeed()}
	var hashes []uint64
	if err := ix.VisitTerms(func(field, term string) {
		hashes = append(hashes, f.hash(field, term))
	}); err != nil {
		return nil, err
	}
	n := uint64(max(len(hashes), 1) * filterBits)
	size := uint64(1) << bits.Len64(n-1) // a power of two, so that a mask picks the bit
	size = max(size, 64)
	f.bits, f.mask = make([]uint64, size/64), size-1
	for _, h := range hashes {
		lo, hi := h, h>>32|h<<32
		for i := uint64(0); i < filterHashes; i++ {
			b := (lo + i*hi) & f.mask
			f.bits[b/64] |= 1 << (b % 64)
		}
	}
	return f, nil
}

// filterBuilds bounds how many filters are made at once: a platform's first search asks for
// every site's.
var filterBuilds = make(chan struct{}, 2)

// filters keeps each site's term filter for the index it was made from.
type filters struct {
	mu     sync.Mutex
	bySite map[string]*siteFilter
}

type siteFilter struct {
	ix    *search.Index
	syn   string        // the index's synonyms, as a key: sites with the same share a parse
	ready chan struct{} // closed when f is set (or failed: f nil)
	f     *termFilter
}

// site returns what is kept of site's index ix, a new entry when ix is new; its filter is
// made in the background, so that the first searches after a new build are not held up
// (they search the site as if it might match).
func (fs *filters) site(name string, ix *search.Index) *siteFilter {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	sf := fs.bySite[name]
	if sf != nil && sf.ix == ix {
		return sf
	}
	if fs.bySite == nil {
		fs.bySite = map[string]*siteFilter{}
	}
	sf = &siteFilter{ix: ix, syn: fmt.Sprintf("%q", ix.Synonyms()), ready: make(chan struct{})}
	fs.bySite[name] = sf
	go func() {
		filterBuilds <- struct{}{}
		defer func() { <-filterBuilds }()
		if f, err := newTermFilter(ix); err == nil {
			sf.f = f
		}
		close(sf.ready)
	}()
	return sf
}

// filter returns the term filter, nil while it is being made.
func (sf *siteFilter) filter() *termFilter {
	select {
	case <-sf.ready:
		return sf.f
	default:
		return nil
	}
}

// wait makes the filters of every site's current index and waits for them.
func (fs *filters) wait(sites []Site) {
	var all []*siteFilter
	for _, s := range sites {
		if ix := s.Open(); ix != nil {
			all = append(all, fs.site(s.Name, ix))
		}
	}
	for _, sf := range all {
		<-sf.ready
	}
}
