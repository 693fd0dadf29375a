package analysis

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func TestBigrams(t *testing.T) {
	tests := []struct{ in, want string }{
		{"低保", "|低@1 低保@1 保|@1"},
		{"低", "低@1"},
		{"低保障", "|低@1 低保@1 保障@2 障|@2"},
		{"低保。保障", "|低@1 低保@1 保|@1 |保@3 保障@3 障|@3"},
		{"村（居）务公开", "村@1 居@3 |务@5 务公@5 公开@6 开|@6"},
		{"中发〔2017〕13号", "|中@1 中发@1 发|@1 2017@2 13@3 号@4"},
		{"刘  智", "|刘@1 刘智@1 智|@1"},
		{"刘\n智", "刘@1 智@3"},
		{"２０１８年ＡＢＣ", "2018@1 年@2 abc@3"},
		{"Social Security", "social@1 security@2"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range textAnalyzer.Analyze([]byte(tt.in)) {
			got = append(got, string(tok.Term)+"@"+strconv.Itoa(tok.Position))
			if tok.Start != 0 || tok.End != 0 {
				t.Errorf("%q: token %q keeps offsets", tt.in, tok.Term)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("analyze(%q) = %s, want %s", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestHanChars(t *testing.T) {
	var got []string
	for _, tok := range (hanCharsAnalyzer{}).Analyze([]byte("低保 abc 1号。かナ")) {
		got = append(got, string(tok.Term))
	}
	if strings.Join(got, "") != "低保号かナ" {
		t.Errorf("han chars = %q", got)
	}
}

// fuzzAlphabet mixes Han runs, punctuation, inline and line-breaking
// spaces, digits and letters in both widths: everything the position
// scheme has to get right.
var fuzzAlphabet = []rune{'低', '保', '障', '。', ' ', '\n', '1', 'a', 'A', '１', '（'}

// FuzzPhraseExact checks the central claim of the analysis: a query that is
// a substring of a text (ignoring spaces, width and case, with punctuation
// between Han characters still separating them) matches the text's index
// tokens as a phrase, and a query that is not, does not.
func FuzzPhraseExact(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 1, 2}, uint8(1), uint8(3))
	f.Add([]byte{0, 6, 1, 0, 1, 2}, uint8(0), uint8(2))
	f.Add([]byte{0, 3, 1, 4, 0, 6}, uint8(0), uint8(3))
	f.Add([]byte{9, 0, 1, 10, 2, 0}, uint8(2), uint8(6))
	f.Fuzz(func(t *testing.T, data []byte, i, j uint8) {
		text := make([]rune, 0, len(data))
		for _, b := range data {
			text = append(text, fuzzAlphabet[int(b)%len(fuzzAlphabet)])
		}
		a, b := int(i), int(j)
		if a >= b || b > len(text) {
			return
		}
		// Trim the query to significant characters at both ends.
		for a < b && !isSignificant(text[a]) {
			a++
		}
		for b > a && !isSignificant(text[b-1]) {
			b--
		}
		if a == b || !cleanEdge(text, a-1, text[a]) || !cleanEdge(text, b, text[b-1]) {
			return // the query would cut a latin word or number in two
		}
		query := Canonical(string(text[a:b]))
		toks, units := phraseUnits(query)
		slots, single := phraseSlots(toks, units)
		if single != "" || len(slots) == 0 {
			return
		}
		index := map[int]map[string]bool{}
		for _, tok := range textAnalyzer.Analyze([]byte(string(text))) {
			if index[tok.Position] == nil {
				index[tok.Position] = map[string]bool{}
			}
			index[tok.Position][string(tok.Term)] = true
		}
		want := strings.Contains(string(NewFoldedText(text).b), FoldKey(query))
		if got := phraseMatches(index, slots); got != want {
			t.Fatalf("text %q, query %q: phrase match %v, substring %v (slots %q)", string(text), query, got, want, slots)
		}
	})
}

func isSignificant(r rune) bool {
	_, ok := foldSignificant(r)
	return ok
}

// cleanEdge: the query edge rune r may sit next to text[k] without the
// tokenizer joining them into one word (a Han edge always may).
func cleanEdge(text []rune, k int, r rune) bool {
	if IsHan(r) || k < 0 || k >= len(text) {
		return true
	}
	n, _ := foldSignificant(text[k])
	return IsHan(n) || !(unicode.IsLetter(n) || unicode.IsDigit(n))
}

// phraseMatches does what bleve's phrase searcher does with slots.
func phraseMatches(index map[int]map[string]bool, slots [][]string) bool {
	for start := range index {
		ok := true
		for k, slot := range slots {
			if len(slot) == 1 && slot[0] == "" {
				continue
			}
			found := false
			for _, term := range slot {
				found = found || index[start+k][term]
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
