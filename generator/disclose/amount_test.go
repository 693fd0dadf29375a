package disclose

import "testing"

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in    string
		cents int64
		ok    bool
	}{
		{"1,234.50", 123450, true},
		{"1234.5", 123450, true},
		{"1234", 123400, true},
		{"0.01", 1, true},
		{"1,234,567.89", 123456789, true},
		{"1234.50元", 123450, true},
		{" 1,234.50 元 ", 123450, true},
		{"￥1,234.50", 123450, true},
		{"¥12", 1200, true},
		{"-200.00", -20000, true},
		{"−200", -20000, true},
		{"１，２３４．５０", 123450, true},
		{"999999999999.99", 99999999999999, true},
		{"", 0, false},
		{"元", 0, false},
		{"abc", 0, false},
		{"1,2345", 0, false},
		{"12,34.5", 0, false},
		{"1234,567", 0, false},
		{",123", 0, false},
		{"1.234", 0, false},
		{"1.", 0, false},
		{".5", 0, false},
		{"1.2.3", 0, false},
		{"1.2万元", 0, false},
		{"--1", 0, false},
		{"10000000000000", 0, false}, // beyond 1e13 元: not an amount a village writes
		{"1e5", 0, false},
	}
	for _, tt := range tests {
		cents, ok := ParseAmount(tt.in)
		if cents != tt.cents || ok != tt.ok {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d, %v", tt.in, cents, ok, tt.cents, tt.ok)
		}
	}
}

func TestFormatAmount(t *testing.T) {
	tests := []struct {
		n        int64
		decimals int
		want     string
	}{
		{123450, 2, "1,234.50"},
		{5, 2, "0.05"},
		{0, 2, "0.00"},
		{-123456789, 2, "-1,234,567.89"},
		{12345000, 6, "12.345"},
		{12000000, 6, "12.00"},
	}
	for _, tt := range tests {
		if got := formatAmount(tt.n, tt.decimals); got != tt.want {
			t.Errorf("formatAmount(%d, %d) = %q, want %q", tt.n, tt.decimals, got, tt.want)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1,234.50", "1234.5元", "￥-1", "１，２３４", "999999999999.99", "-0.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cents, ok := ParseAmount(s)
		if !ok {
			return
		}
		again, ok := ParseAmount(formatAmount(cents, 2))
		if !ok || again != cents {
			t.Fatalf("ParseAmount(%q) = %d, but its formatted form %q reads back as %d, %v", s, cents, formatAmount(cents, 2), again, ok)
		}
	})
}
