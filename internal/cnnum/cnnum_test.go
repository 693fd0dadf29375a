package cnnum

import "testing"

func TestRoundTrip(t *testing.T) {
	for n := 1; n <= 9999; n++ {
		s := Format(n)
		if got, ok := ParseChinese(s); !ok || got != n {
			t.Fatalf("ParseChinese(Format(%d) = %q) = %d, %v", n, s, got, ok)
		}
	}
	for _, n := range []int{0, -1, 10000} {
		if s := Format(n); s != "" {
			t.Errorf("Format(%d) = %q, want \"\"", n, s)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in string
		n  int
		ok bool
	}{
		{"十三", 13, true}, {"一百零三", 103, true}, {"两百", 200, true}, {"13", 13, true}, {"１３", 13, true},
		{"0103", 103, true}, {"12345", 0, false}, {"1三", 0, false}, {"", 0, false}, {"一百五", 0, false},
	} {
		if n, ok := Parse(tt.in); n != tt.n || ok != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.n, tt.ok)
		}
	}
}
