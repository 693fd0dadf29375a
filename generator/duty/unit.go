package duty

import (
	"strings"
	"unicode"
)

// Unit is one entry of a responsible-unit list: a department, or a clause such as "各有关部门参与"
// that names no single department and is kept as written.
type Unit struct {
	Name   string // department name without spaces or role verb; a clause exactly as written minus spaces
	Lead   bool   // 牵头单位
	Clause bool   // not a department: "各有关部门参与", "各县（市、区）政府"
}

// SplitUnits splits a responsible-unit list such as "市教育局牵头，市民政局、市科协参加" into units.
//
// Separators: ，,；; 。 and line breaks end a group, 、 separates names inside a group; nothing
// inside brackets separates, so "各县（市、区）政府" stays whole.
//
// Spaces are removed from names ("市 民政局" → "市民政局"). A space separates two names only when
// the text before it ends like a unit (局, 委, 办, 部, … or a role verb such as 牵头) and the text
// after it starts like one (市, 县, 区, 省, 团, 中共, 国家, 各, 相关, …): "市民政局 市财政局" is two
// units, "市委 组织部" and "国家税务总局 昆明市税务局" are one each. When unsure we join, because a
// split name invents two departments while a joined one is merely unresolved.
//
// Roles: "X牵头", "X（牵头）" and a "牵头单位：" prefix mark leads; "X配合/参与/参加/协助" and a
// "配合单位：" prefix mark participants, the verb being dropped from the name. A verb after the
// last name of a 、-group covers the whole group ("市民政局、市质监局牵头" names two leads; a
// bracketed "（牵头）" marks only its own name). When any
// unit is marked 牵头 those marks decide; otherwise, with leadFirst (the document says
// "列第一位的为牵头单位"), the first listed unit leads unless it is marked as a participant.
//
// Clauses ("各有关部门参与", "相关部门配合", "各县市区实施", "各县（市、区）政府") are kept as written
// with Clause set. Duplicates are merged, keeping the first position.
func SplitUnits(s string, leadFirst bool) []Unit {
	var drafts []draft
	for _, group := range splitTopLevel(cleanCell(s), isGroupSep) {
		drafts = append(drafts, splitGroup(group)...)
	}
	return assignLeads(mergeDuplicates(drafts), leadFirst)
}

type role int

const (
	roleNone role = iota
	roleLead
	roleHelp
)

type draft struct {
	name     string
	role     role
	clause   bool
	bareVerb bool // the role came from a plain verb ("X牵头"), not a bracketed one ("X（牵头）")
}

func isGroupSep(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '。', '\n', '\r':
		return true
	}
	return false
}

func isItemSep(r rune) bool { return r == '、' || r == '､' }

func splitGroup(group string) []draft {
	group, groupRole := cutRolePrefix(trimPunct(group))
	var ds []draft
	for _, item := range splitTopLevel(group, isItemSep) {
		for _, piece := range splitAtSpaces(item) {
			if d, ok := parseItem(piece); ok {
				ds = append(ds, d)
			}
		}
	}
	if n := len(ds); n > 0 && groupRole == roleNone && !ds[n-1].clause && ds[n-1].bareVerb {
		groupRole = ds[n-1].role
	}
	for i := range ds {
		if ds[i].role == roleNone {
			ds[i].role = groupRole
		}
	}
	return ds
}

func parseItem(s string) (draft, bool) {
	s = trimPunct(s)
	name, r := cutRoleSuffix(s)
	bare := r != roleNone && !strings.ContainsAny(s[len(name):], ")）】")
	name = trimPunct(strings.TrimRight(strings.TrimPrefix(name, "由"), "(（[【"))
	if name == "" {
		return draft{}, false
	}
	if isClause(name) {
		return draft{name: s, role: r, clause: true, bareVerb: bare}, true
	}
	return draft{name: name, role: r, bareVerb: bare}, true
}

var rolePrefixes = []struct {
	word string
	role role
}{
	{"牵头单位", roleLead}, {"牵头部门", roleLead},
	{"配合单位", roleHelp}, {"配合部门", roleHelp}, {"参与单位", roleHelp}, {"参与部门", roleHelp},
	{"协办单位", roleHelp}, {"协助单位", roleHelp},
	{"责任单位", roleNone}, {"责任部门", roleNone}, {"主责单位", roleNone}, {"责任主体", roleNone},
	{"负责单位", roleNone}, {"实施单位", roleNone},
}

// cutRolePrefix removes a "牵头单位：" style label and returns the role it gives the group.
func cutRolePrefix(s string) (string, role) {
	for _, p := range rolePrefixes {
		if !strings.HasPrefix(s, p.word) {
			continue
		}
		rest := strings.TrimLeftFunc(s[len(p.word):], unicode.IsSpace)
		for _, colon := range []string{"：", ":"} {
			if strings.HasPrefix(rest, colon) {
				return trimPunct(rest[len(colon):]), p.role
			}
		}
	}
	return s, roleNone
}

var roleSuffixes = []struct {
	word string
	role role
}{
	{"（牵头）", roleLead}, {"(牵头)", roleLead}, {"【牵头】", roleLead}, {"牵头负责", roleLead}, {"牵头", roleLead},
	{"（配合）", roleHelp}, {"(配合)", roleHelp}, {"（参与）", roleHelp}, {"(参与)", roleHelp},
	{"配合", roleHelp}, {"参与", roleHelp}, {"参加", roleHelp}, {"协助", roleHelp}, {"协办", roleHelp},
	{"负责", roleNone},
}

// cutRoleSuffix removes a trailing role verb ("牵头", "配合", …) and says which role it gave.
func cutRoleSuffix(s string) (string, role) {
	for _, sfx := range roleSuffixes {
		if strings.HasSuffix(s, sfx.word) {
			return strings.TrimRightFunc(s[:len(s)-len(sfx.word)], unicode.IsSpace), sfx.role
		}
	}
	return s, roleNone
}

func hasRoleSuffix(s string) bool {
	for _, sfx := range roleSuffixes {
		if strings.HasSuffix(s, sfx.word) {
			return true
		}
	}
	return false
}

var (
	clausePrefixes = []string{"各", "相关", "有关", "其他", "其它", "其余", "所有", "全体"}
	clauseInfixes  = []string{"有关部门", "相关部门", "有关单位", "相关单位", "成员单位",
		"县（市、区）", "县(市、区)", "县（市）区", "县(市)区", "县市区"}
	clauseSuffixes = []string{"等部门", "等单位"}
)

// isClause reports whether a name stands for a set of bodies rather than one department.
func isClause(name string) bool {
	for _, p := range clausePrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	for _, p := range clauseInfixes {
		if strings.Contains(name, p) {
			return true
		}
	}
	for _, p := range clauseSuffixes {
		if strings.HasSuffix(name, p) {
			return true
		}
	}
	return false
}

// splitAtSpaces applies the space rule documented on SplitUnits to one 、-separated item.
func splitAtSpaces(item string) []string {
	pieces := strings.FieldsFunc(item, unicode.IsSpace)
	if len(pieces) == 0 {
		return nil
	}
	var out []string
	var cur strings.Builder
	cur.WriteString(pieces[0])
	last := pieces[0] // the piece cur ends with: the space rule looks at one piece on each side
	for _, p := range pieces[1:] {
		if endsLikeUnit(last) && startsLikeUnit(p) {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteString(p)
		last = p
	}
	return append(out, cur.String())
}

const unitEndings = "局委办部厅院会行社所站队处室心组府协联团司科股庭署馆"

var unitBeginnings = []string{"市", "县", "区", "省", "州", "盟", "镇", "乡", "村", "街道", "团", "共青团",
	"中共", "中国", "国家", "各", "相关", "有关", "其他", "其它"}

func endsLikeUnit(s string) bool {
	if hasRoleSuffix(s) {
		return true
	}
	for _, r := range unitEndings {
		if strings.HasSuffix(s, string(r)) {
			return true
		}
	}
	return false
}

func startsLikeUnit(s string) bool {
	for _, p := range unitBeginnings {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func trimPunct(s string) string {
	return strings.Trim(s, " \t\r\n\u3000。．.：:、､，,；;")
}

func mergeDuplicates(ds []draft) []draft {
	seen := make(map[string]int, len(ds))
	out := ds[:0]
	for _, d := range ds {
		k := nameKey(d.name)
		if i, ok := seen[k]; ok {
			if d.role == roleLead {
				out[i].role = roleLead
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, d)
	}
	return out
}

func assignLeads(ds []draft, leadFirst bool) []Unit {
	explicit := false
	for _, d := range ds {
		explicit = explicit || d.role == roleLead
	}
	units := make([]Unit, 0, len(ds))
	for i, d := range ds {
		u := Unit{Name: d.name, Clause: d.clause}
		if explicit {
			u.Lead = d.role == roleLead
		} else {
			u.Lead = leadFirst && i == 0 && d.role != roleHelp
		}
		units = append(units, u)
	}
	return units
}
