package query

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/collect"
)

func TestParseQuery(t *testing.T) {
	syn := analysis.DefaultSynonyms()
	tests := []struct {
		name, in string
		want     string     // Query.String()
		alts     [][]string // Alternatives of the positive terms, when checked
		docKey   string     // DocKey of the first term, when checked
		wantErr  string     // substring of the Error message
	}{
		{name: "empty", in: "", want: ""},
		{name: "spaces only", in: "  \u3000 ", want: ""},
		{name: "han run", in: "低保", want: "低保", alts: [][]string{{"低保", "最低生活保障"}}},
		{name: "and", in: "低保 特困", want: "低保 特困"},
		{name: "quoted keeps spaces", in: `"低保 对象"`, want: `"低保 对象"`, alts: [][]string{{"低保对象", "最低生活保障对象"}}},
		{name: "chinese quotes", in: "“救助 对象” 特困", want: `"救助 对象" 特困`},
		{name: "corner quotes", in: "「救助对象」", want: `"救助对象"`},
		{name: "unclosed quote runs to end", in: `特困 "救助 对象`, want: `特困 "救助 对象"`},
		{name: "exclude", in: "救助 -特困", want: "救助 -特困"},
		{name: "exclude full-width minus", in: "－特困 救助", want: "救助 -特困"},
		{name: "exclude phrase", in: `救助 -"临时 救助"`, want: `救助 -"临时 救助"`},
		{name: "lone minus ignored", in: "- 救助", want: "救助"},
		{name: "or", in: "特困 OR 临时救助 资金", want: "特困 OR 临时救助 资金"},
		{name: "pipe", in: "特困|临时救助", want: "特困 OR 临时救助"},
		{name: "full-width pipe", in: "特困｜临时救助", want: "特困 OR 临时救助"},
		{name: "three-way or", in: "甲方 OR 乙方 OR 丙方", want: "甲方 OR 乙方 OR 丙方"},
		{name: "dangling or", in: "OR 救助 OR", want: "救助"},
		{name: "lowercase or is a word", in: "救助 or 特困", want: "救助 or 特困"},
		{name: "or before exclusion", in: "救助 OR -特困", want: "救助 -特困"},
		{name: "full-width latin folds", in: "ＡＢＣ１２３", want: "ABC123", alts: [][]string{{"abc123"}}},
		{name: "padded name joined", in: "刘 智", want: "刘智"},
		{name: "padded name with ideographic space", in: "刘\u3000\u3000智 主任", want: "刘智 主任"},
		{name: "single chars next to OR stay apart", in: "刘 智 OR 张", want: "刘 智 OR 张"},
		{name: "single char", in: "低", want: "低", alts: [][]string{{"低"}}},
		{name: "doc number brackets", in: "中发[2017]13号", want: "中发[2017]13号", docKey: "中发〔2017〕13号"},
		{name: "doc number parens", in: "中发（2017）13号", want: "中发(2017)13号", docKey: "中发〔2017〕13号"},
		{name: "doc number tortoise", in: "中发〔2017〕13号", docKey: "中发〔2017〕13号", want: "中发〔2017〕13号"},
		{name: "synonym short form", in: "居委会", want: "居委会", alts: [][]string{{"居委会", "居民委员会"}}},
		{name: "synonym long form", in: "村民委员会", want: "村民委员会", alts: [][]string{{"村民委员会", "村委会"}}},
		{name: "synonym inside word", in: "村委会主任", want: "村委会主任", alts: [][]string{{"村委会主任", "村民委员会主任"}}},
		{name: "village affairs", in: "村务公开", want: "村务公开", alts: [][]string{{"村务公开", "村(居)务公开", "居务公开"}}},
		{name: "punctuation only", in: "。。！", wantErr: "没有可检索的文字"},
		{name: "operators only", in: "OR |", wantErr: "没有可检索的文字"},
		{name: "too long", in: strings.Repeat("低", MaxRunes+1), wantErr: "检索词太长"},
		{name: "longest allowed", in: strings.Repeat("低", MaxRunes), want: strings.Repeat("低", MaxRunes)},
		{name: "too many terms", in: strings.Repeat("低保 ", MaxTerms+1), wantErr: "检索词太多"},
		{name: "invalid utf-8", in: "低保\xff特困", want: "低保 特困"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(tt.in, syn)
			if tt.wantErr != "" {
				var qe *Error
				if !errors.As(err, &qe) || !strings.Contains(qe.Message, tt.wantErr) {
					t.Fatalf("ParseQuery(%q) error = %v, want QueryError containing %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.in, err)
			}
			if got := q.String(); got != tt.want {
				t.Errorf("ParseQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if tt.alts != nil {
				var got [][]string
				for _, term := range q.Positive() {
					got = append(got, term.Alternatives)
				}
				if !reflect.DeepEqual(got, tt.alts) {
					t.Errorf("alternatives = %q, want %q", got, tt.alts)
				}
			}
			if tt.docKey != "" && q.Groups[0].Terms[0].DocKey != tt.docKey {
				t.Errorf("DocKey = %q, want %q", q.Groups[0].Terms[0].DocKey, tt.docKey)
			}
		})
	}
}

func TestParseQueryStructure(t *testing.T) {
	q, err := ParseQuery(`低保 OR 特困 "救助 资金" -临时`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Groups) != 2 || len(q.Groups[0].Terms) != 2 || len(q.Excluded) != 1 {
		t.Fatalf("unexpected structure: %+v", q)
	}
	if !q.Groups[1].Terms[0].Quoted || q.Groups[0].Terms[0].Quoted {
		t.Errorf("Quoted flags wrong: %+v", q.Groups)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"低保", `"低保 对象" -特困`, "a OR b|c", "中发[2017]13号", "刘  智", "－“ＡＢ”", "村务公开", "-\"", "--a", "|||", "第1条 13号文",
		"组织法第3条规定", "法第3条之", "第三条第二款第(一)项 OR 低保", "附件一第二条", "村民委员会怎么罢免"} {
		f.Add(s)
	}
	syn := analysis.DefaultSynonyms()
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ParseQuery(in, syn)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) returned a non-QueryError: %v", in, err)
			}
			return
		}
		terms := len(q.Positive()) + len(q.Excluded) + len(q.Articles)
		if terms > MaxTerms {
			t.Fatalf("ParseQuery(%q) returned %d terms", in, terms)
		}
		for _, term := range append(q.Positive(), q.Excluded...) {
			if len(term.Alternatives) == 0 || len(term.Alternatives) > analysis.MaxAlternatives {
				t.Fatalf("term %+v has %d alternatives", term, len(term.Alternatives))
			}
			if termQuery(term) == nil {
				t.Fatalf("term %+v compiles to nothing", term)
			}
			_ = collect.Snippet(in, term.Alternatives)
		}
		for _, a := range q.Articles {
			if a.Anchor == "" || a.Text == "" {
				t.Fatalf("ParseQuery(%q): article %+v", in, a)
			}
		}
		s := q.String()
		if utf8.RuneCountInString(s) > MaxRunes {
			return
		}
		again, err := ParseQuery(s, syn)
		if err != nil {
			t.Fatalf("re-parsing %q (from %q): %v", s, in, err)
		}
		if again.String() != s {
			t.Fatalf("not stable: %q → %q → %q", in, s, again.String())
		}
	})
}
