package httpapi

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/search"
)

// MaxCSVRows caps the CSV export; a researcher who needs more narrows the
// query or pages through the JSON API.
const MaxCSVRows = 2000

func (h *handler) serveCSV(w http.ResponseWriter, r *http.Request) {
	req, err := requestFromURL(r.URL.Query())
	var res *search.Result
	if err == nil {
		req.Page, req.Size = 1, MaxCSVRows
		res, err = h.run(r.Context(), req, MaxCSVRows)
	}
	if err != nil {
		status, msg := statusOf(err)
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="search.csv"; filename*=UTF-8''%E6%A3%80%E7%B4%A2%E7%BB%93%E6%9E%9C.csv`)
	_, _ = w.Write([]byte("\uFEFF")) // lets Excel detect UTF-8
	cw := csv.NewWriter(w)
	head := []string{"标题", "章节", "文号", "类型", "日期", "链接", "摘要", "得分"}
	if res.Sources != nil {
		head = append(head, "站点")
	}
	_ = cw.Write(head)
	// One row per document; its link is the first matching part's, the
	// most precise place to read.
	for i, hit := range res.Hits {
		link := hit.URL
		if len(hit.Parts) > 0 {
			link = hit.Parts[0].URL
		}
		row := []string{
			cell(hit.Title), cell(hit.Section), cell(hit.DocNumber), cell(hit.Type), dateString(hit.Date),
			cell(link), cell(plainSnippet(string(hit.Snippet))), strconv.FormatFloat(hit.Score, 'f', 4, 64),
		}
		if i < len(res.Sources) {
			row = append(row, cell(res.Sources[i].Title))
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

// cell defuses spreadsheet formulas: a cell starting with = + - @ would be
// evaluated by Excel.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func plainSnippet(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
	return html.UnescapeString(s)
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// jsonResult is the wire format of /api/search.
type jsonResult struct {
	Total   int                    `json:"total"`
	Exact   int                    `json:"exact"`
	Relaxed bool                   `json:"relaxed"`
	Suggest string                 `json:"suggest,omitempty"`
	Hits    []jsonHit              `json:"hits"`
	Facets  map[string][]jsonFacet `json:"facets"`
	Page    int                    `json:"page"`
	Pages   int                    `json:"pages"`
	// Labels name facet values shown otherwise than as themselves: a
	// unified search's site names by their titles.
	Labels map[string]map[string]string `json:"labels,omitempty"`
}

type jsonHit struct {
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	DocNumber string     `json:"doc_number"`
	Type      string     `json:"type"`
	Section   string     `json:"section"`
	Snippet   string     `json:"snippet"`
	Score     float64    `json:"score"`
	Date      string     `json:"date"`
	Parts     []jsonPart `json:"parts"`
	Site      string     `json:"site,omitempty"` // the site of a unified search's hit (Result.Sources)
}

type jsonPart struct {
	URL     string `json:"url"`
	Anchor  string `json:"anchor"`
	Section string `json:"section"`
	Snippet string `json:"snippet"`
}

type jsonFacet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

func (h *handler) serveJSON(w http.ResponseWriter, r *http.Request) {
	req, err := requestFromURL(r.URL.Query())
	var res *search.Result
	if err == nil {
		res, err = h.run(r.Context(), req, search.MaxPageSize)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*") // open data: any page may call the API
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err != nil {
		status, msg := statusOf(err)
		w.WriteHeader(status)
		_ = enc.Encode(map[string]string{"error": msg})
		return
	}
	_ = enc.Encode(toJSON(res))
}

func toJSON(res *search.Result) jsonResult {
	out := jsonResult{Total: res.Total, Exact: res.Exact, Relaxed: res.Relaxed, Suggest: res.Suggest,
		Hits: []jsonHit{}, Facets: map[string][]jsonFacet{}, Page: res.Page, Pages: res.Pages, Labels: res.Labels}
	for i, h := range res.Hits {
		jh := jsonHit{
			URL: h.URL, Title: h.Title, DocNumber: h.DocNumber, Type: h.Type, Section: h.Section,
			Snippet: string(h.Snippet), Score: h.Score, Date: dateString(h.Date), Parts: []jsonPart{},
		}
		for _, p := range h.Parts {
			jh.Parts = append(jh.Parts, jsonPart{URL: p.URL, Anchor: p.Anchor, Section: p.Section, Snippet: string(p.Snippet)})
		}
		if i < len(res.Sources) {
			jh.Site = res.Sources[i].Name
		}
		out.Hits = append(out.Hits, jh)
	}
	for name, fs := range res.Facets {
		list := []jsonFacet{}
		for _, f := range fs {
			list = append(list, jsonFacet{Value: f.Value, Count: f.Count})
		}
		out.Facets[name] = list
	}
	return out
}
