package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/gongkai/gongkai/search/collect"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/query"
)

// QueryBudget bounds every search; a query that needs longer fails with
// ErrTimeout instead of holding a server goroutine.
const QueryBudget = 2 * time.Second

// ErrTimeout is wrapped by Search errors when a query ran past its time
// budget (QueryBudget or the caller's deadline, whichever is sooner).
var ErrTimeout = errors.New("search: query exceeded its time budget")

// DefaultPageSize is the page size when Request.Size is 0.
const DefaultPageSize = 10

// Limits on what one search may ask for; beyond them Search returns a
// *QueryError rather than spending seconds on it.
const (
	MaxQueryRunes = query.MaxRunes // characters in Request.Query
	MaxQueryTerms = query.MaxTerms // terms in Request.Query, and values in Request.Filters
	MaxPage       = 100
	MaxPageSize   = 100
)

// Request is one search. An empty Query lists every document that passes
// the filters, newest first.
type Request struct {
	Query   string
	Filters map[string][]string // keys from FilterNames(); values within a key are alternatives
	From    time.Time           // inclusive; zero for no bound
	To      time.Time           // inclusive; zero for no bound
	Sort    string              // "" relevance | "date" oldest first | "-date" newest first
	Page    int                 // 1-based; 0 means 1
	Size    int                 // hits per page; 0 means DefaultPageSize, capped at MaxPageSize
	// ExactOnly skips the relaxed pass even when the exact one finds fewer
	// than RelaxBelow documents: a caller merging the results of several
	// indexes decides that on their sum (search/multi).
	ExactOnly bool
}

// Result is one page of documents with the facets of all matching
// documents. When the exact query found fewer than RelaxBelow documents
// and has a relaxed form (query.Query.Relaxed), Relaxed is set and the
// documents of the relaxed pass follow the Exact exact ones.
type Result struct {
	Query   string
	Total   int // documents, exact and relaxed
	Exact   int // documents matching the query as typed
	Relaxed bool
	Suggest string // a query one character away from a title (您是不是要找), or ""
	Hits    []Hit
	Facets  map[string][]Facet // keyed by filter name; counts documents
	Page    int
	Pages   int
	Took    time.Duration
	// Bags are the near-miss terms of the relaxed pass, in query order, and
	// whether each matched any record as typed: with the relaxed documents'
	// titles, what Suggestion makes Suggest from (for merging results).
	Bags []Bag
	Sort string // the order of Hits: Request.Sort, "-date" for a query with nothing to rank by
	// Sources says, by position in Hits, which index each hit came from,
	// when the result merges several (search/multi); nil otherwise.
	Sources []Source
	// Ranks says, by position in Hits, what ordered each hit: what a
	// merge of several indexes' results orders them by (collect.CompareRanks).
	Ranks []DocRank
	// Labels are display forms of facet values by filter name, for values
	// that are not shown as themselves (a merged result's index names).
	Labels map[string]map[string]string
}

// Search runs req. Errors of type *QueryError are the user's fault (HTTP
// 400); errors wrapping ErrTimeout mean the query ran out of time.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	return ix.SearchLimit(ctx, req, MaxPageSize)
}

// SearchLimit is Search with hits per page capped at maxSize instead of
// MaxPageSize, for exports that list more hits at once (the CSV export).
func (ix *Index) SearchLimit(ctx context.Context, req Request, maxSize int) (*Result, error) {
	start := time.Now()
	p, err := Prepare(req, ix.ix.Synonyms(), maxSize)
	if err != nil {
		return nil, err
	}
	req, exact, relaxed := p.Request, p.Exact, p.Relaxed

	ctx, cancel := context.WithTimeout(ctx, QueryBudget)
	defer cancel()
	var got *collect.Documents
	var cerr error
	if err := ix.ix.Read(func(shards []bleve.Index) error {
		got, cerr = collect.FindDocuments(ctx, shards, &ix.columns, exact, relaxed, req.Sort, (req.Page-1)*req.Size, req.Size)
		return nil
	}); err != nil {
		return nil, err // ErrClosed
	}
	if err := cerr; err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w: %q: %w", ErrTimeout, req.Query, ctx.Err())
		}
		if ctx.Err() != nil { // the client went away
			return nil, fmt.Errorf("search: %q: %w", req.Query, ctx.Err())
		}
		return nil, fmt.Errorf("search: %q: %w", req.Query, err)
	}
	out := &Result{
		Query:   req.Query,
		Total:   got.Total,
		Exact:   got.Exact,
		Relaxed: got.Relaxed,
		Hits:    got.Page,
		Ranks:   got.Ranks,
		Facets:  got.Facets,
		Page:    req.Page,
		Pages:   pages(got.Total, req.Size),
		Sort:    req.Sort,
	}
	if got.Relaxed {
		for i, w := range p.Bags {
			out.Bags = append(out.Bags, Bag{Text: w, Found: i < len(got.BagFound) && got.BagFound[i]})
		}
		out.Suggest = Suggestion(req.Query, out.Bags, got.RelaxedTitles)
	}
	out.Took = time.Since(start)
	return out, nil
}

// prepare validates req and fills in defaults; the query expands with the
// synonym groups syn.
func prepare(req Request, syn [][]string, maxSize int) (Request, query.Query, error) {
	req.Query = strings.TrimSpace(req.Query)
	pq, err := query.ParseQuery(req.Query, syn)
	if err != nil {
		return req, pq, err
	}
	switch {
	case req.Page == 0:
		req.Page = 1
	case req.Page < 0 || req.Page > MaxPage:
		return req, pq, query.Errorf(req.Query, "页码 %d 超出范围：只能查看第 1 到第 %d 页，请增加检索词或筛选条件缩小范围。", req.Page, MaxPage)
	}
	if req.Size <= 0 {
		req.Size = DefaultPageSize
	}
	req.Size = min(req.Size, maxSize)
	values := 0
	for name, vs := range req.Filters {
		if !isFilterName(name) {
			return req, pq, query.Errorf(req.Query, "不支持的筛选条件“%s”，可用的有：%s。", name, strings.Join(mapping.Filters, "、"))
		}
		values += len(vs)
	}
	if values > MaxQueryTerms {
		return req, pq, query.Errorf(req.Query, "筛选条件太多（%d 个），最多 %d 个。", values, MaxQueryTerms)
	}
	switch req.Sort {
	case "", "date", "-date":
	default:
		return req, pq, query.Errorf(req.Query, "不支持的排序方式“%s”：可用相关度（默认）、date（从旧到新）、-date（从新到旧）。", req.Sort)
	}
	for _, d := range []time.Time{req.From, req.To} {
		if !d.IsZero() && (d.Year() < 1700 || d.Year() > 2200) {
			return req, pq, query.Errorf(req.Query, "日期 %s 超出范围：只支持 1700 年到 2200 年。", d.Format(time.DateOnly))
		}
	}
	if !req.From.IsZero() && !req.To.IsZero() && req.To.Before(req.From) {
		return req, pq, query.Errorf(req.Query, "日期范围有误：起始日期 %s 晚于截止日期 %s。",
			req.From.Format(time.DateOnly), req.To.Format(time.DateOnly))
	}
	if len(pq.Groups) == 0 && len(pq.Articles) == 0 && req.Sort == "" { // nothing to rank by
		req.Sort = "-date"
	}
	return req, pq, nil
}

func isFilterName(name string) bool {
	for _, f := range mapping.Filters {
		if f == name {
			return true
		}
	}
	return false
}

func boolPtr(b bool) *bool { return &b }

func pages(total, size int) int {
	return min((total+size-1)/size, MaxPage)
}
