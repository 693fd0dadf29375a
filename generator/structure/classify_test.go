package structure

import (
	"testing"
	"unicode/utf8"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		in    string
		kind  Kind
		n     int
		label string
		rest  string
	}{
		{"第一编 总则", Part, 1, "第一编", "总则"},
		{"第一章  规划背景", Chapter, 1, "第一章", "规划背景"},
		{"第五章法律责任", Chapter, 5, "第五章", "法律责任"},
		{"第二节 存在问题", Section, 2, "第二节", "存在问题"},
		{"第三条　居民委员会的任务：", Article, 3, "第三条", "居民委员会的任务："},
		{"第二十三条　本法自1990年1月1日起施行。", Article, 23, "第二十三条", "本法自1990年1月1日起施行。"},
		{"第一百零五条 内容", Article, 105, "第一百零五条", "内容"},
		{"第一千二百六十条 本法自2021年1月1日起施行。", Article, 1260, "第一千二百六十条", "本法自2021年1月1日起施行。"},
		{"第3条 阿拉伯数字", Article, 3, "第3条", "阿拉伯数字"},
		{"第十条", Article, 10, "第十条", ""},
		{"第一条【立法目的】为了…", Article, 1, "第一条", "【立法目的】为了…"},
		{"第一条为了加强城市居民委员会的建设", Article, 1, "第一条", "为了加强城市居民委员会的建设"},
		{"\u3000\u3000第四条 缩进", Article, 4, "第四条", "缩进"},
		{"一、总体要求", Item1, 1, "一、", "总体要求"},
		{"十一、其他", Item1, 11, "十一、", "其他"},
		{"一、三农工作", Item1, 1, "一、", "三农工作"},
		{"（一）指导思想", Item2, 1, "（一）", "指导思想"},
		{"(二)把村(社区)党组织建成坚强战斗堡垒。", Item2, 2, "(二)", "把村(社区)党组织建成坚强战斗堡垒。"},
		{"（十二）其他", Item2, 12, "（十二）", "其他"},
		{"1.坚持党的领导，固本强基。", Item3, 1, "1.", "坚持党的领导，固本强基。"},
		{"2．全角句点", Item3, 2, "2．", "全角句点"},
		{"３、全角数字", Item3, 3, "３、", "全角数字"},
		{"1.2021年，探索社区社会企业培育机制", Item3, 1, "1.", "2021年，探索社区社会企业培育机制"},
		{"（1）宣传宪法", Item4, 1, "（1）", "宣传宪法"},
		{"(12) 半角括号", Item4, 12, "(12)", "半角括号"},
		{"附件1", Annex, 1, "附件1", ""},
		{" 附件1：", Annex, 1, "附件1", ""},
		{"附件2\t", Annex, 2, "附件2", ""},
		{"附件", Annex, 0, "附件", ""},
		{"附件 城乡社区治理名词解释", Annex, 0, "附件", "城乡社区治理名词解释"},
		{"附件三：名词解释", Annex, 3, "附件三", "名词解释"},
		{"专栏：强化新型社区治理", Box, 0, "专栏", "强化新型社区治理"},
		{"专栏2 社区服务扩容增效工程", Box, 2, "专栏2", "社区服务扩容增效工程"},
		{"第十七条之一 已满七十五周岁的人故意犯罪的", Article, 17, "第十七条之一", "已满七十五周岁的人故意犯罪的"},
	}
	for _, tt := range tests {
		got, ok := Classify(tt.in)
		if !ok {
			t.Errorf("Classify(%q) = not numbered, want %v", tt.in, tt.kind)
			continue
		}
		if got.Kind != tt.kind || got.N != tt.n || got.Label != tt.label || got.Rest != tt.rest {
			t.Errorf("Classify(%q) = %+v, want kind %v n %d label %q rest %q", tt.in, got, tt.kind, tt.n, tt.label, tt.rest)
		}
	}
}

func TestClassifyRejects(t *testing.T) {
	for _, in := range []string{
		"",
		"   ",
		"2020年，组织志愿服务队伍362支",
		"1093人参加了投票",
		"3.5亿元用于社区建设",
		"18周岁以上的居民",
		"1、2号楼居民",
		"2020.12.31前完成",
		"一是加强领导",
		"一方面要加强",
		"一律不得收费",
		"一、二级医院",
		"一、二、三产业融合",
		"第七节相应改为第八节",
		"第三十一条的决定》第一次修正",
		"第三条规定的情形",
		"第一条件是居民同意",
		"第三条、第四条合并",
		"第二十三条第二款",
		"第一百五条", // colloquial numeral
		"第零条",
		"（）空括号",
		"(2020)年度",
		"（一年级）",
		"附件材料要齐全",
		"附件1：《中华人民共和国城市居民委员会组织法》",
		"附件：1.城乡社区治理名词解释",
		"附件1所列单位",
		"专栏文章很多",
		"专栏：这是一句话。还有一句",
		"十八周岁",
		"第",
		"第章",
		"（",
		"0.未编号",
		"1000.太大",
	} {
		if got, ok := Classify(in); ok {
			t.Errorf("Classify(%q) = %+v, want not numbered", in, got)
		}
	}
}

func TestChineseNumerals(t *testing.T) {
	for n := 1; n <= 9999; n++ {
		s := formatChinese(n)
		got, ok := parseChinese(s)
		if !ok || got != n {
			t.Fatalf("parseChinese(formatChinese(%d) = %q) = %d, %v", n, s, got, ok)
		}
	}
	for _, tt := range []struct {
		in string
		n  int
	}{{"十", 10}, {"二十三", 23}, {"一百零五", 105}, {"一百一十", 110}, {"一千零一", 1001}, {"两百", 200}} {
		if got, ok := parseChinese(tt.in); !ok || got != tt.n {
			t.Errorf("parseChinese(%q) = %d, %v; want %d", tt.in, got, ok, tt.n)
		}
	}
	for _, in := range []string{"", "零", "一一", "一百五", "十十", "一千零", "百", "二二十", "一零"} {
		if got, ok := parseChinese(in); ok {
			t.Errorf("parseChinese(%q) = %d, want rejected", in, got)
		}
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"第一章 总则", "第二十三条　本法", "一、总体要求", "（一）指导", "1.坚持", "（1）宣传",
		"附件1：", "专栏：强化", "2020年", "3.5亿元", "一、二级", "第十七条之一 ", "(二)", "附件三", "第一百零五条"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Classify(s)
		if !ok {
			return
		}
		if n.Kind < Part || n.Kind > Box {
			t.Fatalf("Classify(%q) kind %d out of range", s, n.Kind)
		}
		if n.Label == "" || !utf8.ValidString(n.Label) && utf8.ValidString(s) {
			t.Fatalf("Classify(%q) label %q", s, n.Label)
		}
		if n.N < 0 {
			t.Fatalf("Classify(%q) negative number %d", s, n.N)
		}
		// The label is a prefix of the trimmed input, so anchors and titles never invent text.
		if trimmed := trimLeading(s); len(trimmed) < len(n.Label) || trimmed[:len(n.Label)] != n.Label {
			t.Fatalf("Classify(%q) label %q is not a prefix", s, n.Label)
		}
		_ = shortTitle(n.Rest)
	})
}
