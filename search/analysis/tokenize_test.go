package analysis

import (
	"fmt"
	"math/rand/v2"
	"testing"

	banalysis "github.com/blevesearch/bleve/v2/analysis"
)

func sameTokens(a, b banalysis.TokenStream) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d tokens, want %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		if string(x.Term) != string(y.Term) || x.Start != y.Start || x.End != y.End || x.Position != y.Position || x.Type != y.Type {
			return fmt.Errorf("token %d = %q %d-%d @%d type %d, want %q %d-%d @%d type %d",
				i, x.Term, x.Start, x.End, x.Position, x.Type, y.Term, y.Start, y.End, y.Position, y.Type)
		}
	}
	return nil
}

func TestTokenizeMatchesUnicode(t *testing.T) {
	for _, in := range []string{
		"", "低保", "关于做好最低生活保障工作的通知", "第1条，13号文。", "中发〔2017〕13号",
		"ABC低保def", "低保_abc", "a_低", "低\u0301保", "低\u200d保", "低\ufe0f保", "低\u3099保",
		"1.5万元", "万1.5", "いろは低保カタカナ", "低保ー", "Ｈ低", "低 保", "低\n保", "保。", "。保",
		"“低保”——《通知》…", "e.g.低保", "低's", "低\u202e保", "𠀀低", "低𠀀", "ᄀ低", "低\u2028保",
		"\xff低\xe4\xb8", "低\xe4", "x\u00ad低",
	} {
		if err := sameTokens(tokenize([]byte(in)), unicodeTokenizer.Tokenize([]byte(in))); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// FuzzTokenize holds tokenize equal to bleve's unicode tokenizer.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"关于做好最低生活保障工作的通知", "第1条，13号文。", "低\u0301保", "ABC低保_def 1.5万"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if err := sameTokens(tokenize([]byte(in)), unicodeTokenizer.Tokenize([]byte(in))); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
	})
}

// TestTokenizeRandomMix tries mixes of Han, punctuation, letters, digits
// and the marks that attach to a character.
func TestTokenizeRandomMix(t *testing.T) {
	alphabet := []rune("低保工作的通知一二三〇第条号，。、；：？！“”‘’（）《》【】〔〕—…·ABCabc019_.' \n\t" +
		"\u0301\u200d\u200c\u200b\ufe0f\u3099\u302a\u00adーカタかな\U00020000Ｈ１")
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		rs := make([]rune, r.IntN(12))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		in := string(rs)
		if err := sameTokens(tokenize([]byte(in)), unicodeTokenizer.Tokenize([]byte(in))); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	in := []byte("各村委会要做好低保对象的认定工作。低保资金按月发放。" + "第一条　为了规范社区治理，根据《中华人民共和国城市居民委员会组织法》等法律法规，结合本市实际，制定本办法。")
	b.Run("fast", func(b *testing.B) {
		for range b.N {
			tokenize(in)
		}
	})
	b.Run("unicode", func(b *testing.B) {
		for range b.N {
			unicodeTokenizer.Tokenize(in)
		}
	})
}
