package analysis

import "testing"

func TestNormalizeDocNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"中发〔2017〕13号", "中发〔2017〕13号"},
		{"中发[2017]13号", "中发〔2017〕13号"},
		{"中发［2017］13号", "中发〔2017〕13号"},
		{"中发（2017）13号", "中发〔2017〕13号"},
		{"中发(2017)13号", "中发〔2017〕13号"},
		{"中发【2017】13号", "中发〔2017〕13号"},
		{"中发〔２０１７〕１３号", "中发〔2017〕13号"},
		{"中发〔2017）13号", "中发〔2017〕13号"}, // mismatched closer, as in seed 000
		{"中发 〔2017〕 13 号", "中发〔2017〕13号"},
		{"国发〔2017〕第013号", "国发〔2017〕13号"},
		{"昆发〔2018〕14号", "昆发〔2018〕14号"},
		{"云政办发〔2019〕5号", "云政办发〔2019〕5号"},
		{"中发2017年13号", ""},
		{"第13号", ""},
		{"〔2017〕13号", ""},
		{"2017 13号", ""},
		{"中发〔17〕13号", ""},
		{"低保", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeDocNumber(tt.in); got != tt.want {
			t.Errorf("NormalizeDocNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"刘  智", "刘智"},
		{"刘\u3000智", "刘智"},
		{"刘\t 智明", "刘智明"},
		{"刘\n智", "刘\n智"}, // a line break separates paragraphs
		{"ABC 公司", "ABC 公司"},
		{"第 1 条", "第 1 条"},
		{"２０１８年", "2018年"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
