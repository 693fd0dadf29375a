package build

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/disclose"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// SummaryFile is the summary a platform's site build writes at the root of its output: what
// the platform's portal shows of the site, so that the portal is rebuilt from the summaries
// alone, without reading any site's content again.
const SummaryFile = ".gongkai-site.json"

// SummaryFormat changes when a field of Summary changes meaning; a platform rebuilds a site
// whose summary has another format.
const SummaryFormat = 1

// summaryRecent is how many of its newest pages a site's summary lists.
const summaryRecent = 50

// Summary is the content of SummaryFile. URLs are relative to the site's root ("/policies/a/").
type Summary struct {
	Format      int                 `json:"format"`
	Name        string              `json:"name"`
	Title       string              `json:"title"`
	Description string              `json:"description,omitempty"`
	BaseURL     string              `json:"baseURL,omitempty"`
	Inputs      string              `json:"inputs"`
	Built       time.Time           `json:"built"`
	Next        *time.Time          `json:"next,omitempty"` // the site changes by itself then; rebuild it
	Updated     time.Time           `json:"updated"`        // the newest page's date
	Pages       int                 `json:"pages"`
	Recent      []SummaryPage       `json:"recent"`
	Notices     []SummaryNotice     `json:"notices"` // disclosures whose notice period has not ended
	Departments []SummaryDepartment `json:"departments"`
}

// SummaryPage is one page in a summary.
type SummaryPage struct {
	Title   string    `json:"title"`
	URL     string    `json:"url"`
	Type    string    `json:"type"`
	Date    time.Time `json:"date"`
	Summary string    `json:"summary,omitempty"`
	Sample  bool      `json:"sample,omitempty"`
}

// SummaryNotice is a disclosure on notice, or about to be.
type SummaryNotice struct {
	Title    string    `json:"title"`
	URL      string    `json:"url"`
	Village  string    `json:"village,omitempty"`
	Category string    `json:"category,omitempty"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end,omitzero"`
	Sample   bool      `json:"sample,omitempty"`
}

// SummaryDepartment is a department the site's pages name, with those pages.
type SummaryDepartment struct {
	Name       string        `json:"name"`
	URL        string        `json:"url"`
	Registered bool          `json:"registered"`
	Lead       int           `json:"lead"`
	Part       int           `json:"part"`
	Pages      []SummaryLink `json:"pages"`
}

// SummaryLink is a page by title and URL.
type SummaryLink struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// summarize is what the portal needs of a built site.
func summarize(s *site.Site, p *PlatformOptions, now time.Time, next *Change) *Summary {
	sum := &Summary{Format: SummaryFormat, Name: p.Name, Title: s.Config.Title, Description: s.Config.Description,
		BaseURL: s.Config.BaseURL, Inputs: p.Inputs, Built: now,
		Recent: []SummaryPage{}, Notices: []SummaryNotice{}, Departments: []SummaryDepartment{}}
	if next != nil {
		at := next.At
		sum.Next = &at
	}
	pages := s.RegularPages()
	sum.Pages = len(pages)
	site.SortNewestFirst(pages)
	for i, pg := range pages {
		if d := pg.SortDate(); d.After(sum.Updated) {
			sum.Updated = d
		}
		if i < summaryRecent {
			sum.Recent = append(sum.Recent, SummaryPage{Title: pg.Title, URL: pg.URL, Type: pg.Type, Date: pg.SortDate(), Summary: pg.Summary, Sample: pg.Sample})
		}
	}
	for _, pg := range s.Pages {
		d := pg.Disclose
		if d == nil || pg.Kind != content.KindPage || d.NoticeStart.IsZero() || d.NoticeStatus(now) == disclose.StatusEnded {
			continue
		}
		sum.Notices = append(sum.Notices, SummaryNotice{Title: pg.Title, URL: pg.URL, Village: d.Village, Category: d.Category, Start: d.NoticeStart, End: d.NoticeEnd, Sample: pg.Sample || d.Sample})
	}
	for _, d := range s.Departments {
		sd := SummaryDepartment{Name: d.Name, URL: d.URL, Registered: d.Registered, Lead: d.Lead, Part: d.Part, Pages: []SummaryLink{}}
		seen := map[*site.Page]bool{}
		for _, r := range d.Tasks {
			if pg := r.Task.Page; pg != nil && !seen[pg] {
				seen[pg] = true
				sd.Pages = append(sd.Pages, SummaryLink{Title: pg.Title, URL: pg.URL})
			}
		}
		sum.Departments = append(sum.Departments, sd)
	}
	sort.Slice(sum.Departments, func(i, j int) bool { return sum.Departments[i].Name < sum.Departments[j].Name })
	return sum
}

// writeSummary writes the summary into the build's output, so that it is published with the
// pages it describes, in the same swap.
func writeSummary(out afero.Fs, sum *Summary) error {
	b, err := json.MarshalIndent(sum, "", " ")
	if err != nil {
		return err
	}
	if err := afero.WriteFile(out, SummaryFile, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("%s: 无法写入站点摘要：%v", SummaryFile, err)
	}
	return nil
}

// ReadSummary reads the summary a platform's site build wrote into dir; nil when there is
// none or it cannot be read (the site is then built again).
func ReadSummary(fs afero.Fs, dir string) (*Summary, error) {
	b, err := afero.ReadFile(fs, filepath.Join(dir, SummaryFile))
	if err != nil {
		return nil, err
	}
	sum := &Summary{}
	if err := json.Unmarshal(b, sum); err != nil {
		return nil, fmt.Errorf("%s: 站点摘要不是有效的 JSON（%v）；重新构建这个站点", filepath.Join(dir, SummaryFile), err)
	}
	return sum, nil
}
