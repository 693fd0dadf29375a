// Package policy decodes and validates the metadata of a policy document (发文字号, 发文机关,
// dates, 时效 …), the fields national policy libraries and GB/T 9704 show at the top of a document.
package policy

import (
	"fmt"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/cite"
	"github.com/gongkai/gongkai/generator/content"
	"go.yaml.in/yaml/v3"
)

// Statuses a document can have (时效).
var Statuses = []string{"现行有效", "已修改", "已废止", "尚未生效"}

// Levels a document can be issued at (层级).
var Levels = []string{"中央", "省", "市", "县", "乡", "村"}

// Meta is a policy document's metadata.
type Meta struct {
	DocNumber      string // 发文字号 as written
	DocKey         string // normalised 文号
	Issuers        []string
	Written        time.Time
	Published      time.Time
	Effective      time.Time
	IndexNo        string
	Topics         []string
	Genre          string
	Level          string
	Status         string
	Amends         []Ref
	AmendedBy      []Ref
	Repeals        []Ref
	RepealedBy     []Ref
	Attachments    []Attachment
	Interpretation string
	Source         Source
	DutyLeadFirst  bool
	DutiesFile     string
	DutiesFileLine int
}

// Ref points at another document by 文号 or content path; Line is for error messages.
type Ref struct {
	Raw  string
	Line int
}

// Attachment is a 附件: an anchor in the page or a file beside it.
type Attachment struct {
	Title  string `yaml:"title"`
	Anchor string `yaml:"anchor"`
	File   string `yaml:"file"`
	URL    string `yaml:"url"`
	// FileInfo is the published file's type and size, （PDF，283 KB）, filled by the build.
	FileInfo string `yaml:"-"`
}

// Source records the original file a document was converted from.
type Source struct {
	File   string `yaml:"file"`
	SHA256 string `yaml:"sha256"`
}

// Decode reads the policy keys of p's front matter. Every problem is reported with file:line.
func Decode(p *content.Page) (*Meta, []error) {
	m := &Meta{Status: "现行有效"}
	var errs []error
	fail := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", p.SrcPath, p.Line(n.Line), fmt.Sprintf(format, args...)))
	}
	if p.Meta == nil {
		return m, nil
	}
	for i := 0; i+1 < len(p.Meta.Content); i += 2 {
		key, val := p.Meta.Content[i].Value, p.Meta.Content[i+1]
		var err error
		switch key {
		case "doc_number":
			m.DocNumber, err = content.String(val)
			if err == nil && m.DocNumber != "" {
				key, ok := cite.NormalizeDocNumber(m.DocNumber)
				if !ok {
					_, perr := cite.ParseDocNumber(m.DocNumber)
					fail(val, "doc_number 不是有效的发文字号：%v", perr)
					continue
				}
				m.DocKey = key
			}
		case "issuers", "issuer":
			m.Issuers, err = content.Strings(val)
		case "written":
			m.Written, err = content.Date(val)
		case "published":
			m.Published, err = content.Date(val)
		case "effective":
			m.Effective, err = content.Date(val)
		case "index_no":
			m.IndexNo, err = content.String(val)
		case "topics":
			m.Topics, err = content.Strings(val)
		case "genre":
			m.Genre, err = content.String(val)
		case "level":
			m.Level, err = content.String(val)
			if err == nil && m.Level != "" && !contains(Levels, m.Level) {
				fail(val, "level %q 不是可用的值；写 %s 之一", m.Level, strings.Join(Levels, " / "))
			}
		case "status":
			m.Status, err = content.String(val)
			if err == nil && !contains(Statuses, m.Status) {
				fail(val, "status %q 不是可用的值；写 %s 之一", m.Status, strings.Join(Statuses, " / "))
			}
		case "amends":
			m.Amends, err = refs(val)
		case "amended_by":
			m.AmendedBy, err = refs(val)
		case "repeals":
			m.Repeals, err = refs(val)
		case "repealed_by":
			m.RepealedBy, err = refs(val)
		case "attachments":
			err = decodeList(val, &m.Attachments)
		case "interpretation":
			m.Interpretation, err = content.String(val)
		case "source":
			err = val.Decode(&m.Source)
		case "duty_lead":
			var s string
			s, err = content.String(val)
			if err == nil {
				switch s {
				case "first", "列第一位的为牵头单位":
					m.DutyLeadFirst = true
				case "", "none", "marked":
				default:
					fail(val, "duty_lead %q 不是可用的值；列第一位的为牵头单位时写 `first`", s)
				}
			}
		case "duties_file":
			m.DutiesFile, err = content.String(val)
			m.DutiesFileLine = p.Line(val.Line)
		}
		if err != nil {
			fail(val, "%s: %v", key, err)
		}
	}
	if m.Status == "已废止" && len(m.RepealedBy) == 0 {
		// Allowed: a document may be repealed without a successor, but say so on the page.
	}
	return m, errs
}

// Year is the year a reader files the document under: written, else published.
func (m *Meta) Year() int {
	switch {
	case !m.Written.IsZero():
		return m.Written.Year()
	case !m.Published.IsZero():
		return m.Published.Year()
	}
	return 0
}

// Superseded reports whether the document is no longer in force as written.
func (m *Meta) Superseded() bool { return m.Status == "已废止" || m.Status == "已修改" }

func refs(n *yaml.Node) ([]Ref, error) {
	var out []Ref
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.TrimSpace(n.Value) != "" {
			out = append(out, Ref{Raw: strings.TrimSpace(n.Value), Line: n.Line})
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("每一项应为文号或内容路径，如 policies/a")
			}
			out = append(out, Ref{Raw: strings.TrimSpace(c.Value), Line: c.Line})
		}
	default:
		return nil, fmt.Errorf("应为文号、内容路径或它们的列表")
	}
	return out, nil
}

func decodeList[T any](n *yaml.Node, out *[]T) error {
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("应为列表")
	}
	for _, c := range n.Content {
		var v T
		if c.Kind == yaml.ScalarNode {
			// A bare string is the title.
			if a, ok := any(&v).(*Attachment); ok {
				a.Title = c.Value
				*out = append(*out, v)
				continue
			}
		}
		if err := c.Decode(&v); err != nil {
			return fmt.Errorf("列表中的一项：%v", err)
		}
		*out = append(*out, v)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
