package build

import "testing"

// The rule is stated with a whole head count once the base is known, and in words before.
func TestConsultationRuleTextOnThePage(t *testing.T) {
	s := buildExample(t)
	closed := "consultations/2024-changsheng-guanxia-tiaozheng/index.html"
	s.contains(closed, "同意人数超过户籍人口的 50%（即不少于 547 人）即为通过", "通过线：同意超过 50%（不少于 547 人）")
	s.lacks(closed, "546.5")
	open := "consultations/2026-liaojiaba-cunguiminyue/index.html"
	s.contains(open, "同意人数超过有效票数的 50% 即为通过")
	s.lacks(open, "多于 0 人", "即多于")
}
