package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestValidateSynonyms(t *testing.T) {
	bad := [][][]string{
		{{"居委会"}},
		{{"居委会", ""}},
		{{"居委会", "。"}},
		{{"居委会", strings.Repeat("长", 65)}},
	}
	for _, groups := range bad {
		if err := ValidateSynonyms(groups); err == nil {
			t.Errorf("validateSynonyms(%q) = nil, want error", groups)
		}
	}
	if err := ValidateSynonyms(DefaultSynonyms()); err != nil {
		t.Errorf("DefaultSynonyms invalid: %v", err)
	}
}

// expandNaive is ExpandSynonyms without the index: every group, in order,
// applied to every form. The indexed version must give the same forms in
// the same order, which the static client (search.js) computes this way.
func expandNaive(term string, groups [][]string) []string {
	alts := []string{term}
	seen := map[string]bool{term: true}
	for _, g := range groups {
		var members []string
		for _, m := range g {
			if c := Canonical(m); c != "" {
				members = append(members, c)
			}
		}
		for i := 0; i < len(alts) && len(alts) < MaxAlternatives; i++ {
			alt := alts[i]
			for _, m := range members {
				if !strings.Contains(alt, m) {
					continue
				}
				for _, other := range members {
					next := strings.ReplaceAll(alt, m, other)
					if other != m && !seen[next] && len(alts) < MaxAlternatives {
						seen[next] = true
						alts = append(alts, next)
					}
				}
			}
		}
	}
	return alts
}

func TestDefaultSynonymsExpand(t *testing.T) {
	syn := DefaultSynonyms()
	cases := []struct {
		term string
		want []string // among the alternatives
		not  []string // never an alternative
	}{
		{term: "网安法", want: []string{"网络安全法"}},
		{term: "个税法", want: []string{"个人所得税法"}},
		{term: "民诉法第一百二十二条", want: []string{"民事诉讼法第一百二十二条"}},
		{term: "消保法", want: []string{"消费者权益保护法", "消法"}},
		{term: "村组法", want: []string{"村民委员会组织法"}},
		{term: "村委会组织法", want: []string{"村民委员会组织法"}},
		{term: "居委会组织法", want: []string{"城市居民委员会组织法"}},
		{term: "全国人大常委会", want: []string{"全国人民代表大会常务委员会"}},
		{term: "县人大代表", want: []string{"县人民代表大会代表"}},
		{term: "市人大常委会", want: []string{"市人民代表大会常务委员会"}},
		{term: "最高法", want: []string{"最高人民法院"}},
		{term: "最高人民检察院", want: []string{"最高检"}},
		{term: "卫健委", want: []string{"卫生健康委员会", "卫生健康委"}},
		{term: "卫健部门", want: []string{"卫生健康部门"}},
		{term: "人社部门", want: []string{"人力资源社会保障部门"}},
		{term: "住建部门", want: []string{"住房城乡建设部门"}},
		{term: "市场监管局", want: []string{"市场监督管理局"}},
		{term: "市监局", want: []string{"市场监督管理局"}},
		{term: "发改委", want: []string{"发展改革委"}},
		{term: "网约车", want: []string{"网络预约出租汽车"}},
		// Left out on purpose: these words hold no short name.
		{term: "外国企业", not: []string{"外国有企业"}},
		{term: "居民企业", not: []string{"居民营企业"}},
		{term: "集中办理", not: []string{"集中共中央办公厅理"}},
		{term: "水质检测", not: []string{"水质量检验测"}},
		{term: "个人社会保险", want: []string{"个人社保"}, not: []string{"个人力资源社会保障会保险"}},
		{term: "开发改造", not: []string{"开发展改革造"}},
	}
	for _, c := range cases {
		alts := ExpandSynonyms(c.term, syn)
		for _, w := range c.want {
			if !slices.Contains(alts, w) {
				t.Errorf("ExpandSynonyms(%q) = %q, want %q among them", c.term, alts, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(alts, w) {
				t.Errorf("ExpandSynonyms(%q) = %q, want no %q", c.term, alts, w)
			}
		}
		if c.want == nil && len(alts) != 1 {
			t.Errorf("ExpandSynonyms(%q) = %q, want the term alone", c.term, alts)
		}
	}
}

// A form in two built-in groups would mean two things; a group whose forms
// are all the same is noise.
func TestDefaultSynonymsDistinct(t *testing.T) {
	where := map[string]int{}
	for i, g := range DefaultSynonyms() {
		for _, m := range g {
			c := Canonical(m)
			if j, dup := where[c]; dup {
				t.Errorf("%q is in built-in groups %d and %d", m, j+1, i+1)
			}
			where[c] = i
		}
	}
	if n := len(where); n < 200 {
		t.Errorf("built-in groups hold %d forms, want the dictionary (over 200)", n)
	}
}

// The index must not change what a term expands to, nor its order.
func TestExpandSynonymsIndexed(t *testing.T) {
	groups := append(DefaultSynonyms(),
		[]string{"Ａ", "a"}, // full-width member: indexed by its canonical form
		[]string{"人", "民"}, // one-character members
		[]string{"村民委员会", "村委", "村委会主任"}, // overlaps a built-in group, later in order
		[]string{"常委", "常务委员"},
		[]string{"法", "法律", "律法"}, // chains: a form made here holds members of later groups
		[]string{"律", "规则"},
	)
	terms := []string{"网安法", "全国人大常委会", "村委会主任", "Ａ村委会a", "人民代表大会常务委员会",
		"市人大常委会预算工委", "法", "律法", "人社部门人社局人大", "", "无关的词"}
	for _, term := range terms {
		if got, want := ExpandSynonyms(term, groups), expandNaive(term, groups); !slices.Equal(got, want) {
			t.Errorf("ExpandSynonyms(%q) = %q, want %q", term, got, want)
		}
	}
}

func FuzzExpandSynonyms(f *testing.F) {
	f.Add("全国人大常委会", "人大|人民代表大会;常委会|常务委员会;全国人大|全国人民代表大会")
	f.Add("法律法", "法|法律|律法;律|规则")
	f.Fuzz(func(t *testing.T, term, spec string) {
		var groups [][]string
		for _, g := range strings.Split(spec, ";") {
			if ms := strings.Split(g, "|"); len(ms) > 1 {
				groups = append(groups, ms)
			}
		}
		if len(groups) > 20 || len(term) > 64 {
			return
		}
		term = Canonical(term)
		if got, want := ExpandSynonyms(term, groups), expandNaive(term, groups); !slices.Equal(got, want) {
			t.Errorf("ExpandSynonyms(%q, %q) = %q, want %q", term, groups, got, want)
		}
	})
}

func BenchmarkExpandSynonyms(b *testing.B) {
	groups := DefaultSynonyms()
	for i := 0; len(groups) < 2000; i++ { // as many groups as a large site's texts define
		groups = append(groups, []string{fmt.Sprintf("市测%d委", i), fmt.Sprintf("市测试%d管理委员会", i)})
	}
	terms := []string{"网络安全法", "个人信息", "全国人大常委会", "市场监管局", "村民委员会组织法第十一条", "政府信息公开"}
	for _, n := range []int{len(DefaultSynonyms()), 2000} {
		syn := groups[:n]
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				for _, term := range terms {
					ExpandSynonyms(term, syn)
				}
			}
		})
	}
}

// The index kept for a slice is not used for another slice that reuses its
// array.
func TestExpandSynonymsReusedArray(t *testing.T) {
	base := make([][]string, 1, 4)
	base[0] = []string{"甲乙", "丙丁"}
	a := append(base, []string{"网安法", "网络安全法"})
	if got := ExpandSynonyms("网安法", a); !slices.Contains(got, "网络安全法") {
		t.Fatalf("ExpandSynonyms = %q", got)
	}
	b := append(base, []string{"网安法", "网信安全法"}) // overwrites a[1]
	if got := ExpandSynonyms("网安法", b); !slices.Contains(got, "网信安全法") {
		t.Errorf("ExpandSynonyms after the array was reused = %q, want 网信安全法", got)
	}
}
