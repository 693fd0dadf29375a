package privacy

import (
	"strings"
	"testing"
)

func TestRTFText(t *testing.T) {
	tests := []struct{ name, rtf, want string }{
		{"plain", `{\rtf1\ansi 13812345678\par}`, "13812345678"},
		{"hex escapes in GBK", `{\rtf1\ansi\ansicpg936 \'d5\'c5\'c8\'fd 138\'31\'32345678}`, "张三 13812345678"},
		{"unicode escapes", `{\rtf1\ansi\uc1 \u24352?\u19977? 138\u49?2345678}`, "张三 13812345678"},
		{"split by a formatting group", `{\rtf1 138{\b 1234}5678}`, "13812345678"},
		{"hidden text and properties kept", `{\rtf1{\info{\author 13812345678}}{\v 110101199003070011}}`, "13812345678110101199003070011"},
		{"pictures skipped", `{\rtf1 a{\*\shppict{\pict\pngblip 11010119900307001113812345678}}b}`, "ab"},
		{"control symbols", `{\rtf1 a\{b\}c\\d}`, `a{b}c\d`},
		{"unbalanced braces", `{\rtf1 }}}} 1`, " 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RTFText([]byte(tt.rtf))
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(tt.want) {
				t.Errorf("RTFText = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzRTFText(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg936 \'d5\'c5 138\u49?2345678\bin5 xxxxx}`))
	f.Fuzz(func(t *testing.T, data []byte) { _, _ = RTFText(data) })
}
