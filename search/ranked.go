package search

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/gongkai/gongkai/search/collect"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/query"
)

// A search over several indexes (search/multi) parses and compiles the request once for all
// the indexes that share their synonyms (Prepare), ranks each index's documents without
// making hits (Index.Rank), merges, and makes the hits of the merged page only
// (collect.Ranked.Hit). Each index is still searched with its own statistics, so its part of
// the merge is what SearchLimit finds on it alone.

// Prepared is a request checked, parsed and compiled for indexes with one synonym list.
type Prepared struct {
	Request Request        // as searched: defaults filled in; Sort "-date" when nothing ranks
	Exact   *collect.Plan  // the exact pass
	Relaxed *collect.Plan  // the relaxed pass; nil when the query has no relaxed form or ExactOnly
	Bags    []string       // the Bag terms of the relaxed pass, in order
	parsed  [2]query.Query // the exact and relaxed queries, without their synonyms (parsedForms)
}

// parsedForms are what a query compiles from: its exact form and its relaxed one, each
// without the synonym groups it keeps (sites' synonyms differ more often than the forms
// they give a query).
func parsedForms(pq query.Query, exactOnly bool) [2]query.Query {
	out := [2]query.Query{{Groups: pq.Groups, Excluded: pq.Excluded, Articles: pq.Articles}}
	if rq, ok := pq.Relaxed(); ok && !exactOnly {
		out[1] = query.Query{Groups: rq.Groups, Excluded: rq.Excluded, Articles: rq.Articles}
	}
	return out
}

// Prepare checks req as SearchLimit does and compiles it with synonyms (Index.Synonyms).
func Prepare(req Request, synonyms [][]string, maxSize int) (*Prepared, error) {
	return PrepareLike(req, synonyms, maxSize, nil)
}

// PrepareLike is Prepare, but returns the one of like whose query parsed the same (most
// sites' synonyms leave a query as it is): compiling costs more than parsing.
func PrepareLike(req Request, synonyms [][]string, maxSize int, like []*Prepared) (*Prepared, error) {
	req, pq, err := prepare(req, synonyms, maxSize)
	if err != nil {
		return nil, err
	}
	parsed := parsedForms(pq, req.ExactOnly)
	for _, p := range like {
		if reflect.DeepEqual(p.parsed, parsed) {
			return p, nil
		}
	}
	var dates bquery.Query
	if !req.From.IsZero() || !req.To.IsZero() {
		dq := bquery.NewDateRangeInclusiveQuery(req.From, req.To, boolPtr(true), boolPtr(true))
		dq.SetField(mapping.FieldDate)
		dates = dq
	}
	p := &Prepared{Request: req, Exact: planOf(pq, req.Filters, dates), parsed: parsed}
	if rq, ok := pq.Relaxed(); ok && !req.ExactOnly {
		p.Relaxed = planOf(rq, req.Filters, dates)
		p.Bags = bagTexts(p.Relaxed, pq)
	}
	return p, nil
}

// Synonyms returns the synonym groups the index's queries expand with.
func (ix *Index) Synonyms() [][]string { return ix.ix.Synonyms() }

// Rank runs p's exact pass on the index and orders its first n documents. The caller may then
// run the relaxed pass, make hits, and must Release the result.
func (ix *Index) Rank(ctx context.Context, p *Prepared, n int) (*collect.Ranked, error) {
	var got *collect.Ranked
	var cerr error
	if err := ix.ix.Read(func(shards []bleve.Index) error {
		got, cerr = collect.RankDocuments(ctx, shards, &ix.columns, p.Exact, p.Request.Sort, n)
		return nil
	}); err != nil {
		return nil, err // ErrClosed
	}
	if cerr != nil {
		return nil, SearchError(ctx, p.Request.Query, cerr)
	}
	return got, nil
}

// FindBag reports whether the i-th of p.Bags matches any record of the index as typed.
func (ix *Index) FindBag(ctx context.Context, p *Prepared, i int) (bool, error) {
	var found bool
	var cerr error
	if err := ix.ix.Read(func(shards []bleve.Index) error {
		found, cerr = collect.FindBag(ctx, shards, &ix.columns, p.Relaxed, i)
		return nil
	}); err != nil {
		return false, err
	}
	if cerr != nil {
		return false, SearchError(ctx, p.Request.Query, cerr)
	}
	return found, nil
}

// SearchError is the error SearchLimit returns for err, a search of query stopped by ctx or
// failed: wrapping ErrTimeout when ctx's deadline passed.
func SearchError(ctx context.Context, query string, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: %q: %w", ErrTimeout, query, ctx.Err())
	}
	if ctx.Err() != nil { // the client went away
		return fmt.Errorf("search: %q: %w", query, ctx.Err())
	}
	return fmt.Errorf("search: %q: %w", query, err)
}

// VisitTerms calls fn with every term of every field of the index (a term of several shards
// or segments once for each), for a caller that keeps a summary of them (search/multi's term
// filters, which skip indexes that cannot match a query).
func (ix *Index) VisitTerms(fn func(field, term string)) error {
	return ix.ix.Read(func(shards []bleve.Index) error {
		for _, bi := range shards {
			adv, err := bi.Advanced()
			if err != nil {
				return err
			}
			r, err := adv.Reader()
			if err != nil {
				return err
			}
			fields, err := r.Fields()
			if err == nil {
				err = visitFields(r, fields, fn)
			}
			if cerr := r.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func visitFields(r index.IndexReader, fields []string, fn func(field, term string)) error {
	for _, f := range fields {
		d, err := r.FieldDict(f)
		if err != nil {
			return err
		}
		for {
			e, err := d.Next()
			if err != nil || e == nil {
				_ = d.Close()
				if err != nil {
					return err
				}
				break
			}
			fn(f, e.Term)
		}
	}
	return nil
}
