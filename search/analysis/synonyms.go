package analysis

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxAlternatives caps how many forms one term expands to, so a term that
// contains several abbreviations cannot multiply into hundreds of phrases.
const MaxAlternatives = 8

// ValidateSynonyms rejects groups that could never expand anything, naming
// the group so the site.yaml entry is easy to find.
func ValidateSynonyms(groups [][]string) error {
	for i, g := range groups {
		if len(g) < 2 {
			return fmt.Errorf("search: synonym group %d %v has fewer than two terms; list at least two equivalent terms", i+1, g)
		}
		for _, m := range g {
			if !HasSearchable(Canonical(m)) {
				return fmt.Errorf("search: synonym group %d %v has a term %q without searchable characters; remove it", i+1, g, m)
			}
			if utf8.RuneCountInString(m) > 64 {
				return fmt.Errorf("search: synonym %q in group %d is longer than 64 characters; synonyms are for abbreviations", m, i+1)
			}
		}
	}
	return nil
}

// ExpandSynonyms returns term (canonical form) first, then every form made by
// replacing a synonym it contains with another member of the same group:
// 村委会主任 also gives 村民委员会主任. The groups are applied in order, each
// to the term and to every form the groups before it produced.
//
// groups are indexed on first use and the index kept for the same groups
// (a site may carry thousands and a query expands each of its terms); a
// caller must not change a group's members in place once it has used it.
func ExpandSynonyms(term string, groups [][]string) []string {
	if len(groups) == 0 {
		return []string{term}
	}
	ix := synonymIndexOf(groups)
	alts := []string{term}
	seen := map[string]bool{term: true}
	// next holds the groups still to apply that some form may hold a member
	// of, smallest first; a group no form holds a member of changes nothing.
	var next groupQueue
	next.push(ix.candidates(term, -1))
	for len(next) > 0 && len(alts) < MaxAlternatives {
		g := next.pop()
		members := ix.members[g]
		for i := 0; i < len(alts) && len(alts) < MaxAlternatives; i++ {
			alt := alts[i]
			for _, m := range members {
				if !strings.Contains(alt, m) {
					continue
				}
				for _, other := range members {
					if other == m {
						continue
					}
					form := strings.ReplaceAll(alt, m, other)
					if !seen[form] && len(alts) < MaxAlternatives {
						seen[form] = true
						alts = append(alts, form)
						next.push(ix.candidates(form, int(g)))
					}
				}
			}
		}
	}
	return alts
}

// synonymIndex finds the groups that may hold a substring of a form without
// looking at every group.
type synonymIndex struct {
	members [][]string         // per group, its canonical non-empty members
	starts  map[string][]int32 // a member's first two runes (or its one rune) → groups, ascending
}

func newSynonymIndex(groups [][]string) *synonymIndex {
	ix := &synonymIndex{members: make([][]string, len(groups)), starts: map[string][]int32{}}
	for g, group := range groups {
		for _, m := range group {
			c := Canonical(m)
			if c == "" {
				continue
			}
			ix.members[g] = append(ix.members[g], c)
			_, n1 := utf8.DecodeRuneInString(c)
			_, n2 := utf8.DecodeRuneInString(c[n1:])
			key := c[:n1+n2]
			if list := ix.starts[key]; len(list) == 0 || list[len(list)-1] != int32(g) {
				ix.starts[key] = append(list, int32(g))
			}
		}
	}
	return ix
}

// candidates lists the groups after group `after` with a member that may
// start somewhere in form.
func (ix *synonymIndex) candidates(form string, after int) []int32 {
	var out []int32
	for i := 0; i < len(form); {
		_, n1 := utf8.DecodeRuneInString(form[i:])
		_, n2 := utf8.DecodeRuneInString(form[i+n1:])
		for _, key := range [2]string{form[i : i+n1], form[i : i+n1+n2]} {
			for _, g := range ix.starts[key] {
				if int(g) > after {
					out = append(out, g)
				}
			}
			if n2 == 0 {
				break // at the end the two keys are the same
			}
		}
		i += n1
	}
	return out
}

// groupQueue is a set of group numbers taken smallest first.
type groupQueue []int32

func (q *groupQueue) push(gs []int32) {
	for _, g := range gs {
		if k, found := slices.BinarySearch(*q, g); !found {
			*q = slices.Insert(*q, k, g)
		}
	}
}

func (q *groupQueue) pop() int32 {
	g := (*q)[0]
	*q = (*q)[1:]
	return g
}

// synonymIndexes keeps the index of each groups slice in use: in a server
// that is one slice (the index's), so lookups nearly always hit.
var synonymIndexes struct {
	sync.Mutex
	entries []synonymIndexEntry // most recent last
}

type synonymIndexEntry struct {
	groups [][]string // a copy of the slice's groups (not their members) when indexed
	ix     *synonymIndex
}

const synonymIndexesKept = 1024

// same reports whether groups still holds the groups e was indexed from.
// Comparing where each group's members are stored costs a pointer per group
// and tells a slice that was appended to again from the same array apart.
func (e synonymIndexEntry) same(groups [][]string) bool {
	if len(e.groups) != len(groups) {
		return false
	}
	for i, g := range groups {
		h := e.groups[i]
		if len(h) != len(g) || len(g) > 0 && &h[0] != &g[0] {
			return false
		}
	}
	return true
}

func synonymIndexOf(groups [][]string) *synonymIndex {
	c := &synonymIndexes
	c.Lock()
	for i := len(c.entries) - 1; i >= 0; i-- {
		if e := c.entries[i]; e.same(groups) {
			c.Unlock()
			return e.ix
		}
	}
	c.Unlock()
	ix := newSynonymIndex(groups)
	c.Lock()
	if len(c.entries) == synonymIndexesKept {
		c.entries = slices.Delete(c.entries, 0, 1)
	}
	c.entries = append(c.entries, synonymIndexEntry{slices.Clone(groups), ix})
	c.Unlock()
	return ix
}

// DefaultSynonyms returns the built-in abbreviation groups, used with those
// of site.yaml and those the site's texts define (以下简称): a new slice on
// every call, so a caller may append to it.
func DefaultSynonyms() [][]string {
	out := make([][]string, len(builtinSynonyms))
	for i, g := range builtinSynonyms {
		out[i] = slices.Clone(g)
	}
	return out
}

// builtinSynonyms are short names in common use whose long form occurs in
// the laws corpus (../shared/corpora/laws), each checked there.
//
// A query term that CONTAINS a form also matches the term with that form
// replaced (村委会主任 → 村民委员会主任), and the other way round, so a
// short form that is also a common substring of other words would make the
// long form find them: 国企 is left out (外国企业, 中华人民共和国企业破产法),
// as are 民企 (居民企业), 国办 (外国办理), 中办 (集中办理), 高院 (提高院前),
// 作协 (工作协同), 质检 (水质检测), 人社 (个人社会保险), 发改 (开发改造),
// 住建 (居住建筑), 国资 (外国资本), 市监 (市监察委员会). A short form inside
// its long one (选举法, 民警) needs no group: the substring already matches.
//
// Order matters where forms overlap: the more specific group comes first, as
// each group is applied to the forms the groups before it produced.
var builtinSynonyms = [][]string{
	// 村（居）务 and social assistance: the seed documents' own.
	{"居委会", "居民委员会"},
	{"村委会", "村民委员会"},
	{"村务公开", "村（居）务公开", "居务公开"},
	{"低保", "最低生活保障"},

	// Laws, by the short names lawyers, journalists and the press use.
	{"网安法", "网络安全法"},
	{"数安法", "数据安全法"},
	{"个保法", "个人信息保护法"},
	{"个税法", "个人所得税法"},
	{"个税", "个人所得税"},
	{"民诉法", "民事诉讼法"},
	{"刑诉法", "刑事诉讼法"},
	{"行诉法", "行政诉讼法"},
	{"国赔法", "国家赔偿法"},
	{"消法", "消保法", "消费者权益保护法"},
	{"食安法", "食品安全法"},
	{"环保法", "环境保护法"},
	{"环评法", "环境影响评价法"},
	{"固废法", "固体废物污染环境防治法"},
	{"野保法", "野生动物保护法"},
	{"非遗法", "非物质文化遗产法"},
	{"治安处罚法", "治安法", "治安管理处罚法"},
	{"道交法", "道路交通安全法"},
	{"出入境管理法", "出境入境管理法"},
	{"民航法", "民用航空法"},
	{"村组法", "村委会组织法", "村民委员会组织法"},
	{"居委会组织法", "城市居民委员会组织法"},
	{"地方组织法", "地方各级人民代表大会和地方各级人民政府组织法"},
	{"未保法", "未成年人保护法"},
	{"残保法", "残疾人保障法"},
	{"反家暴法", "反家庭暴力法"},
	{"反诈法", "反电信网络诈骗法"},
	{"反恐法", "反恐怖主义法"},
	{"国安法", "国家安全法"},
	{"保密法", "保守国家秘密法"},
	{"社保法", "社会保险法"},
	{"劳动仲裁法", "劳动争议调解仲裁法"},
	{"税收征管法", "征管法", "税收征收管理法"},
	{"招投标法", "招标投标法"},
	{"电商法", "电子商务法"},
	{"英烈法", "英雄烈士保护法"},
	{"香港基本法", "香港特别行政区基本法"},
	{"澳门基本法", "澳门特别行政区基本法"},

	// People's congresses and the CPPCC. 人大 alone is kept: nearly every
	// 人大 in the corpus is one (the exceptions: 债券持有人大会, 37 times).
	{"全国人大常委会", "全国人民代表大会常务委员会"},
	{"人大常委会", "人民代表大会常务委员会"},
	{"全国人大", "全国人民代表大会"},
	{"人大", "人民代表大会"},
	{"常委会", "常务委员会"},
	{"全国政协", "中国人民政治协商会议全国委员会"},
	{"政协", "政治协商会议"},
	{"中央军委", "中央军事委员会"},
	{"纪委", "纪律检查委员会"},
	{"监委", "监察委员会"},

	// Courts and procuratorates.
	{"最高法", "最高院", "最高人民法院"},
	{"最高检", "最高人民检察院"},
	{"中院", "中级人民法院"},

	// Government bodies.
	{"国资委", "国有资产监督管理委员会", "国有资产监督管理机构"},
	{"发改委", "发展改革委", "发展和改革委员会"},
	{"发改部门", "发展改革部门"},
	{"工信部", "工业和信息化部"},
	{"住建部", "住房和城乡建设部", "住房城乡建设部"},
	{"住建局", "住房城乡建设局", "住房和城乡建设局"},
	{"人社部", "人力资源和社会保障部", "人力资源社会保障部"},
	{"人社局", "人力资源社会保障局", "人力资源和社会保障局"},
	{"卫健委", "卫生健康委员会", "卫生健康委"},
	{"卫健", "卫生健康"},
	{"计生", "计划生育"},
	{"网信办", "网信部门", "互联网信息办公室"},
	{"市监局", "市场监督管理局"},
	{"市场监管", "市场监督管理"},
	{"工商局", "工商行政管理局"},
	{"药监局", "药品监督管理局"},
	{"医保部门", "医疗保障部门"},
	{"医保", "医疗保险"},
	{"疾控", "疾病预防控制"},
	{"环保局", "环境保护局"},
	{"环保部门", "环境保护部门"},
	{"文旅部", "文化和旅游部"},
	{"证监会", "证券监督管理委员会"},
	{"管委会", "管理委员会"},
	{"公积金中心", "住房公积金管理中心"},
	{"人防", "人民防空"},

	// Mass organisations and self-governing bodies.
	{"共青团", "中国共产主义青年团"},
	{"妇联", "妇女联合会"},
	{"残联", "残疾人联合会"},
	{"侨联", "归国华侨联合会"},
	{"工商联", "工商业联合会"},
	{"科协", "科学技术协会"},
	{"文联", "文学艺术界联合会"},
	{"职代会", "职工代表大会"},
	{"业委会", "业主委员会"},
	{"村监会", "村务监督委员会"},

	// Local governments.
	{"省政府", "省人民政府"},
	{"市政府", "市人民政府"},
	{"区政府", "区人民政府"},
	{"县政府", "县人民政府"},
	{"镇政府", "镇人民政府"},

	// Everyday words for what the texts name formally.
	{"社保卡", "社会保障卡"},
	{"社保", "社会保险"},
	{"新农合", "新型农村合作医疗"},
	{"失业金", "失业保险金"},
	{"残疾证", "残疾人证"},
	{"军属", "军人家属"},
	{"个体户", "个体工商户"},
	{"公租房", "公共租赁住房"},
	{"保障房", "保障性住房"},
	{"房产证", "房屋所有权证"},
	{"违建", "违法建筑", "违法建设"},
	{"高新区", "高新技术产业开发区"},
	{"经开区", "经济技术开发区"},
	{"自贸区", "自由贸易试验区"},
	{"自贸港", "自由贸易港"},
	{"非遗", "非物质文化遗产"},
	{"环评", "环境影响评价"},
	{"劳动仲裁", "劳动争议仲裁"},
	{"城管", "城市管理"},
	{"交警", "交通警察"},
	{"驾照", "驾驶证"},
	{"酒驾", "饮酒后驾驶", "酒后驾驶"},
	{"醉驾", "醉酒驾驶"},
	{"网约车", "网络预约出租汽车"},
	{"共享单车", "互联网租赁自行车"},
	{"电动车", "电动自行车"},
	{"出租车", "出租汽车"},
	{"公交", "公共交通"},
	{"高校", "高等学校"},
	{"控烟", "控制吸烟"},
	{"家暴", "家庭暴力"},
	{"反诈", "反电信网络诈骗"},
}
