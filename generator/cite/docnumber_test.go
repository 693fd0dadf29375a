package cite

import (
	"strings"
	"testing"
)

func TestNormalizeDocNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"中发〔2017〕13号", "中发〔2017〕13号"},
		{"中发[2017]13号", "中发〔2017〕13号"},
		{"中发（2017）13号", "中发〔2017〕13号"},
		{"中发(2017)13号", "中发〔2017〕13号"},
		{"中发【2017】13号", "中发〔2017〕13号"},
		{"中发［２０１７］１３号", "中发〔2017〕13号"},
		{"中发〔2017〕第13号", "中发〔2017〕13号"},
		{" 中发 〔 2017 〕 13 号 ", "中发〔2017〕13号"},
		{"中发〔2017〕013号", "中发〔2017〕13号"},
		{"中发\u3000〔2017〕13号", "中发〔2017〕13号"},
		{"达市委基治办通〔2021〕4号", "达市委基治办通〔2021〕4号"},
		{"国务院令第711号", "国务院令第711号"},
		{"中华人民共和国国务院令 第711号", "国务院令第711号"},
		{"国务院令（第711号）", "国务院令第711号"},
		{"国务院第711号令", "国务院令第711号"},
		{"中华人民共和国主席令第三十一号", "主席令第31号"},
		{"民政部令第61号", "民政部令第61号"},
	}
	for _, tt := range tests {
		got, ok := NormalizeDocNumber(tt.in)
		if !ok || got != tt.want {
			t.Errorf("NormalizeDocNumber(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseDocNumber(t *testing.T) {
	d, err := ParseDocNumber("中发[2017]13号")
	if err != nil || d != (DocNumber{Issuer: "中发", Year: 2017, Seq: 13}) {
		t.Errorf("ParseDocNumber(中发[2017]13号) = %+v, %v", d, err)
	}
	d, err = ParseDocNumber("国务院令第711号")
	if err != nil || d != (DocNumber{Order: "国务院令", Seq: 711}) {
		t.Errorf("ParseDocNumber(国务院令第711号) = %+v, %v", d, err)
	}
	bad := []struct{ in, says string }{
		{"", "为空"},
		{"   ", "为空"},
		{"〔2017〕13号", "发文机关代字"},
		{"2017年13号", "发文机关代字"},
		{"中发2017 13号", "括号"},
		{"中发〔17〕13号", "四位数字"},
		{"中发〔1066〕13号", "不合理"},
		{"中发〔2017 13号", "没有闭合"},
		{"中发〔2017〕号", "序号"},
		{"中发〔2017〕0号", "序号"},
		{"中发〔2017〕1234567号", "序号"},
		{"中发〔2017〕13", "以 号 结尾"},
		{"中发〔2017〕13号文件", "号 之后"},
		{"一二三四五六七八九十一发〔2017〕13号", "最多"},
		{"国务院令", "国务院令第711号"},
		{"令第3号", "国务院令第711号"},
		{"国务院令第七一号", "国务院令第711号"},
	}
	for _, tt := range bad {
		_, err := ParseDocNumber(tt.in)
		if err == nil {
			t.Errorf("ParseDocNumber(%q) succeeded, want an error about %s", tt.in, tt.says)
			continue
		}
		if !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ParseDocNumber(%q) error %q does not mention %q", tt.in, err, tt.says)
		}
		if _, ok := NormalizeDocNumber(tt.in); ok {
			t.Errorf("NormalizeDocNumber(%q) succeeded", tt.in)
		}
	}
}

func TestTitleKey(t *testing.T) {
	same := [][]string{
		{"中共中央国务院关于加强和完善城乡社区治理的意见", "中共中央、国务院关于加强和完善城乡社区治理的意见", "中共中央 国务院关于加强和完善城乡社区治理的意见", "中共中央　国务院关于加强和完善城乡社区治理的意见"},
		{"关于推进村(社区)建设的意见", "关于推进村（社区）建设的意见"},
		{"四川省城乡社区发展治理“十四五”规划", "四川省城乡社区发展治理\"十四五\"规划", "四川省城乡社区发展治理十四五规划"},
		{"关于修改〈中华人民共和国立法法〉的决定", "关于修改《中华人民共和国立法法》的决定"},
		{"ＡＢＣ标准", "abc标准"},
	}
	for _, group := range same {
		for _, title := range group[1:] {
			if TitleKey(title) != TitleKey(group[0]) {
				t.Errorf("TitleKey(%q) = %q, TitleKey(%q) = %q; want equal", title, TitleKey(title), group[0], TitleKey(group[0]))
			}
		}
	}
	// 、 after 关于 is part of the title.
	if TitleKey("关于加强党建、服务的意见") == TitleKey("关于加强党建服务的意见") {
		t.Error("TitleKey dropped a 、 after 关于")
	}
}

func FuzzNormalizeDocNumber(f *testing.F) {
	for _, s := range []string{"中发〔2017〕13号", "中发[2017]第13号", "国务院令第711号", "中华人民共和国主席令（第三十一号）",
		"国务院第711号令", "〔2017〕", "中发〔2017〕13", "令第号", "中发（２０１７）１３号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key, ok := NormalizeDocNumber(s)
		_, err := ParseDocNumber(s)
		if ok != (err == nil) {
			t.Fatalf("NormalizeDocNumber(%q) ok=%v but ParseDocNumber err=%v", s, ok, err)
		}
		if !ok {
			return
		}
		// A key is its own normal form.
		again, ok := NormalizeDocNumber(key)
		if !ok || again != key {
			t.Fatalf("NormalizeDocNumber(%q) = %q, which normalises to %q, %v", s, key, again, ok)
		}
	})
}
