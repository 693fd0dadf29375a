package consult

import (
	"math"
	"testing"
)

func TestCheck(t *testing.T) {
	const head = "organizer: o\nphases: [{name: 征求意见, start: 2024-05-06}]\nelectorate: {basis: 户籍人口, count: 1093}\n"
	tests := []struct {
		name string
		src  string
		want []Problem
	}{
		{"passes and says so", head + "rule: {threshold: 0.5}\ntallies: {agree: 547}\noutcome: 通过\n", nil},
		{"undecided is fine", head + "rule: {threshold: 0.5}\ntallies: {agree: 500}\n", nil},
		{"claims pass below threshold", head + "rule: {threshold: 0.5}\ntallies: {agree: 500}\noutcome: 通过\n",
			[]Problem{{6, "outcome 通过 但同意 500 人，未超过户籍人口 1093 人的 50%（546.5）：改为 未通过 或核对票数"}}},
		{"claims fail above threshold", head + "rule: {threshold: 0.5}\ntallies: {agree: 612}\noutcome: 未通过\n",
			[]Problem{{6, "outcome 未通过 但同意 612 人，已超过户籍人口 1093 人的 50%（546.5）：改为 通过"}}},
		{"strict on exact half", "organizer: o\nphases: [{name: 决定, start: 2024-05-06}]\nelectorate: {count: 1000}\nrule: {threshold: 0.5, strict: true}\ntallies: {agree: 500}\noutcome: 通过\n",
			[]Problem{{6, "未超过表决人数 1000 人的 50%（500）"}}},
		{"non-strict on exact half", "organizer: o\nphases: [{name: 决定, start: 2024-05-06}]\nelectorate: {count: 1000}\nrule: {threshold: 0.5, strict: false}\ntallies: {agree: 500}\noutcome: 通过\n", nil},
		{"non-strict float edge 0.3×10", "organizer: o\nphases: [{name: 决定, start: 2024-05-06}]\nelectorate: {count: 10}\nrule: {threshold: 0.3, strict: false}\ntallies: {agree: 3}\noutcome: 通过\n", nil},
		{"two thirds of valid votes", head + "rule: {threshold: 0.6667, of: votes}\ntallies: {agree: 60, disagree: 20, abstain: 10, invalid: 5, no_response: 998}\noutcome: 通过\n",
			[]Problem{{6, "未超过有效票 90 人的 66.67%（60.003）"}}},
		{"tallies exceed electorate", head + "rule: {threshold: 0.5}\ntallies: {agree: 1000, disagree: 100}\n",
			[]Problem{{5, "tallies 合计 1100 人（同意 1000 + 不同意 100 + 弃权 0 + 无效 0 + 未表态 0），超过户籍人口 1093 人"}}},
		{"all five must add up", head + "rule: {threshold: 0.5}\ntallies: {agree: 612, disagree: 41, abstain: 18, invalid: 6, no_response: 413}\n",
			[]Problem{{5, "tallies 五项合计 1090 人，比户籍人口 1093 人少 3 人"}}},
		{"no electorate", "organizer: o\nphases: [{name: 决定, start: 2024-05-06}]\nrule: {threshold: 0.5}\ntallies: {agree: 3}\n",
			[]Problem{{4, "没有 electorate.count"}}},
		{"no rule", head + "tallies: {agree: 3}\n", []Problem{{4, "没有 rule"}}},
		{"outcome without tallies", head + "outcome: 通过\n", []Problem{{4, "outcome 通过 但没有 tallies"}}},
		{"outcome with nothing to share", "organizer: o\nphases: [{name: 决定, start: 2024-05-06}]\nrule: {threshold: 0.5, of: votes}\ntallies: {agree: 0, invalid: 3}\noutcome: 未通过\n",
			[]Problem{{5, "有效票为 0，无法按规则判断"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, problems := decode(t, tt.src)
			if len(problems) > 0 {
				t.Fatalf("decode problems: %v", problems)
			}
			expectProblems(t, c.Check(), tt.want)
		})
	}
}

func TestPassesThresholdPercent(t *testing.T) {
	tests := []struct {
		name          string
		c             Consultation
		passed, known bool
		threshold     float64
		percentAgree  float64
	}{
		{"no tallies", Consultation{Electorate: Electorate{Count: 1093}, Rule: Rule{Threshold: 0.5, Of: OfElectorate, Strict: true}},
			false, false, 546.5, 0},
		{"seed", Consultation{Electorate: Electorate{Count: 1093}, Rule: Rule{Threshold: 0.5, Of: OfElectorate, Strict: true}, Tallies: &Tallies{Agree: 612}},
			true, true, 546.5, 612 * 100.0 / 1093},
		{"votes base", Consultation{Rule: Rule{Threshold: 0.5, Of: OfVotes, Strict: true}, Tallies: &Tallies{Agree: 5, Disagree: 4, Abstain: 1, NoResponse: 90}},
			false, true, 5, 50},
		{"votes base, not strict", Consultation{Rule: Rule{Threshold: 0.5, Of: OfVotes}, Tallies: &Tallies{Agree: 5, Disagree: 4, Abstain: 1}},
			true, true, 5, 50},
		{"no rule", Consultation{Electorate: Electorate{Count: 10}, Rule: Rule{Of: OfElectorate}, Tallies: &Tallies{Agree: 5}},
			false, false, 0, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			passed, known := tt.c.Passes()
			if passed != tt.passed || known != tt.known {
				t.Errorf("Passes() = %v, %v; want %v, %v", passed, known, tt.passed, tt.known)
			}
			if got := tt.c.Threshold(); got != tt.threshold {
				t.Errorf("Threshold() = %v, want %v", got, tt.threshold)
			}
			agree := 0
			if tt.c.Tallies != nil {
				agree = tt.c.Tallies.Agree
			}
			if got := tt.c.Percent(agree); math.Abs(got-tt.percentAgree) > 1e-9 {
				t.Errorf("Percent(%d) = %v, want %v", agree, got, tt.percentAgree)
			}
		})
	}
}

func TestRuleTextNamesAWholeHeadCount(t *testing.T) {
	tallies := &Tallies{Agree: 60, Disagree: 30, Abstain: 10}
	for _, tc := range []struct {
		name string
		c    Consultation
		want string
		min  int
	}{
		{"超过 half of an odd count", Consultation{Electorate: Electorate{Basis: "户籍人口", Count: 1093}, Rule: Rule{Threshold: 0.5, Of: OfElectorate, Strict: true}},
			"同意人数超过户籍人口的 50%（即不少于 547 人）即为通过", 547},
		{"超过 half of an even count excludes the half", Consultation{Electorate: Electorate{Basis: "户籍人口", Count: 1000}, Rule: Rule{Threshold: 0.5, Of: OfElectorate, Strict: true}},
			"同意人数超过户籍人口的 50%（即不少于 501 人）即为通过", 501},
		{"达到 half of an even count includes it", Consultation{Electorate: Electorate{Count: 1000}, Rule: Rule{Threshold: 0.5, Of: OfElectorate}},
			"同意人数达到表决人数的 50%（即不少于 500 人）即为通过", 500},
		{"达到 two thirds rounds up", Consultation{Rule: Rule{Threshold: 2.0 / 3, Of: OfVotes}, Tallies: tallies},
			"同意人数达到有效票数的 66.67%（即不少于 67 人）即为通过", 67},
		{"0.3 of 10 is exactly 3", Consultation{Electorate: Electorate{Count: 10}, Rule: Rule{Threshold: 0.3, Of: OfElectorate}},
			"同意人数达到表决人数的 30%（即不少于 3 人）即为通过", 3},
		{"votes not counted yet", Consultation{Electorate: Electorate{Count: 1586}, Rule: Rule{Threshold: 0.5, Of: OfVotes, Strict: true}},
			"同意人数超过有效票数的 50% 即为通过", 0},
		{"no electorate count", Consultation{Rule: Rule{Threshold: 0.5, Of: OfElectorate, Strict: true}},
			"同意人数超过表决人数的 50% 即为通过", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.RuleText(); got != tc.want {
				t.Errorf("RuleText() = %q, want %q", got, tc.want)
			}
			n, known := tc.c.MinAgree()
			if n != tc.min || known != (tc.min > 0) {
				t.Errorf("MinAgree() = %d, %v; want %d", n, known, tc.min)
			}
			if known {
				// The head count is exactly where the rule flips.
				at, below := tc.c, tc.c
				at.Tallies, below.Tallies = withAgree(tc.c.Tallies, n), withAgree(tc.c.Tallies, n-1)
				if p, _ := at.Passes(); !p {
					t.Errorf("%d agrees do not pass", n)
				}
				if p, _ := below.Passes(); p {
					t.Errorf("%d agrees already pass", n-1)
				}
			}
		})
	}
}

// withAgree is t with agree agrees, keeping the valid votes (the base of a votes rule) unchanged.
func withAgree(t *Tallies, agree int) *Tallies {
	if t == nil {
		return &Tallies{Agree: agree}
	}
	c := *t
	c.Abstain += c.Agree - agree
	c.Agree = agree
	return &c
}
