package analysis

import (
	"strings"
	"testing"
)

// TestAnalyzeInArena holds the analyzers' arena path to their plain one,
// with one arena reused from text to text as the index writer reuses it,
// and checks that a reset arena hands its memory out again.
func TestAnalyzeInArena(t *testing.T) {
	texts := []string{
		"", "低", "第一条 为了规范低保资金管理，制定本办法。", "Ｇｏｎｇｋａｉ ２０１７年第3号文件",
		"刘  智 同志（以下简称“刘智”）", "ｶﾀｶﾅ 與 國務院", "abc def 12.5% a-b", "\xff\xfe 无效字节 低保",
		strings.Repeat("村务公开目录第十四条。", 900), "短",
	}
	analyzers := []ArenaAnalyzer{textAnalyzer, hanCharsAnalyzer{}}
	var arena Arena
	for round := range 2 {
		for _, text := range texts {
			for _, a := range analyzers {
				want := a.Analyze([]byte(text))
				got := a.AnalyzeIn(&arena, []byte(text))
				if err := sameTokens(got, want); err != nil {
					t.Fatalf("round %d, %T on %.30q: %v", round, a, text, err)
				}
			}
			arena.Reset()
		}
	}
	// A short text after a reset is carved from the block the arena kept.
	first := textAnalyzer.AnalyzeIn(&arena, []byte("低保资金"))
	p := first[0]
	arena.Reset()
	if second := textAnalyzer.AnalyzeIn(&arena, []byte("低保资金")); second[0] != p {
		t.Error("a reset arena did not hand out its block again")
	}
}
