package build

import (
	"strings"
	"testing"
)

// Each source passes the source guard, yet renders or indexes a whole number.
func TestOutputGuard(t *testing.T) {
	for _, tt := range []struct{ name, body, want string }{
		{"comment", "电话 138<!-- -->12345678。", "now.md:12: 未脱敏的手机号 138****5678"},
		{"entity", "电话 &#49;3812345678。", "now.md:12: 未脱敏的手机号"},
		{"emphasis", "电话 138**1234**5678。", "now.md:12: 未脱敏的手机号"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := strings.Replace(disclosureSite, "138****5678", tt.body, 1)
			s := buildTxtar(t, site)
			if s.err == nil || !strings.Contains(s.err.Error(), tt.want) {
				t.Fatalf("want an error containing %q, got %v", tt.want, s.err)
			}
			if strings.Contains(s.err.Error(), "13812345678") {
				t.Errorf("the error shows the number: %v", s.err)
			}
		})
	}
}
