package abbrev

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Sentences from the laws corpus (../shared/corpora/laws), and the
// definitions they hold.
func TestFind(t *testing.T) {
	cases := []struct {
		text string
		want []Pair
	}{
		{"第一条 为了规范深圳市人民代表大会常务委员会（以下简称市人大常委会）",
			[]Pair{{"市人大常委会", "市人民代表大会常务委员会"}}},
		{"本条例所称科学技术普及（以下简称科普）", []Pair{{"科普", "科学技术普及"}}},
		{"第二条 本条例适用于本省行政区域内林木林地权属争议（以下简称林权争议）",
			[]Pair{{"林权争议", "林地权属争议"}}},
		{"第六条 本条例第五条规定的禁止燃放烟花爆竹的区域（以下简称禁放区域）",
			[]Pair{{"禁放区域", "禁止燃放烟花爆竹的区域"}}},
		{"第八条 省、市、县（市、区）、乡镇（街道）设立爱国卫生运动委员会（以下简称爱卫会）",
			[]Pair{{"爱卫会", "爱国卫生运动委员会"}}},
		{"市人民政府应当组织市住房建设行政主管部门（以下简称市住房建设主管部门）",
			[]Pair{{"市住房建设主管部门", "市住房建设行政主管部门"}}},
		// Quotes, half-width parentheses, 简称 and 下称 without 以下, 下同.
		{"改变或者撤销本级人民代表大会常务委员会（以下简称“人大常委会”）",
			[]Pair{{"人大常委会", "人民代表大会常务委员会"}}},
		{"第五条 市、区县（自治县）人民代表大会财政经济委员会（以下简称「人大财经委」）",
			[]Pair{{"人大财经委", "人民代表大会财政经济委员会"}}},
		{"中华人民共和国进出口商品检验局(以下简称 \"商检局\")", []Pair{{"商检局", "商品检验局"}}}, // the shortest tail: still inside the name as written
		{"本条例所称国民经济和社会发展计划（简称计划）", nil},                             // inside its long name
		{"沿海县级以上人民政府海洋行政主管部门（简称海洋主管部门，下同）",
			[]Pair{{"海洋主管部门", "海洋行政主管部门"}}},
		{"株洲工商银行（下称工商银行）与某金属材料公司（下称金属材料公司）", nil},
		{"设立国防科学技术工业委员会（以下称国防科工委）", []Pair{{"国防科工委", "国防科学技术工业委员会"}}},
		{"本条例所称出租汽车包括巡游出租汽车（以下简称巡游车）和网络预约出租汽车（以下简称网约车）",
			[]Pair{{"巡游车", "巡游出租汽车"}, {"网约车", "网络预约出租汽车"}}},
		// A 《title》 is the long name; a short name inside it needs no synonym.
		{"根据《中华人民共和国安全生产法》（以下简称《安全生产法》）", nil},
		{"根据《中华人民共和国公路法》(以下简称公路法)", nil},
		{"依照《中华人民共和国进出口商品检验法》（以下简称商检法）",
			[]Pair{{"商检法", "中华人民共和国进出口商品检验法"}}},
		{"知识城范围包括《中新广州知识城总体发展规划（2020-2035年）》（以下简称知识城总体发展规划）", nil},
		// Not in order, not in the long name, or not a name at all.
		{"第三条 本条例所称警务辅助人员（以下简称辅警）", nil},
		{"第六条 各级人民政府防汛防旱防风指挥部（以下简称“三防指挥部”）", nil},
		{"结合汕头经济特区（以下简称特区）", nil},
		{"第六条 本市国家机关和涉及国家秘密的单位（以下简称机关、单位）", nil},
		{"可以在决定载明的期限内申请自然资源主管部门或者乡镇人民政府组织拆除（以下简称申请拆除）", nil},
		{"依照本法对所有行使公权力的公职人员（以下称公职人员）", nil},
		{"本规定适用于本行政区域内的中华人民共和国境内（以下简称本行政区域）", nil},
		{"原告北京某科技有限公司（以下简称某公司）", nil},
		{"当事人（以下简称甲方当事人）", nil},
		{"（以下简称网安法）", nil},                // no long name
		{"网络安全法（以下简称网安法", nil},            // unclosed
		{"网络安全法（以下简称“网安法）", nil},          // unclosed quote
		{"网络安全法（以下简称网安法或者网安）", nil},       // two names
		{"某某号码12345678901（以下简称号码1）", nil}, // numbers stay out
		{"称（以下简称）称", nil},
	}
	for _, c := range cases {
		if got := Find(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Find(%q)\n = %q\nwant %q", c.text, got, c.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("第一条 为了规范深圳市人民代表大会常务委员会（以下简称市人大常委会）")
	f.Add("根据《中华人民共和国公路法》(以下简称“公路法”，下同)")
	f.Add("《（以下简称《》）")
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range Find(text) {
			ns, nl := utf8.RuneCountInString(p.Short), utf8.RuneCountInString(p.Long)
			if ns < 2 || nl <= ns || !inOrder(p.Short, p.Long) || strings.Contains(p.Long, p.Short) {
				t.Errorf("Find(%q) gave %q", text, p)
			}
			for _, r := range p.Short + p.Long {
				if !plain(r) {
					t.Errorf("Find(%q) gave %q with %q", text, p, r)
				}
			}
		}
	})
}
