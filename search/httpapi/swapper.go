package httpapi

import (
	"errors"
	"sync/atomic"

	"github.com/gongkai/gongkai/search"
)

// Swapper holds the index a server answers from, so a rebuild can put a new
// one in place while requests are running. Pass its Current method to
// NewHandler.
//
// Retiring an index is safe without a grace period: Index.Close waits for
// the searches already inside it, and a search that picked up the old index
// just before the swap gets ErrClosed, on which the handlers ask Current
// again.
type Swapper struct {
	cur atomic.Pointer[search.Index]
}

// NewSwapper starts with ix, which may be nil (no index yet).
func NewSwapper(ix *search.Index) *Swapper {
	s := &Swapper{}
	s.cur.Store(ix)
	return s
}

// Current returns the index to search now; nil before the first one.
func (s *Swapper) Current() *search.Index { return s.cur.Load() }

// Swap installs ix and closes the index it replaces once that index's
// searches in flight have finished. Swap blocks until then (at most about
// QueryBudget).
func (s *Swapper) Swap(ix *search.Index) error {
	old := s.cur.Swap(ix)
	if old == nil || old == ix {
		return nil
	}
	return old.Close()
}

// Close closes the current index and leaves the Swapper empty.
func (s *Swapper) Close() error {
	old := s.cur.Swap(nil)
	if old == nil {
		return nil
	}
	return old.Close()
}

// searchCurrent runs a search on the current index, retrying when a swap
// closed the index between fetching and searching it.
func searchCurrent(open func() Searcher, run func(Searcher) (*search.Result, error)) (*search.Result, error) {
	for attempt := 0; ; attempt++ {
		ix := open()
		if ix == nil {
			return nil, errNoIndex
		}
		res, err := run(ix)
		if errors.Is(err, search.ErrClosed) && attempt < 3 {
			continue
		}
		return res, err
	}
}

var errNoIndex = errors.New("search: no index is open yet")
