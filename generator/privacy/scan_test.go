package privacy

import (
	"strings"
	"testing"
)

// detects runs Scan over text and returns the kinds found, joined by commas.
func detects(text string) string {
	var kinds []string
	for _, f := range Scan([]byte(text), nil) {
		kinds = append(kinds, f.Kind+":"+f.Raw)
	}
	return strings.Join(kinds, ",")
}

type scanCase struct {
	name, text, want string
}

func runScanCases(t *testing.T, cases []scanCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := detects(tt.text); got != tt.want {
				t.Errorf("Scan(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanID(t *testing.T) {
	runScanCases(t, []scanCase{
		{"standard example with X", "身份证号：11010519491231002X。", "身份证号:11010519491231002X"},
		{"lower-case x", "11010519491231002x", "身份证号:11010519491231002x"},
		{"digits check", "张三 440524188001010014 男", "身份证号:440524188001010014"},
		{"leap day", "500230200002290085", "身份证号:500230200002290085"},
		{"grouped 6-8-4", "110105 19491231 002X", "身份证号:110105 19491231 002X"},
		{"full-width digits", "５３０１０２１９８５１１１１３２１７", "身份证号:５３０１０２１９８５１１１１３２１７"},
		{"in a table cell", "| 王五 | 500230199003071233 | 3 |", "身份证号:500230199003071233"},
		{"old 15-digit", "110105491231002", "身份证号:110105491231002"},
		{"wrong check digit: still someone's ID", "500230199003071234", "身份证号:500230199003071234"},
		{"wrong check digit, issue example", "510723198805123417", "身份证号:510723198805123417"},
		{"wrong check digit 6-8-4", "510723 19880512 3417", "身份证号:510723 19880512 3417"},
		{"wrong check digit, odd grouping", "51 0723 1988 0512 3417", ""},
		{"right check digit, odd grouping", "1101 0519 4912 3100 2X", "身份证号:1101 0519 4912 3100 2X"},
		{"Excel lost the last digits", "510723199001011000", "身份证号:510723199001011000"},
		{"scientific notation", "身份证 5.107231990010112e+17", "身份证号:5.107231990010112e+17"},
		{"scientific notation, capital E", "5.1072319900101E+17", "身份证号:5.1072319900101E+17"},
		{"scientific notation, lossy: region only", "5.10723E+17", ""},
		{"scientific notation, not a date", "5.107231990130112e+17", ""},
		{"half-masked: birth date shows", "51072319900101****", "身份证号:51072319900101****"},
		{"half-masked 17+1", "510723199001011***", "身份证号:510723199001011***"},
		{"half-masked grouped", "510723 19900101 ****", "身份证号:510723 19900101 ****"},
		{"half-masked full-width stars", "51072319900101＊＊＊＊", "身份证号:51072319900101＊＊＊＊"},
		{"masked properly", "510723********1234", ""},
		{"half-masked, bad date", "51072319901301****", ""},
		{"half-masked, too many stars", "51072319900101*****", ""},
		{"NBSP", "510723\u00a019900101\u00a01234", "身份证号:510723\u00a019900101\u00a01234"},
		{"zero-width inside", "5107231990\u200b01011234", "身份证号:5107231990\u200b01011234"},
		{"wrong check X", "11010519491231002Y", ""},
		{"bad birth date", "110101199013071231", ""},
		{"masked 3+4", "110***********1234", ""},
		{"masked 6+4", "500230********123X", ""},
		{"inside a longer run", "1500230199003071233", ""},
		{"followed by more digits", "5002301990030712330", ""},
		{"decimal", "500230199003071233.50", ""},
		{"15 digits, impossible date", "123456789012345", ""},
		{"15 digits, bad region", "990105491231002", ""},
		{"15 digits next to letters", "NO110105491231002", ""},
		{"date and amount", "2024-05-10 20240510 共计 1,234,567.89 元", ""},
		{"index number", "索引号：11530100MB0T000000/2018-00014", ""},
		{"文号", "昆发〔2018〕14号", ""},
	})
}

// An 18-digit number shaped like an ID whose check digit is wrong is reported
// as an ID (a typo is still someone's), never as a card.
func TestScanIDShapedNotCard(t *testing.T) {
	const first17 = "44052418800101001" // 4… is also a Visa range
	for d := byte('0'); d <= '9'; d++ {
		s := first17 + string(d)
		if validID(s) {
			continue
		}
		if got := detects(s); got != "身份证号:"+s {
			t.Errorf("Scan(%s) = %q, want the ID", s, got)
		}
	}
}

func TestScanPhone(t *testing.T) {
	runScanCases(t, []scanCase{
		{"plain", "联系电话13812345678", "手机号:13812345678"},
		{"spaces", "138 1234 5678", "手机号:138 1234 5678"},
		{"dashes", "电话：138-1234-5678。", "手机号:138-1234-5678"},
		{"+86 spaced", "+86 138 1234 5678", "手机号:+86 138 1234 5678"},
		{"+86 fused", "+8613812345678", "手机号:+8613812345678"},
		{"86 dash", "86-13812345678", "手机号:86-13812345678"},
		{"full-width", "１３８１２３４５６７８", "手机号:１３８１２３４５６７８"},
		{"after an area code", "023 13912345678", "手机号:13912345678"},
		{"two in a list", "13812345678、13912345678", "手机号:13812345678,手机号:13912345678"},
		{"landline", "监督电话：023-70700000", ""},
		{"landline with long area code", "0851-86543210", ""},
		{"second digit 2", "12812345678", ""},
		{"twelve digits", "213812345678", ""},
		{"masked", "138****5678", ""},
		{"amount in yuan", "13500000000元", ""},
		{"decimal", "13812345678.5", ""},
		{"grouped 4-3-4", "1381 234 5678", "手机号:1381 234 5678"},
		{"grouped 3-4-3-1", "138 1234 567 8", ""},
		{"followed by 号", "13812345678号", "手机号:13812345678"},
		{"NBSP", "138\u00a01234\u00a05678", "手机号:138\u00a01234\u00a05678"},
		{"ideographic space", "138\u30001234\u30005678", "手机号:138\u30001234\u30005678"},
		{"zero-width space", "138\u200b1234\u200b5678", "手机号:138\u200b1234\u200b5678"},
		{"zero-width joiner", "1381234\u200d5678", "手机号:1381234\u200d5678"},
		{"BOM inside", "13812\ufeff345678", "手机号:13812\ufeff345678"},
		{"tab", "138\t1234\t5678", "手机号:138\t1234\t5678"},
		{"dots", "138.1234.5678", "手机号:138.1234.5678"},
		{"underscores", "138_1234_5678", "手机号:138_1234_5678"},
		{"full-width hyphen", "138－1234－5678", "手机号:138－1234－5678"},
		{"em dash", "138—1234—5678", "手机号:138—1234—5678"},
		{"line break", "138\n1234\n5678", "手机号:138\n1234\n5678"},
		{"CRLF", "138\r\n1234 5678", "手机号:138\r\n1234 5678"},
		{"several spaces", "138   1234    5678", "手机号:138   1234    5678"},
		{"paragraph break", "138\n\n1234\n\n5678", ""},
		{"scientific notation", "1.3812345678e+10", "手机号:1.3812345678e+10"},
		{"scientific notation, lossy", "1.38123E+10", ""},
		{"ip-like", "192.168.100.200", ""},
		{"inside a commit hash", "#3f9a13812345678c0d2e4f6a8b0c2d4e6f8a0b2c", ""},
		{"after a short word", "ab13812345678", "手机号:13812345678"},
		{"version", "v1.38.1234.5678", ""},
		{"round amounts in a row", "标准 150 2000 3000", ""},
	})
}

func TestScanCard(t *testing.T) {
	runScanCases(t, []scanCase{
		{"UnionPay", "卡号6222021234567894", "银行卡号:6222021234567894"},
		{"grouped by 4", "6222 0212 3456 7894", "银行卡号:6222 0212 3456 7894"},
		{"19 digits", "6228480012345678903", "银行卡号:6228480012345678903"},
		{"Visa", "4111111111111111", "银行卡号:4111111111111111"},
		{"wrong Luhn, UnionPay", "6222021234567895", "银行卡号:6222021234567895"},
		{"ICBC 9558, 19 digits", "9558801001123456789", "银行卡号:9558801001123456789"},
		{"BOC 6013, 19 digits", "6013821234567890123", "银行卡号:6013821234567890123"},
		{"wrong Luhn, Visa", "4111111111111112", ""},
		{"统一社会信用代码 in digits", "915301001234567890", ""},
		{"card with dots", "6222.0212.3456.7894", "银行卡号:6222.0212.3456.7894"},
		{"card with NBSP", "6222\u00a00212\u00a03456\u00a07894", "银行卡号:6222\u00a00212\u00a03456\u00a07894"},
		{"scientific notation", "6.222021234567894e+15", "银行卡号:6.222021234567894e+15"},
		{"unknown issuer", "1234567890123452", ""},
		{"unknown issuer 9", "9123456789012348", ""},
		{"serial with letters", "SN6222021234567894", ""},
		{"letters after", "6222021234567894AB", ""},
		{"masked", "6222 **** **** 7894", ""},
		{"inside a longer run", "62220212345678940000123", ""},
		{"amount", "6222021234567894元", ""},
		{"grouped by 3", "622 202 123 456 789 4", ""},
		{"round amounts in a row (Luhn-valid)", "4000 1500 3000 2500", ""},
	})
}

func TestScanPosition(t *testing.T) {
	text := "第一行\n电话：13812345678，+86 139 1234 5678\n"
	got := Scan([]byte(text), nil)
	want := []Finding{
		{Line: 2, Col: 4, Kind: KindPhone, Masked: "138****5678", Raw: "13812345678"},
		{Line: 2, Col: 16, Kind: KindPhone, Masked: "+86 139 **** 5678", Raw: "+86 139 1234 5678"},
	}
	if len(got) != len(want) {
		t.Fatalf("Scan = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestScanAllow(t *testing.T) {
	text := []byte("监督电话 13812345678，热线 +86 139 1234 5678，身份证 11010519491231002X")
	got := Scan(text, []string{"138-1234-5678", "13912345678", "11010519491231002x"})
	if len(got) != 0 {
		t.Errorf("allowed numbers reported: %+v", got)
	}
	if got := Scan(text, []string{"138-1234-5679"}); len(got) != 3 {
		t.Errorf("a different allowed number hid findings: %+v", got)
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "+86 138 1234 5678", "6222 0212 3456 7894", "110105491231002",
		"１３８１２３４５６７８", "1.13812345678", "8613812345678 6222021234567894", "a\n\nb 13812345678x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fd := range Scan([]byte(s), nil) {
			if fd.Line < 1 || fd.Col < 1 || !strings.Contains(s, fd.Raw) || fd.Raw == "" {
				t.Fatalf("bad finding %+v in %q", fd, s)
			}
			if got := Scan([]byte(fd.Masked), nil); len(got) != 0 {
				t.Fatalf("masked %q still has %+v", fd.Masked, got)
			}
		}
	})
}

// Policy text is full of numbers that are not personal: none may be reported.
func TestScanPolicyTextHasNoFalsePositives(t *testing.T) {
	text := `昆发〔2018〕14号 索引号：11530100MB0T000000/2018-00014 统一社会信用代码：91530100MA6K12345X
发布日期：2018-08-22 成文日期：20180822 施行期限 2020-2035 年
执行 GB/T 19299-2015、GB 18005-1999 标准。邮政编码：134000。
监督电话：023-70700000，0851-86543210，(0435)3921234，政务服务热线 12345，400-123-4567。
全年收入 1,234,567.89 元，支出 12345678901.50 元，预算 150000000000 元，增长 13.5%。
对公账户：2502 0401 0902 4901 234，账号 1100 1021 2000 5300 1234 5。
合同编号 HT-2024-000123456789，项目代码 2018-530100-47-01-012345。
户籍人口 1093 人，其中 473 户；长胜社区现有473户1093人。
合计 1,160.00 元；2018.08.22；2024年5月10日；第 12 条；1.5e+10 元；3.0E+17。
Copyright 2018-2024；第1 2 3 4 5 6 7 8 9 10 11页。`
	if got := Scan([]byte(text), nil); len(got) != 0 {
		t.Errorf("false positives: %+v", got)
	}
}
