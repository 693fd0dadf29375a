package privacy

import (
	"strings"
	"testing"
)

func TestMaskFunctions(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"ID 18", MaskID, "500230199003071233", "500230********1233"},
		{"ID with X", MaskID, "11010519491231002X", "110105********002X"},
		{"ID grouped", MaskID, "110105 19491231 002X", "110105 ******** 002X"},
		{"ID 15: the birth date (digits 7-12) is hidden", MaskID, "110105491231002", "110105******002"},
		{"half-masked ID: the birth date goes too", MaskID, "51072319900101****", "510723************"},
		{"ID full-width", MaskID, "５００２３０１９９００３０７１２３３", "５００２３０********１２３３"},
		{"ID too short", MaskID, "12345", "*****"},
		{"phone", MaskPhone, "13812345678", "138****5678"},
		{"phone dashed", MaskPhone, "138-1234-5678", "138-****-5678"},
		{"phone +86", MaskPhone, "+86 138 1234 5678", "+86 138 **** 5678"},
		{"phone 86 fused", MaskPhone, "8613812345678", "86138****5678"},
		{"card", MaskCard, "6222021234567894", "6222********7894"},
		{"card grouped", MaskCard, "6222 0212 3456 7894", "6222 **** **** 7894"},
		{"card 19", MaskCard, "6228480012345678903", "6228***********8903"},
		{"already masked", MaskCard, "6222 **** **** 7894", "6222 **** **** 7894"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMaskText(t *testing.T) {
	in := "| 姓名 | 身份证号 | 电话 | 卡号 |\n|---|---|---|---|\n" +
		"| 张三 | 500230199003071233 | 138-1234-5678 | 6222 0212 3456 7894 |\n" +
		"| 李四 | 500230********123X | 139****5678 | 6222 **** **** 1234 |\n" +
		"监督电话：023-70700000，发放金额 1,234.50 元，2024-05-10。\n"
	want := "| 姓名 | 身份证号 | 电话 | 卡号 |\n|---|---|---|---|\n" +
		"| 张三 | 500230********1233 | 138-****-5678 | 6222 **** **** 7894 |\n" +
		"| 李四 | 500230********123X | 139****5678 | 6222 **** **** 1234 |\n" +
		"监督电话：023-70700000，发放金额 1,234.50 元，2024-05-10。\n"
	got, n := MaskText(in)
	if got != want || n != 3 {
		t.Errorf("MaskText = %d,\n%s\nwant 3,\n%s", n, got, want)
	}
}

func TestMaskTextSpellings(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"51072319900101****", "510723************"},
		{"张三 510723 19900101 **** 男", "张三 510723 ******** **** 男"},
		{"510723198805123417", "510723********3417"},
		{"5.107231990010112e+17", "5.10723**********e+17"},
		{"13812345678号", "138****5678号"},
		{"138\u00a01234\u00a05678", "138\u00a0****\u00a05678"},
		{"138\u200b1234\u200b5678", "138\u200b****\u200b5678"},
		{"9558801001123456789", "9558***********6789"},
	} {
		if got, n := MaskText(tt.in); got != tt.want || n == 0 {
			t.Errorf("MaskText(%q) = %q, %d; want %q", tt.in, got, n, tt.want)
		}
	}
}

func FuzzMaskText(f *testing.F) {
	for _, s := range []string{"11010519491231002X 13812345678", "+86 138 1234 5678", "6222 0212 3456 7894 5678",
		"110105 19491231 002X", "8613812345678", "１３８１２３４５６７８x", "13812345678-6222021234567894"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		masked, n := MaskText(s)
		if left := Scan([]byte(masked), nil); len(left) != 0 {
			t.Fatalf("MaskText(%q) = %q leaves %+v", s, masked, left)
		}
		if n == 0 && masked != s {
			t.Fatalf("MaskText changed %q without counting", s)
		}
		if strings.Count(masked, "\n") != strings.Count(s, "\n") {
			t.Fatalf("MaskText changed the lines of %q", s)
		}
	})
}

// The kept last four digits of a masked card can begin another card with the
// groups that follow; MaskText keeps going until none is left.
func TestMaskTextChained(t *testing.T) {
	first := "6222 0212 3456 " // + a 4th group that makes it Luhn-valid
	var card1 string
	for d := 0; d < 10000; d++ {
		g := []byte("0000")
		for i, n := 3, d; i >= 0; i, n = i-1, n/10 {
			g[i] = byte('0' + n%10)
		}
		if g[0] == '4' && luhn(digitsOf(first+string(g))) {
			card1 = first + string(g)
			break
		}
	}
	if card1 == "" {
		t.Skip("no Luhn-valid fourth group starting with 4")
	}
	tail := card1[len(card1)-4:]
	var text string
	for d := 0; d < 10; d++ {
		candidate := card1 + " 1111 2222 333" + string(rune('0'+d))
		if luhn(tail + "11112222333" + string(rune('0'+d))) {
			text = candidate
		}
	}
	masked, n := MaskText(text)
	if left := Scan([]byte(masked), nil); len(left) != 0 || n < 2 {
		t.Errorf("MaskText(%q) = %q (%d), left %+v", text, masked, n, left)
	}
}
