package privacy

import (
	"strings"
	"testing"
)

func TestScanPublished(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    Format
		in   string
		want string // kinds and raw numbers as found in the decoded text
	}{
		{"comment splits a mobile", HTML, "<p>138<!-- x -->1234<!---->5678</p>", "手机号:13812345678"},
		{"entities", HTML, "<p>&#49;3812345678 and &#x31;&#x33;812345678</p>", "手机号:13812345678,手机号:13812345678"},
		{"named entity space", HTML, "<p>138&nbsp;1234&nbsp;5678</p>", "手机号:138\u00a01234\u00a05678"},
		{"emphasis", HTML, "<p>138<strong>1234</strong><em>5678</em></p>", "手机号:13812345678"},
		{"link title", HTML, `<a href="/x" title="电话 13812345678">x</a>`, "手机号:13812345678"},
		{"alt text", HTML, `<img alt="510723198805123417" src="a.png">`, "身份证号:510723198805123417"},
		{"meta content", HTML, `<meta name="description" content="138&#32;1234 5678">`, "手机号:138 1234 5678"},
		{"comment alone", HTML, `<p>x</p><!-- 张三 13812345678 -->`, "手机号:13812345678"},
		{"heading anchor", HTML, `<h2 id="13812345678">x</h2>`, "手机号:13812345678"},
		{"json in a script", HTML, `<script type="application/json">{"a":"\u0031\u00338 1234 5678"}</script>`, "手机号:138 1234 5678"},
		{"plain script", HTML, `<script>var a = "13812345678";</script>`, "手机号:13812345678"},
		{"title element with entity", HTML, `<title>&#49;3812345678</title>`, "手机号:13812345678"},
		{"json escapes", JSON, `{"t":"\u0031\u0033\u0038\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038"}`, "手机号:13812345678"},
		{"json holding html", JSON, `{"t":"138<em>1234<\/em>5678"}`, "手机号:13812345678"},
		{"rss escaped html", XML, `<item><description>&lt;p&gt;138&lt;em&gt;1234&lt;/em&gt;5678&lt;/p&gt;</description></item>`, "手机号:13812345678"},
		{"rss cdata", XML, `<description><![CDATA[<p>138<b>1234</b>5678</p>]]></description>`, "手机号:13812345678"},
		{"csv", Text, "姓名,电话\n张三,5.107231990010112e+17\n", "身份证号:5.107231990010112e+17"},
		{"cells stay apart", HTML, "<table><tr><td>138</td><td>1234</td><td>5678</td></tr></table>", ""},
		{"paragraphs stay apart", HTML, "<p>138</p><p>1234 5678</p>", ""},
		{"amounts and dates", HTML, "<td>1,160.00</td><td>2018-08-22</td><td>昆发〔2018〕14号</td>", ""},
		{"index number", HTML, "<dd>11530100MB0T000000/2018-00014</dd>", ""},
		{"markdown emphasis", Markdown, "电话 138**1234**5678、139`1234`5678、137\\_1234\\_5678", "手机号:13812345678,手机号:13912345678,手机号:13712345678"},
		{"markdown comment", Markdown, "电话 138<!-- -->12345678", "手机号:13812345678"},
		{"markdown masked stays masked", Markdown, "| 138****5678 | 500230********123X | 6222 **** **** 7894 |", ""},
		{"markdown arithmetic", Markdown, "面积 3*4 平方米，2*3=6", ""},
		{"a < b is text", HTML, "<p>3 < 4 and 13812345678</p>", "手机号:13812345678"},
		{"lone ampersand", HTML, "<p>A&B 13812345678</p>", "手机号:13812345678"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			text, _ := Plain([]byte(tt.in), tt.f)
			for _, fd := range Scan(text, nil) {
				got = append(got, fd.Kind+":"+fd.Raw)
			}
			if s := strings.Join(got, ","); s != tt.want {
				t.Errorf("Plain(%q) = %q: found %q, want %q", tt.in, text, s, tt.want)
			}
			if n := len(ScanPublished([]byte(tt.in), tt.f, nil)); n != len(got) {
				t.Errorf("ScanPublished found %d, Scan of Plain %d", n, len(got))
			}
		})
	}
}

func TestScanPublishedLines(t *testing.T) {
	in := "<html>\n<body>\n<p>x</p>\n<p>138<!-- -->12345678</p>\n<a title=\"\n13912345678\">y</a></body>"
	got := ScanPublished([]byte(in), HTML, nil)
	if len(got) != 2 || got[0].Line != 4 || got[1].Line != 6 {
		t.Fatalf("got %+v, want lines 4 and 6", got)
	}
	if got := ScanPublished([]byte(in), HTML, []string{"138-1234-5678", "13912345678"}); len(got) != 0 {
		t.Errorf("allowed numbers reported: %+v", got)
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]bool{"a/index.html": true, "index.xml": true, "data/x.csv": true, "robots.txt": true,
		"search.json": true, "a.png": false, "_search/static/p0.bin": false, "style.css": false} {
		if _, ok := FormatOf(name); ok != want {
			t.Errorf("FormatOf(%s) = %v", name, ok)
		}
	}
}

func FuzzPlain(f *testing.F) {
	for _, s := range []string{"<p>138<!-- -->1234</p>", "&#49;&#x33;", `<a title="1">`, "<script type=json>\\u0031</script>",
		"<![CDATA[1", "<!--", "<a b='", `\ud83d\ude00`, "&amp;#49;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fm := range []Format{Text, HTML, XML, JSON, Markdown} {
			text, origin := Plain([]byte(s), fm)
			for off := 0; off <= len(text); off += 1 + len(text)/8 {
				if o := origin(off); o < 0 || o > len(s)+12 {
					t.Fatalf("format %d: origin(%d) = %d out of range for %q", fm, off, o, s)
				}
			}
			for _, fd := range ScanPublished([]byte(s), fm, nil) {
				if fd.Line < 1 || fd.Col < 1 {
					t.Fatalf("bad position %+v", fd)
				}
			}
		}
	})
}
