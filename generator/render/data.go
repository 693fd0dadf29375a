package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// DocumentRecord is one row of /data/documents.json: a published page and its metadata.
type DocumentRecord struct {
	URL        string         `json:"url"`
	Title      string         `json:"title"`
	Type       string         `json:"type"`
	Section    string         `json:"section,omitempty"`
	Date       string         `json:"date,omitempty"`
	Sample     bool           `json:"sample,omitempty"`
	DocNumber  string         `json:"doc_number,omitempty"`
	Issuers    []string       `json:"issuers,omitempty"`
	Written    string         `json:"written,omitempty"`
	Published  string         `json:"published,omitempty"`
	Effective  string         `json:"effective,omitempty"`
	IndexNo    string         `json:"index_no,omitempty"`
	Topics     []string       `json:"topics,omitempty"`
	Genre      string         `json:"genre,omitempty"`
	Level      string         `json:"level,omitempty"`
	Status     string         `json:"status,omitempty"`
	AmendedBy  []string       `json:"amended_by,omitempty"`
	RepealedBy []string       `json:"repealed_by,omitempty"`
	Cites      []string       `json:"cites,omitempty"`
	CitedBy    []string       `json:"cited_by,omitempty"`
	Params     map[string]any `json:"params,omitempty"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// WriteData writes the open data files under /data/.
func WriteData(out afero.Fs, s *site.Site) (int, error) {
	var docs []DocumentRecord
	for _, p := range s.RegularPages() {
		d := DocumentRecord{URL: p.URL, Title: p.Title, Type: p.Type, Section: p.Section, Date: day(p.Date), Sample: p.Sample}
		if m := p.Policy; m != nil {
			d.DocNumber, d.Issuers, d.IndexNo, d.Topics = m.DocNumber, m.Issuers, m.IndexNo, m.Topics
			d.Written, d.Published, d.Effective = day(m.Written), day(m.Published), day(m.Effective)
			d.Genre, d.Level, d.Status = m.Genre, m.Level, m.Status
			for _, l := range p.StatusLinks {
				switch l.Label {
				case "被修改":
					d.AmendedBy = append(d.AmendedBy, l.Target.URL)
				case "被废止":
					d.RepealedBy = append(d.RepealedBy, l.Target.URL)
				}
			}
		}
		d.Params = extraParams(p.Params)
		seen := map[string]bool{}
		for _, c := range p.Cites {
			if u := c.URL(); u != "" && !seen[u] {
				seen[u] = true
				d.Cites = append(d.Cites, u)
			}
		}
		for _, c := range p.CitedBy {
			d.CitedBy = append(d.CitedBy, c.URL)
		}
		docs = append(docs, d)
	}
	files := map[string][]byte{}
	var errs []error
	putJSON := func(name string, v any) {
		b, err := jsonBytes(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: 无法写出这个开放数据文件（%v）；很可能是某个页面的 front matter 嵌套太深，见 limits.front_matter_depth", name, err))
			return
		}
		files[name] = b
	}
	putJSON("data/documents.json", docs)
	putJSON("data/indicators.json", indicatorRecords(s))
	putJSON("data/consultations.json", consultationRecords(s))
	putJSON("data/disclosures.json", disclosureRecords(s))
	rows := dutyRows(s)
	putJSON("data/duties.json", rows)
	files["data/duties.csv"] = dutyCSV(rows)
	for _, dep := range s.Departments {
		var mine []DutyRow
		for _, r := range rows {
			if r.Unit == dep.Name {
				mine = append(mine, r)
			}
		}
		putJSON("data/departments/"+dep.Slug+".json", mine)
		files["data/departments/"+dep.Slug+".csv"] = dutyCSV(mine)
	}
	if len(errs) > 0 {
		return 0, errors.Join(errs...)
	}
	n := 0
	for name, b := range files {
		if err := writeFile(out, name, b); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// jsonBytes encodes v indented. Page params come from front matter, so an error is possible
// (encoding/json refuses to indent beyond 10,000 levels) and is returned, never a panic.
func jsonBytes(v any) ([]byte, error) {
	return json.MarshalIndent(v, "", " ")
}

// knownKeys are front matter keys with typed fields; the rest are a page's own params.
var knownKeys = map[string]bool{
	"title": true, "date": true, "draft": true, "publishDate": true, "expiryDate": true, "lastmod": true,
	"summary": true, "description": true, "slug": true, "type": true, "weight": true, "sample": true,
	"doc_number": true, "issuers": true, "issuer": true, "written": true, "published": true, "effective": true,
	"index_no": true, "topics": true, "genre": true, "level": true, "status": true, "amends": true,
	"amended_by": true, "repeals": true, "repealed_by": true, "attachments": true, "interpretation": true,
	"source": true, "duty_lead": true, "duties_file": true,
}

func extraParams(params map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range params {
		if !knownKeys[k] {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
