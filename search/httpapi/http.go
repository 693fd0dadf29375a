package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/search"
)

// NewHandler serves search over HTTP, without JavaScript:
//
//	GET /search?q=…&type=…&page=…&sort=…   the results page, rendered by page
//	GET /search.csv?q=…                     all results (up to MaxCSVRows) as CSV
//	GET /api/search?q=…                     one page of results as JSON
//
// Every route accepts q, the filters (FilterNames), from and to
// (YYYY-MM-DD, inclusive), sort ("", date, -date), page and size.
// open returns the index to use now (Swapper.Current); it may return nil
// before the first build. page (not nil) renders the HTML; the handler has set
// Content-Type, and data.Status is written with the first byte unless page
// calls WriteHeader itself.
//
// At most GOMAXPROCS searches run at once; the others wait their turn, in
// order of arrival, for at most QueryBudget (see admission).
func NewHandler(open func() *search.Index, page func(w http.ResponseWriter, r *http.Request, data *PageData)) http.Handler {
	return NewSearcherHandler(func() Searcher {
		if ix := open(); ix != nil {
			return ix
		}
		return nil
	}, page)
}

// Searcher is what the handler searches: a *search.Index, or several as one
// (search/multi). A result whose Sources are set shows each hit's source.
type Searcher interface {
	SearchLimit(ctx context.Context, req search.Request, maxSize int) (*search.Result, error)
}

// NewSearcherHandler is NewHandler over any Searcher; open returns nil while
// there is none.
func NewSearcherHandler(open func() Searcher, page func(w http.ResponseWriter, r *http.Request, data *PageData)) http.Handler {
	h := &handler{open: open, page: page, admit: newAdmission(0)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /search", h.servePage)
	mux.HandleFunc("GET /search/{$}", h.servePage)
	mux.HandleFunc("GET /search.csv", h.serveCSV)
	mux.HandleFunc("GET /api/search", h.serveJSON)
	return mux
}

type handler struct {
	open  func() Searcher
	page  func(http.ResponseWriter, *http.Request, *PageData)
	admit *admission
}

func (h *handler) servePage(w http.ResponseWriter, r *http.Request) {
	data := &PageData{Request: r, Query: r.URL.Query().Get("q"), Status: http.StatusOK}
	req, err := requestFromURL(r.URL.Query())
	data.Search = req
	if err == nil && !isBlank(req) {
		data.Result, err = h.run(r.Context(), req, search.MaxPageSize)
	}
	if err != nil {
		data.Status, data.Error = statusOf(err)
	}
	data.fillLinks(r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	h.page(&statusWriter{ResponseWriter: w, status: data.Status}, r, data)
}

func (h *handler) run(ctx context.Context, req search.Request, maxSize int) (*search.Result, error) {
	release, err := h.admit.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return searchCurrent(h.open, func(ix Searcher) (*search.Result, error) {
		return ix.SearchLimit(ctx, req, maxSize)
	})
}

// isBlank: nothing asked yet, so the page shows just the form.
func isBlank(req search.Request) bool {
	if strings.TrimSpace(req.Query) != "" || !req.From.IsZero() || !req.To.IsZero() {
		return false
	}
	for _, vs := range req.Filters {
		if len(vs) > 0 {
			return false
		}
	}
	return true
}

// requestFromURL reads the shared query parameters; malformed numbers and
// dates are the user's fault.
func requestFromURL(v url.Values) (search.Request, error) {
	req := search.Request{Query: v.Get("q"), Sort: v.Get("sort"), Filters: map[string][]string{}}
	for _, name := range urlFilters {
		for _, val := range v[name] {
			if val = strings.TrimSpace(val); val != "" {
				req.Filters[name] = append(req.Filters[name], val)
			}
		}
	}
	if req.Sort == "relevance" {
		req.Sort = ""
	}
	var err error
	if req.Page, err = intParam(v, "page", "页码"); err != nil {
		return req, err
	}
	if req.Size, err = intParam(v, "size", "每页条数"); err != nil {
		return req, err
	}
	if req.From, err = dateParam(v, "from", "起始日期"); err != nil {
		return req, err
	}
	if req.To, err = dateParam(v, "to", "截止日期"); err != nil {
		return req, err
	}
	if !req.To.IsZero() {
		req.To = req.To.Add(24*time.Hour - time.Nanosecond) // the whole last day
	}
	return req, nil
}

func intParam(v url.Values, name, label string) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, userErrorf(v.Get("q"), "%s“%s”不是有效的数字。", label, s)
	}
	return n, nil
}

func dateParam(v url.Values, name, label string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, userErrorf(v.Get("q"), "%s“%s”格式有误，请写成 2018-08-22 这样的年-月-日。", label, s)
	}
	return d, nil
}

// statusOf maps an error to the HTTP status and the message shown to users.
func statusOf(err error) (int, string) {
	if qe, ok := errorIsUser(err); ok {
		return http.StatusBadRequest, qe.Message
	}
	switch {
	case errors.Is(err, search.ErrTimeout):
		return http.StatusServiceUnavailable, "检索超时，请换用更具体的检索词或加上筛选条件后重试。"
	case errors.Is(err, errNoIndex):
		return http.StatusServiceUnavailable, "检索索引尚未建立，请先运行 gongkai build。"
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "检索已取消。"
	}
	return http.StatusInternalServerError, "检索出错：" + err.Error()
}

// statusWriter writes the page's status with the first byte, unless the
// page set one itself.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		w.ResponseWriter.WriteHeader(code)
	}
}

func (w *statusWriter) Write(p []byte) (int, error) {
	w.WriteHeader(w.status)
	return w.ResponseWriter.Write(p)
}

// The filters and facets of search, in display order.
var (
	filterNames = search.FilterNames()
	facetNames  = search.FacetNames()
)

// extraFilters are read from the URL, kept in links and shown as facets
// (first) when a result has them (a merged result's site facet); a single
// index refuses them as it does any unknown filter.
var extraFilters = []string{"site"}

// urlFilters are the filters read from a URL, made once: appending
// extraFilters to filterNames per request would write into filterNames'
// spare capacity from concurrent requests.
var urlFilters = append(append([]string(nil), filterNames...), extraFilters...)

// userErrorf makes the *search.QueryError a malformed parameter gives.
func userErrorf(q, format string, args ...interface{}) *search.QueryError {
	return &search.QueryError{Query: q, Message: fmt.Sprintf(format, args...)}
}

// errorIsUser reports whether err is the user's fault.
func errorIsUser(err error) (*search.QueryError, bool) {
	var qe *search.QueryError
	ok := errors.As(err, &qe)
	return qe, ok
}
