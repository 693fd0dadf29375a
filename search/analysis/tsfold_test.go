package analysis

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestFoldTraditional(t *testing.T) {
	tests := []struct{ in, want string }{
		{"網絡安全法", "网络安全法"},
		{"中華人民共和國個人信息保護法", "中华人民共和国个人信息保护法"},
		{"村民委員會組織法 第十一條", "村民委员会组织法 第十一条"},
		{"網络安全法", "网络安全法"},                               // mixed
		{"网络安全法", "网络安全法"},                               // simplified text is unchanged
		{"乾坤 后来 著作 干部 发展 於是 覆盖", "乾坤 后来 著作 干部 发展 於是 覆盖"}, // valid simplified characters, never folded
		{"以後 香菸", "以後 香菸"},                               // in GB 2312, so left alone
		{"ａ網\u3000b\xff絡", "ａ网\u3000b\xff络"},             // other characters and invalid bytes kept as they are
		{"", ""},
	}
	for _, tt := range tests {
		if got := FoldTraditional(tt.in); got != tt.want {
			t.Errorf("FoldTraditional(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := NormalizeDocNumber("國發〔２０１７〕13號"); got != "国发〔2017〕13号" {
		t.Errorf("NormalizeDocNumber = %q", got)
	}
	if got := Canonical(" 網絡 安全法 "); got != "网络安全法" {
		t.Errorf("Canonical = %q", got)
	}
}

// TestTraditionalTable checks the generated table: one character for one,
// both in U+4E00–U+9FFF, no chains (a simplified form never folds again),
// and every character of GB 2312, the simplified character set, left alone.
func TestTraditionalTable(t *testing.T) {
	pairs := TraditionalPairs()
	if len(pairs) < 2500 {
		t.Fatalf("only %d pairs", len(pairs))
	}
	if !slices.IsSortedFunc(pairs, func(a, b [2]rune) int { return int(a[0] - b[0]) }) {
		t.Error("pairs are not in code point order")
	}
	for i, p := range pairs {
		if i > 0 && pairs[i-1][0] == p[0] {
			t.Errorf("%c listed twice", p[0])
		}
		if !isCommonHan(p[0]) || !isCommonHan(p[1]) || p[0] == p[1] {
			t.Errorf("pair %c→%c", p[0], p[1])
		}
		if FoldTraditionalRune(p[0]) != p[1] || FoldTraditionalRune(p[1]) != p[1] {
			t.Errorf("%c folds to %c, which folds to %c", p[0], FoldTraditionalRune(p[0]), FoldTraditionalRune(p[1]))
		}
	}
	gb := gb2312(t)
	for _, r := range gb {
		if f := FoldTraditionalRune(r); f != r {
			t.Errorf("%c of GB 2312 folds to %c", r, f)
		}
	}
	for _, r := range "乾后著干发於覆台里么面系" {
		if !slices.Contains(gb, r) {
			t.Errorf("%c is not in GB 2312", r)
		}
	}
}

func gb2312(t *testing.T) []rune {
	dec := simplifiedchinese.HZGB2312.NewDecoder()
	var out []rune
	for hi := byte(0x30); hi <= 0x77; hi++ {
		for lo := byte(0x21); lo <= 0x7E; lo++ {
			b, err := dec.Bytes([]byte{'~', '{', hi, lo, '~', '}'})
			if rs := []rune(string(b)); err == nil && len(rs) == 1 && IsHan(rs[0]) {
				out = append(out, rs[0])
			}
		}
	}
	if len(out) != 6763 {
		t.Fatalf("GB 2312 has %d Han characters, want 6763", len(out))
	}
	return out
}

// TestTraditionalAnalysis: the index and the query analyse traditional
// text as its simplified form, at the same positions; snippets find it at
// the same runes.
func TestTraditionalAnalysis(t *testing.T) {
	terms := func(s string, chars bool) string {
		var out []string
		toks := textAnalyzer.Analyze([]byte(s))
		if chars {
			toks = hanCharsAnalyzer{}.Analyze([]byte(s))
		}
		for _, tok := range toks {
			out = append(out, string(tok.Term)+"@"+strconv.Itoa(tok.Position))
		}
		return strings.Join(out, " ")
	}
	for _, s := range []string{"中華人民共和國網絡安全法（二〇一六年）", "網\u0301絡", "１３號文", "國發〔2017〕13號"} {
		for _, chars := range []bool{false, true} {
			if got, want := terms(s, chars), terms(FoldTraditional(s), chars); got != want || strings.ContainsAny(got, "國網絡號") {
				t.Errorf("analyze(%q, chars %v) = %s, want %s", s, chars, got, want)
			}
		}
	}
	slots, _ := PhraseSlots("網絡安全")
	if want := [][]string{{"网络"}, {"络安"}, {"安全"}}; !slices.EqualFunc(slots, want, slices.Equal) {
		t.Errorf("PhraseSlots = %q", slots)
	}
	if _, single := PhraseSlots("國"); single != "国" {
		t.Errorf("single = %q", single)
	}
	text := NewFoldedText([]rune("《中華人民共和國網絡安全法》"))
	for _, q := range []string{"网络安全", "網絡安全", "網络安全"} {
		if got := text.Find(FoldKey(q)); !slices.Equal(got, [][2]int{{8, 12}}) {
			t.Errorf("Find(%q) = %v", q, got)
		}
	}
}

// FuzzFoldTraditional: the fold keeps runes and bytes, folds once for all,
// and analysing folded text gives the terms and positions of the text.
func FuzzFoldTraditional(f *testing.F) {
	f.Add("中華人民共和國網絡安全法")
	f.Add("網\u0301絡 ａ１２號\xff")
	f.Add("乾隆後來")
	f.Fuzz(func(t *testing.T, s string) {
		got := FoldTraditional(s)
		if len(got) != len(s) || utf8.RuneCountInString(got) != utf8.RuneCountInString(s) {
			t.Fatalf("FoldTraditional(%q) = %q changes the length", s, got)
		}
		if again := FoldTraditional(got); again != got {
			t.Fatalf("FoldTraditional(%q) = %q, folded again %q", s, got, again)
		}
		if norm := NormalizeText(s); NormalizeText(norm) != norm {
			t.Fatalf("NormalizeText(%q) = %q is not idempotent", s, norm)
		}
		if !utf8.ValidString(s) {
			return
		}
		want := []rune(s)
		for i, r := range want {
			want[i] = FoldTraditionalRune(r)
		}
		if string(want) != got {
			t.Fatalf("FoldTraditional(%q) = %q, rune by rune %q", s, got, string(want))
		}
		a, b := textAnalyzer.Analyze([]byte(s)), textAnalyzer.Analyze([]byte(got))
		if len(a) != len(b) {
			t.Fatalf("%q: %d tokens, folded %d", s, len(a), len(b))
		}
		for i := range a {
			if string(a[i].Term) != string(b[i].Term) || a[i].Position != b[i].Position {
				t.Fatalf("%q: token %d %q@%d, folded %q@%d", s, i, a[i].Term, a[i].Position, b[i].Term, b[i].Position)
			}
		}
	})
}
