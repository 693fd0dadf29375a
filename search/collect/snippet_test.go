package collect

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/query"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("甲", 200) + "低保资金" + strings.Repeat("乙", 200)
	tests := []struct {
		name, body, q, want string
	}{
		{"escapes and marks", "<b>低保</b> & 资金", "低保", "&lt;b&gt;<mark>低保</mark>&lt;/b&gt; &amp; 资金"},
		{"every term", "低保资金按月发放，低保对象", "低保 发放", "<mark>低保</mark>资金按月<mark>发放</mark>，<mark>低保</mark>对象"},
		{"no match shows the start", "城乡社区治理", "不存在", "城乡社区治理"},
		{"padded name", "推选刘  智同志", "刘智", "推选<mark>刘 智</mark>同志"},
		{"punctuation splits han", "有低保。保障", "低保障", "有低保。保障"},
		{"doc number variant", "见中发〔2017〕13号文", "中发[2017]13号", "见<mark>中发〔2017〕13号</mark>文"},
		{"full width", "适用于ＡＢＣ公司", "abc", "适用于<mark>ＡＢＣ</mark>公司"},
		{"single char", "降低门槛", "低", "降<mark>低</mark>门槛"},
		{"synonym", "居民委员会负责", "居委会", "<mark>居民委员会</mark>负责"},
		{"lines collapse", "第一段\n\n第二段", "第二", "第一段 <mark>第二</mark>段"},
		{"empty body", "", "低保", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := query.ParseQuery(tt.q, analysis.DefaultSynonyms())
			if err != nil {
				t.Fatal(err)
			}
			if got := string(Snippet(tt.body, q.Forms())); got != tt.want {
				t.Errorf("Snippet(%q, %q) = %q, want %q", tt.body, tt.q, got, tt.want)
			}
		})
	}

	q, _ := query.ParseQuery("低保资金", nil)
	got := string(Snippet(long, q.Forms()))
	if !strings.HasPrefix(got, "…"+strings.Repeat("甲", snippetLead)+"<mark>低保资金</mark>") || !strings.HasSuffix(got, "乙…") {
		t.Errorf("window around a late match = %q", got)
	}
	if n := len([]rune(strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(got))); n != SnippetRunes {
		t.Errorf("window is %d runes, want %d", n, SnippetRunes)
	}
}
