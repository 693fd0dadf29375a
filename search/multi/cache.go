package multi

import (
	"container/list"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/gongkai/gongkai/search"
)

// A portal's searches repeat (the words of the day, the links of its pages), and a unified
// search costs a full search on every site: answers are kept, keyed by the request and by the
// indexes open at the time, so that a site's new build (a new index) makes its keys unused.

// cacheSize is how many answers are kept, the least recently used going first.
const cacheSize = 512

type resultCache struct {
	mu    sync.Mutex
	byKey map[string]*list.Element
	order *list.List // of *cached, most recent first
}

type cached struct {
	key string
	res *search.Result
}

func newResultCache() *resultCache {
	return &resultCache{byKey: map[string]*list.Element{}, order: list.New()}
}

// cacheKey is the request with every site's open index; "" when some site has none.
func cacheKey(req search.Request, maxSize int, sites []*Site) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q|%d|%d|%s|%d|%d|%d|", req.Query, req.From.UnixNano(), req.To.UnixNano(), req.Sort, req.Page, req.Size, maxSize)
	names := make([]string, 0, len(req.Filters))
	for k := range req.Filters {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		fmt.Fprintf(&b, "%q=%q|", k, req.Filters[k])
	}
	for _, s := range sites {
		ix := s.Open()
		if ix == nil {
			return ""
		}
		fmt.Fprintf(&b, "%p,", ix)
	}
	return b.String()
}

func (c *resultCache) get(key string) *search.Result {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cached).res
	}
	return nil
}

func (c *resultCache) put(key string, res *search.Result) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		e.Value.(*cached).res = res
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&cached{key: key, res: res})
	for c.order.Len() > cacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*cached).key)
	}
}
