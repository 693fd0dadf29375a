package query

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/internal/cnnum"
	"github.com/gongkai/gongkai/search/analysis"
)

func TestArticles(t *testing.T) {
	type A = Article
	tests := []struct {
		in       string
		want     string // Query.String()
		groups   []string
		articles []Article
	}{
		{in: "第十三条", articles: []A{{"第十三条", "第十三条"}}},
		{in: "第13条", articles: []A{{"第13条", "第十三条"}}},
		{in: "13条", articles: []A{{"13条", "第十三条"}}},
		{in: "第一百零三条", articles: []A{{"第一百零三条", "第一百零三条"}}},
		{in: "第103条", articles: []A{{"第103条", "第一百零三条"}}},
		{in: "第１０３条", want: "第103条", articles: []A{{"第103条", "第一百零三条"}}},
		{in: "１３条", want: "13条", articles: []A{{"13条", "第十三条"}}},
		{in: "第两百条", articles: []A{{"第两百条", "第二百条"}}},
		{in: "第110条", articles: []A{{"第110条", "第一百一十条"}}},
		{in: "第一十三条", articles: []A{{"第一十三条", "第十三条"}}},
		{in: "村民委员会组织法 第十一条", groups: []string{"村民委员会组织法"}, articles: []A{{"第十一条", "第十一条"}}},
		{in: "城市居民委员会组织法第3条", want: "城市居民委员会组织法 第3条", groups: []string{"城市居民委员会组织法"}, articles: []A{{"第3条", "第三条"}}},
		{in: "公益事业捐赠法 第24条 企业", groups: []string{"公益事业捐赠法", "企业"}, articles: []A{{"第24条", "第二十四条"}}},
		{in: "组织法第3条规定", want: "组织法 第3条 规定", groups: []string{"组织法", "规定"}, articles: []A{{"第3条", "第三条"}}},
		{in: "第三条，", want: "第三条", articles: []A{{"第三条", "第三条"}}},
		// Traditional characters.
		{in: "村民委員會組織法第十一條", want: "村民委員會組織法 第十一條", groups: []string{"村民委員會組織法"}, articles: []A{{"第十一條", "第十一条"}}},
		{in: "第三條第二款第二項", articles: []A{{"第三條第二款第二項", "第三条-（二）"}}},
		{in: "第兩百條", articles: []A{{"第兩百條", "第二百条"}}},
		{in: "第一章第二節", articles: []A{{"第一章第二節", "第一章-第二节"}}},
		{in: "第二編", articles: []A{{"第二編", "第二编"}}},
		// Units inside an article, chapters and sections, annexes.
		{in: "第十三条第二款", articles: []A{{"第十三条第二款", "第十三条"}}},
		{in: "第3条第1项", articles: []A{{"第3条第1项", "第三条-（一）"}}},
		{in: "第三条第二款第(一)项", articles: []A{{"第三条第二款第(一)项", "第三条-（一）"}}},
		{in: "第三条第（一）项", want: "第三条第(一)项", articles: []A{{"第三条第(一)项", "第三条-（一）"}}},
		{in: "第十条之一", articles: []A{{"第十条之一", "第十条之一"}}},
		{in: "第十条之一第二款", articles: []A{{"第十条之一第二款", "第十条之一"}}},
		{in: "第二章", articles: []A{{"第二章", "第二章"}}},
		{in: "第一章第二节", articles: []A{{"第一章第二节", "第一章-第二节"}}},
		{in: "第一编第二章第三节", articles: []A{{"第一编第二章第三节", "第一编-第二章-第三节"}}},
		{in: "第二章第十条", articles: []A{{"第二章第十条", "第十条"}}},
		{in: "第二编", articles: []A{{"第二编", "第二编"}}},
		{in: "附件1", articles: []A{{"附件1", "附件1"}}},
		{in: "附件三", articles: []A{{"附件三", "附件3"}}},
		{in: "附件1第三条", articles: []A{{"附件1第三条", "附件1-第三条"}}},
		{in: "附件二第3条第2项", articles: []A{{"附件二第3条第2项", "附件2-第三条-（二）"}}},
		{in: "通知附件2", want: "通知 附件2", groups: []string{"通知"}, articles: []A{{"附件2", "附件2"}}},
		{in: "附件1所列单位", want: "附件1 所列单位", groups: []string{"所列单位"}, articles: []A{{"附件1", "附件1"}}},
		// Two references, repeats.
		{in: "第三条第四条", want: "第三条 第四条", articles: []A{{"第三条", "第三条"}, {"第四条", "第四条"}}},
		{in: "第三条 第3条", want: "第三条", articles: []A{{"第三条", "第三条"}}},
		{in: "第3条、第4条", want: "第3条 第4条", articles: []A{{"第3条", "第三条"}, {"第4条", "第四条"}}},
		{in: "第 三 条", want: "第三条", articles: []A{{"第三条", "第三条"}}},
		// Not references.
		{in: "第一书记", groups: []string{"第一书记"}},
		{in: "十三条", groups: []string{"十三条"}},
		{in: "三条措施", groups: []string{"三条措施"}},
		{in: "附件一览表", groups: []string{"附件一览表"}},
		{in: "附件", groups: []string{"附件"}},
		{in: "第二款", groups: []string{"第二款"}},
		{in: "第0条", groups: []string{"第0条"}},
		{in: "0条", groups: []string{"0条"}},
		{in: "第10000条", groups: []string{"第10000条"}},
		{in: "12345条", groups: []string{"12345条"}},
		{in: "A13条", groups: []string{"A13条"}},
		{in: "第一百五条", groups: []string{"第一百五条"}},
		{in: "第13号", groups: []string{"第13号"}},
		{in: "中发[2017]13号", groups: []string{"中发[2017]13号"}},
		{in: "第", groups: []string{"第"}},
		// Quoted, excluded and OR-joined references stay text.
		{in: `"第三条"`, groups: []string{"第三条"}},
		{in: "低保 -第三条", want: "低保 -第三条", groups: []string{"低保"}},
		{in: "第三条 OR 第四条", groups: []string{"第三条|第四条"}},
		{in: "低保|第3条", want: "低保 OR 第3条", groups: []string{"低保|第3条"}},
		{in: "OR 第3条", want: "第3条", articles: []A{{"第3条", "第三条"}}},
		{in: "第3条 OR", want: "第3条", articles: []A{{"第3条", "第三条"}}},
		// Places among the groups survive String.
		{in: "法第3条之", want: "法 第3条 之", groups: []string{"法", "之"}, articles: []A{{"第3条", "第三条"}}},
		{in: "第3条 甲 乙", want: "第3条 甲乙", groups: []string{"甲乙"}, articles: []A{{"第3条", "第三条"}}},
		{in: "刘 智第3条", want: "刘智 第3条", groups: []string{"刘智"}, articles: []A{{"第3条", "第三条"}}},
		{in: "甲 第 三 条", want: "甲 第三条", groups: []string{"甲"}, articles: []A{{"第三条", "第三条"}}},
		// Written back as it parses: kept apart, quoted.
		{in: "|劖 开", want: `劖 "开"`, groups: []string{"劖", "开"}},
		{in: "刘 -x 智", want: `刘 "智" -x`, groups: []string{"刘", "智"}},
		{in: "-甲 OR 第4条", want: `"第4条" -甲`, groups: []string{"第4条"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := ParseQuery(tt.in, nil)
			if err != nil {
				t.Fatal(err)
			}
			var groups []string
			for _, g := range q.Groups {
				var alts []string
				for _, term := range g.Terms {
					alts = append(alts, term.Text)
				}
				groups = append(groups, strings.Join(alts, "|"))
			}
			if !reflect.DeepEqual(groups, tt.groups) {
				t.Errorf("groups = %q, want %q", groups, tt.groups)
			}
			if !reflect.DeepEqual(q.Articles, tt.articles) {
				t.Errorf("articles = %q, want %q", q.Articles, tt.articles)
			}
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if got := q.String(); got != want {
				t.Errorf("String() = %q, want %q", got, want)
			}
			if q.Empty() {
				t.Errorf("Empty() = true")
			}
		})
	}
}

// Every number an anchor may have maps to the anchor the build writes.
func TestArticleNumbers(t *testing.T) {
	for n := 1; n <= 9999; n++ {
		want := "第" + cnnum.Format(n) + "条"
		for _, in := range []string{fmt.Sprintf("第%d条", n), fmt.Sprintf("%d条", n), want} {
			q, err := ParseQuery(in, nil)
			if err != nil || len(q.Articles) != 1 || q.Articles[0].Anchor != want {
				t.Fatalf("ParseQuery(%q) = %+v, %v; want anchor %s", in, q.Articles, err, want)
			}
		}
	}
}

func TestArticlesCountAsTerms(t *testing.T) {
	in := strings.Repeat("第3条 ", MaxTerms) + "低保"
	var qe *Error
	if _, err := ParseQuery(in, nil); !errors.As(err, &qe) || !strings.Contains(qe.Message, "检索词太多") {
		t.Fatalf("ParseQuery(%d articles and a word) error = %v, want 检索词太多", MaxTerms, err)
	}
	if _, err := ParseQuery(strings.Repeat("第3条 ", MaxTerms), nil); err != nil {
		t.Fatalf("ParseQuery(%d articles): %v", MaxTerms, err)
	}
}

func TestCompileArticles(t *testing.T) {
	only, _ := ParseQuery("第十一条", nil)
	if s := compiled(t, only); !strings.Contains(s, `"anchors"`) || !strings.Contains(s, "第十一条") {
		t.Errorf("an article alone must be required: %s", s)
	}
	with, _ := ParseQuery("组织法 第十一条", nil)
	if s := compiled(t, with); strings.Contains(s, `"anchors"`) {
		t.Errorf("beside groups an article is scored apart, not compiled in: %s", s)
	}
	if s := compiledQuery(t, ArticleQuery(Article{Anchor: "第十一条"})); !strings.Contains(s, `"boost":8`) {
		t.Errorf("ArticleQuery boost: %s", s)
	}
}

func TestRelaxed(t *testing.T) {
	syn := analysis.DefaultSynonyms()
	tests := []struct {
		in   string
		want string // groups of the relaxed query, bags marked ~, or "" for not ok
	}{
		{"村民委员会怎么罢免", "村民委员会~ 罢免"},
		{"政府信息公开 多少个工作日", "政府信息公开~ 工作日~"},
		{"多少个工作日", "工作日~"},
		{"几个工作日", "工作日~"},
		{"如何申请低保", "申请低保~"}, {"低保怎么申请", "低保 申请"},
		{"怎么办", ""},
		{"低保", ""},
		{`"村民委员会怎么罢免"`, ""},
		{"村民委员会组识法", "村民委员会组识法~"},
		{"网络安全法 个人信息", "网络安全法~ 个人信息~"},
		{"村民委员会组织法第十一条怎么理解", "村民委员会组织法~ 理解"},
		{"罢免 OR 怎么撤换", "罢免|撤换"},
		{"罢免 OR 撤换怎么办村委会", "罢免|撤换|村委会~"},
		{"为什么是不是可不可以", ""},
		{"2018年怎么申报", "2018年 申报"},
		{"低保 -怎么", ""},
		{"村民委員會怎麼罷免", "村民委員會~ 罷免"},
		{"政府信息公開 多少個工作日", "政府信息公開~ 工作日~"},
		{"為什麼要公示嗎", "要公示~"},
		{"《村民委员会组识法》", "村民委员会组识法~"},
		{"村民委员会组织法（第十一条）", "村民委员会组织法~"},
		{"《低保》", ""},
		{"中发[2017]13号", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := ParseQuery(tt.in, syn)
			if err != nil {
				t.Fatal(err)
			}
			r, ok := q.Relaxed()
			got := ""
			if ok {
				got = relaxedString(r)
				if len(r.Articles) != len(q.Articles) || len(r.Excluded) != len(q.Excluded) {
					t.Errorf("articles or exclusions lost: %+v", r)
				}
			}
			if got != tt.want {
				t.Errorf("Relaxed() = %q, want %q", got, tt.want)
			}
		})
	}
}

// The pieces of a split term are expanded with the query's synonyms.
func TestRelaxedSynonyms(t *testing.T) {
	q, _ := ParseQuery("村委会怎么罢免", analysis.DefaultSynonyms())
	r, ok := q.Relaxed()
	if !ok || len(r.Groups) != 2 || !reflect.DeepEqual(r.Groups[0].Terms[0].Alternatives, []string{"村委会", "村民委员会"}) {
		t.Fatalf("Relaxed() = %+v, %v", r, ok)
	}
	if q.Groups[0].Terms[0].Bag {
		t.Fatalf("Relaxed changed the query it relaxed")
	}
}

func relaxedString(q Query) string {
	var parts []string
	for _, g := range q.Groups {
		var alts []string
		for _, t := range g.Terms {
			s := t.Text
			if t.Bag {
				s += "~"
			}
			alts = append(alts, s)
		}
		parts = append(parts, strings.Join(alts, "|"))
	}
	return strings.Join(parts, " ")
}

// FuzzReferences: references cut out of a word give the word back, and
// each one, read alone, is the same reference.
func FuzzReferences(f *testing.F) {
	for _, s := range []string{"第十三条", "13条", "组织法第3条规定", "第三条第二款第(一)项", "附件二第3条第2项", "附件一览表",
		"第一编第二章第三节", "第十条之一", "第10000条", "A13条", "第十3条", "附件三第", "第三条第四条", "第0条之1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var back strings.Builder
		for _, p := range splitReferences(s) {
			if p.art == nil {
				back.WriteString(p.text)
				continue
			}
			back.WriteString(p.art.Text)
			if p.art.Anchor == "" || !utf8.ValidString(p.art.Anchor) {
				t.Fatalf("splitReferences(%q): bad anchor %q", s, p.art.Anchor)
			}
			alone := splitReferences(p.art.Text)
			if len(alone) != 1 || alone[0].art == nil || *alone[0].art != *p.art {
				t.Fatalf("splitReferences(%q) read %+v, but alone it reads %+v", s, *p.art, alone)
			}
		}
		if back.String() != s {
			t.Fatalf("splitReferences(%q) pieces make %q", s, back.String())
		}
	})
}

// FuzzRelaxed: the relaxed query never loses articles or exclusions, never
// has an empty group, and bags only Han runs.
func FuzzRelaxed(f *testing.F) {
	for _, s := range []string{"村民委员会怎么罢免", "低保 OR 怎么", `"怎么" 吗`, "第三条怎么 -吗"} {
		f.Add(s)
	}
	syn := analysis.DefaultSynonyms()
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s, syn)
		if err != nil {
			return
		}
		r, ok := q.Relaxed()
		if !ok {
			return
		}
		if len(r.Groups) == 0 || !reflect.DeepEqual(r.Articles, q.Articles) || !reflect.DeepEqual(r.Excluded, q.Excluded) {
			t.Fatalf("Relaxed(%q) = %+v", s, r)
		}
		for _, g := range r.Groups {
			if len(g.Terms) == 0 {
				t.Fatalf("Relaxed(%q) has an empty group", s)
			}
			for _, term := range g.Terms {
				if term.Bag && !isHanRun(term.Text) || len(term.Alternatives) == 0 {
					t.Fatalf("Relaxed(%q) term %+v", s, term)
				}
			}
		}
		_ = r.String()
	})
}

func compiled(t *testing.T, q Query) string {
	return compiledQuery(t, Compile(q, nil, nil))
}

func compiledQuery(t *testing.T, q bquery.Query) string {
	t.Helper()
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
