package markdown

import "testing"

func TestKeepOnOneLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"1,160.00", true}, {"45,000.00", true}, {"-3.5", true}, {"56.0%", true}, {"1093 人", true}, {"20万元", true},
		{"2026-11-16", true}, {"2026年11月16日", true}, {"2026年11月", true}, {"2026.11.16", true},
		{"昆发〔2018〕14号", true}, {"500230********2326", true}, {"138****5678", true}, {"023-70700000", true},
		{"张三", true}, {"市民政局", true}, {"合计", true}, {"银行存款利息", true},
		{"", false}, {"做好社区工作", true}, {"上级转移支付（社区运转经费）", false}, {"市人力资源社会保障局", false},
		{"2026年7月1日至9月30日", false}, {"a", false}, {"6222 0200 1234 5678", true}, {"第1条", false},
	} {
		if got := KeepOnOneLine(tt.in); got != tt.want {
			t.Errorf("KeepOnOneLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzKeepOnOneLine(f *testing.F) {
	for _, s := range []string{"1,160.00", "昆发〔2018〕14号", "张三", "2026年11月16日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { KeepOnOneLine(s) })
}
