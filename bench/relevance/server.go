package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/httpapi"
)

// serverSystem asks /api/search through the handler `gongkai serve` mounts,
// on the index opened read-only: what a reader's browser gets from a gongkai
// server, without a process and a port to manage.
type serverSystem struct {
	ix *search.Index
	h  http.Handler
}

func openServer(public string) (*serverSystem, error) {
	ix, err := search.Open(filepath.Join(public, "_search", "index"))
	if err != nil {
		return nil, err
	}
	return &serverSystem{ix: ix, h: httpapi.NewHandler(func() *search.Index { return ix }, nil)}, nil
}

func (s *serverSystem) Name() string { return "server" }
func (s *serverSystem) Close()       { _ = s.ix.Close() }

func (s *serverSystem) Search(ctx context.Context, q string) ([]Hit, error) {
	v := url.Values{"q": {q}, "size": {fmt.Sprint(pageSize)}}
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/api/search?"+v.Encode(), nil)
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code == http.StatusBadRequest {
		var e struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		return nil, answerError(e.Error)
	}
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %s", rec.Code, rec.Body.String())
	}
	return hitsFromJSON(rec.Body.Bytes())
}

// hitsFromJSON reads the hits of an /api/search answer: each hit's url, and
// the urls of any list of objects inside it (the parts a document hit may
// show beneath it), so that the runner keeps working when hits grow parts.
func hitsFromJSON(body []byte) ([]Hit, error) {
	var res struct {
		Hits []map[string]json.RawMessage `json:"hits"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, err
	}
	var out []Hit
	for _, h := range res.Hits {
		var hit Hit
		_ = json.Unmarshal(h["url"], &hit.URL)
		keys := make([]string, 0, len(h))
		for k := range h {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var list []struct {
				URL string `json:"url"`
			}
			if k == "url" || json.Unmarshal(h[k], &list) != nil {
				continue
			}
			for _, p := range list {
				if p.URL != "" {
					hit.Parts = append(hit.Parts, p.URL)
				}
			}
		}
		out = append(out, hit)
	}
	return out, nil
}

// answerError is a query the system refused with a message for the reader
// (HTTP 400, the page's banner): scored as a miss, not a failure of the run.
type answerError string

func (e answerError) Error() string { return string(e) }
