package consult

import (
	"time"

	"go.yaml.in/yaml/v3"
)

// Consultation is the front matter of a consultation page (type: consultation).
type Consultation struct {
	Subject, Concerns, Organizer string
	Supervisors, Channels        []string
	Phases                       []Phase
	Electorate                   Electorate
	Rule                         Rule
	Tallies                      *Tallies // nil until the opinions are counted
	Comments                     []Comment
	Outcome                      string // 通过 | 未通过 | "" while undecided
	Attachments                  []Attachment
	Sample                       bool // figures not in the sources: shown as 示例

	lines lines // where the checked values were written, for Check's problems
}

// Phase is one step of the procedure; End is zero for a one-day phase.
type Phase struct {
	Name       string
	Start, End time.Time
}

// Electorate is who may give an opinion, e.g. 户籍人口 1093, less under-18s.
type Electorate struct {
	Basis      string
	Count      int
	Exclusions string
}

// Rule says when the proposal passes: agree > Threshold × base (Strict) or ≥.
// Of is OfElectorate or OfVotes.
type Rule struct {
	Threshold float64
	Of        string
	Strict    bool
}

// Bases a Rule's threshold can apply to.
const (
	OfElectorate = "electorate" // electorate.count
	OfVotes      = "votes"      // valid votes: agree + disagree + abstain
)

// Tallies are the counted opinions. Complete is true when all five were written,
// so that their sum must equal the electorate.
type Tallies struct {
	Agree, Disagree, Abstain, Invalid, NoResponse int
	Complete                                      bool
}

// Sum is everyone counted in the tallies.
func (t Tallies) Sum() int { return t.Agree + t.Disagree + t.Abstain + t.Invalid + t.NoResponse }

// Valid is the valid votes cast: 弃权 is a valid ballot, 无效 and 未表态 are not.
func (t Tallies) Valid() int { return t.Agree + t.Disagree + t.Abstain }

// Comment is one opinion received and how it was answered.
type Comment struct {
	Opinion, Response, Reason string
}

// Outcomes and comment responses as written in front matter.
const (
	Passed    = "通过"
	NotPassed = "未通过"

	Adopted          = "采纳"
	PartlyAdopted    = "部分采纳"
	NotAdopted       = "不予采纳"
	defaultBasisName = "表决人数"
)

// Attachment links a document the consultation relies on.
type Attachment struct {
	Title, URL string
	FileInfo   string // the published file's type and size, （PDF，283 KB）, filled by the build
}

type lines struct {
	electorate, rule, tallies, outcome int
}

// Decode reads a consultation from the page's front matter mapping. Keys that
// belong to the page itself (title, date, …) are ignored; inside the nested
// mappings every key must be known. It never panics, and returns what it could
// read together with every problem found.
func Decode(node *yaml.Node) (*Consultation, []Problem) {
	r := &Reader{}
	c := &Consultation{Rule: Rule{Of: OfElectorate, Strict: true}}
	top, ok := r.Mapping(node, "front matter")
	if !ok {
		if node == nil {
			r.Addf(0, "front matter 为空：意见征求页需要 organizer、phases 等字段")
		}
		return c, r.Problems
	}
	c.Subject = r.String(top.Get("subject"), "subject")
	c.Concerns = r.String(top.Get("concerns"), "concerns")
	c.Organizer = r.String(top.Get("organizer"), "organizer")
	if c.Organizer == "" {
		r.Addf(top.Line, "缺少 organizer：写明组织征求意见的单位，如 organizer: 长胜社区居民委员会")
	}
	c.Supervisors = r.Strings(top.Get("supervisors"), "supervisors")
	c.Channels = r.Strings(top.Get("channels"), "channels")
	c.Phases = decodePhases(r, top)
	c.decodeElectorate(r, top.Get("electorate"))
	c.decodeRule(r, top.Get("rule"))
	c.decodeTallies(r, top.Get("tallies"))
	c.Comments = decodeComments(r, top.Get("comments"))
	c.decodeOutcome(r, top.Get("outcome"))
	c.Attachments = decodeAttachments(r, top.Get("attachments"))
	c.Sample = r.Bool(top.Get("sample"), "sample")
	return c, r.Problems
}

func (c *Consultation) decodeElectorate(r *Reader, node *yaml.Node) {
	m, ok := r.Mapping(node, "electorate")
	if !ok {
		return
	}
	r.OnlyKeys(m, "electorate", "basis", "count", "exclusions")
	c.lines.electorate = m.Line
	c.Electorate.Basis = r.String(m.Get("basis"), "electorate.basis")
	c.Electorate.Count, _ = r.Int(m.Get("count"), "electorate.count")
	c.Electorate.Exclusions = r.String(m.Get("exclusions"), "electorate.exclusions")
}

func (c *Consultation) decodeRule(r *Reader, node *yaml.Node) {
	m, ok := r.Mapping(node, "rule")
	if !ok {
		return
	}
	r.OnlyKeys(m, "rule", "threshold", "of", "strict")
	c.lines.rule = m.Line
	if t, ok := r.Float(m.Get("threshold"), "rule.threshold"); ok {
		switch {
		case t > 1 && t <= 100:
			r.Addf(m.Get("threshold").Line, "rule.threshold 写成比例：%s%% 应写 %s", formatNumber(t), formatNumber(t/100))
		case t <= 0 || t > 1:
			r.Addf(m.Get("threshold").Line, "rule.threshold 应在 0 到 1 之间（0.5 表示 50%%），写的是 %s", formatNumber(t))
		default:
			c.Rule.Threshold = t
		}
	} else if m.Get("threshold") == nil {
		r.Addf(m.Line, "rule 缺少 threshold：如 threshold: 0.5 表示 50%%")
	}
	if of := m.Get("of"); of != nil {
		switch s := r.String(of, "rule.of"); s {
		case OfElectorate, OfVotes:
			c.Rule.Of = s
		case "":
		default:
			r.Addf(of.Line, "rule.of 应为 electorate（按 electorate.count）或 votes（按有效票），写的是 %q", s)
		}
	}
	if s := m.Get("strict"); s != nil {
		c.Rule.Strict = r.Bool(s, "rule.strict")
	}
}

// tallyKeys in the order they are shown.
var tallyKeys = []string{"agree", "disagree", "abstain", "invalid", "no_response"}

func (c *Consultation) decodeTallies(r *Reader, node *yaml.Node) {
	m, ok := r.Mapping(node, "tallies")
	if !ok {
		return
	}
	r.OnlyKeys(m, "tallies", tallyKeys...)
	c.lines.tallies = m.Line
	t := &Tallies{}
	fields := []*int{&t.Agree, &t.Disagree, &t.Abstain, &t.Invalid, &t.NoResponse}
	given := 0
	for i, key := range tallyKeys {
		if v, ok := r.Int(m.Get(key), "tallies."+key); ok {
			*fields[i] = v
			given++
		}
	}
	t.Complete = given == len(tallyKeys)
	if m.Get("agree") == nil {
		r.Addf(m.Line, "tallies 缺少 agree：写明同意人数")
	}
	c.Tallies = t
}

func (c *Consultation) decodeOutcome(r *Reader, node *yaml.Node) {
	if node == nil {
		return
	}
	c.lines.outcome = node.Line
	switch s := r.String(node, "outcome"); s {
	case Passed, NotPassed, "":
		c.Outcome = s
	default:
		r.Addf(node.Line, "outcome 应为 %s 或 %s（未决定时不写），写的是 %q", Passed, NotPassed, s)
	}
}

func decodeComments(r *Reader, node *yaml.Node) []Comment {
	var out []Comment
	for _, rec := range r.Records(node, "comments", "opinion", "response", "reason") {
		name, m := rec.Name, rec.Mapping
		cm := Comment{
			Opinion:  r.String(m.Get("opinion"), name+".opinion"),
			Response: r.String(m.Get("response"), name+".response"),
			Reason:   r.String(m.Get("reason"), name+".reason"),
		}
		if cm.Opinion == "" {
			r.Addf(m.Line, "%s 缺少 opinion：写明收到的意见", name)
		}
		switch cm.Response {
		case Adopted:
		case PartlyAdopted, NotAdopted:
			if cm.Reason == "" {
				r.Addf(m.Line, "%s 的答复是 %s，需要写 reason 说明理由", name, cm.Response)
			}
		case "":
			r.Addf(m.Line, "%s 缺少 response：%s、%s 或 %s", name, Adopted, PartlyAdopted, NotAdopted)
		default:
			r.Addf(m.Get("response").Line, "%s.response 应为 %s、%s 或 %s，写的是 %q", name, Adopted, PartlyAdopted, NotAdopted, cm.Response)
		}
		out = append(out, cm)
	}
	return out
}

func decodeAttachments(r *Reader, node *yaml.Node) []Attachment {
	var out []Attachment
	for _, rec := range r.Records(node, "attachments", "title", "url") {
		name, m := rec.Name, rec.Mapping
		a := Attachment{Title: r.String(m.Get("title"), name+".title"), URL: r.String(m.Get("url"), name+".url")}
		if a.Title == "" {
			r.Addf(m.Line, "%s 缺少 title", name)
		}
		out = append(out, a)
	}
	return out
}
