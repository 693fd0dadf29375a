package history

import (
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/gongkai/gongkai/generator/content"
)

func TestReadSchedule(t *testing.T) {
	d := func(s string) time.Time {
		t.Helper()
		v, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name string
		text string
		want Schedule
		err  string // substring of the error; "" for none
	}{
		{"no front matter", "正文\n", Schedule{}, ""},
		{"empty", "", Schedule{}, ""},
		{"empty YAML", "---\n---\n正文", Schedule{}, ""},
		{"yaml draft", "---\ntitle: 甲\ndraft: true\n---\n正文", Schedule{Draft: true}, ""},
		{"yaml draft false", "---\ndraft: false\n---\n", Schedule{}, ""},
		{"yaml Draft", "---\nDraft: yes\n---\n", Schedule{Draft: true}, ""},
		{"yaml DRAFT quoted", "---\nDRAFT: \"TRUE\"\n---\n", Schedule{Draft: true}, ""},
		{"yaml draft null", "---\ndraft:\n---\n", Schedule{}, ""},
		{"yaml draft 1", "---\ndraft: 1\n---\n", Schedule{Draft: true}, ""},
		{"yaml draft 0 is refused, not false", "---\ndraft: 0\n---\n", Schedule{}, "不是 true 或 false"},
		{"json draft 0.0 is refused", "{\"draft\": 0.0}", Schedule{}, "不是 true 或 false"},
		{"toml draft 2", "+++\ndraft = 2\n+++\n", Schedule{Draft: true}, ""},
		{"yaml draft maybe", "---\ndraft: maybe\n---\n", Schedule{}, "不是 true 或 false"},
		{"yaml draft list", "---\ndraft: [true]\n---\n", Schedule{}, "不是 true 或 false"},
		{"two spellings, one true", "---\ndraft: false\nDraft: true\n---\n", Schedule{Draft: true}, ""},
		{"yaml dots closing", "---\ndraft: true\n...\n正文", Schedule{Draft: true}, ""},
		{"leading blank lines", "\n\n---\ndraft: true\n---\n", Schedule{Draft: true}, ""},
		{"publishDate", "---\npublishDate: 2024-03-01\n---\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"publishdate", "---\npublishdate: 2024-03-01\n---\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"publish_date", "---\npublish_date: 2024年3月1日\n---\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"Publish-Date", "---\nPublish-Date: 2024-03-01T08:00:00+08:00\n---\n", Schedule{Publish: d("2024-03-01T08:00:00+08:00")}, ""},
		{"pubdate", "---\npubdate: 2024-03-01\n---\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"latest publish wins", "---\npublishDate: 2024-03-01\npublish_date: 2024-05-01\n---\n", Schedule{Publish: d("2024-05-01")}, ""},
		{"expiryDate", "---\nexpiryDate: 2024-03-01\n---\n", Schedule{Expiry: d("2024-03-01")}, ""},
		{"expiry_date", "---\nexpiry_date: 2024-03-01\n---\n", Schedule{Expiry: d("2024-03-01")}, ""},
		{"unpublishdate", "---\nunpublishdate: 2024-03-01\n---\n", Schedule{Expiry: d("2024-03-01")}, ""},
		{"earliest expiry wins", "---\nexpirydate: 2024-05-01\nExpiryDate: 2024-03-01\n---\n", Schedule{Expiry: d("2024-03-01")}, ""},
		{"unpublish_after", "---\nunpublish_after: 2024-03-01\n---\n", Schedule{UnpublishAfter: d("2024-03-01")}, ""},
		{"UnpublishAfter", "---\nUnpublishAfter: 2024-03-01\n---\n", Schedule{UnpublishAfter: d("2024-03-01")}, ""},
		{"date", "---\ndate: 2024-03-01\n---\n", Schedule{Date: d("2024-03-01")}, ""},
		{"bad date", "---\npublishDate: 下个月\n---\n", Schedule{}, "不是日期"},
		{"date as number", "---\nexpiryDate: 20240301\n---\n", Schedule{}, "不是日期"},
		{"merge key", "---\nbase: &b {draft: true}\n<<: *b\n---\n", Schedule{Draft: true}, ""},
		{"nested is not top level", "---\nparams:\n  draft: true\n---\n", Schedule{}, ""},
		{"yaml unclosed", "---\ndraft: false\n正文", Schedule{}, "没有结束"},
		{"yaml broken", "---\ntitle: [未闭合\n---\n", Schedule{}, "YAML"},
		{"yaml duplicate key, stricter wins", "---\ndraft: false\ndraft: true\n---\n", Schedule{Draft: true}, ""},
		{"merged draft wins over explicit", "---\nb: &b {Draft: true}\n<<: *b\ndraft: false\n---\n", Schedule{Draft: true}, ""},
		{"merge of a list", "---\nb: &b {a: 1}\nc: &c {publishdate: 2024-03-01}\n<<: [*b, *c]\n---\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"yaml list", "---\n- a\n---\n", Schedule{}, "不是一组 key: value"},
		{"yaml scalar", "---\n草稿\n---\n", Schedule{}, "不是一组 key: value"},
		{"toml", "+++\ntitle = \"甲\"\ndraft = true\n+++\n正文", Schedule{Draft: true}, ""},
		{"toml Draft string", "+++\nDraft = \"yes\"\n+++\n", Schedule{Draft: true}, ""},
		{"toml local date", "+++\npublishDate = 2024-03-01\n+++\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"toml local datetime", "+++\nexpiry_date = 2024-03-01T10:00:00\n+++\n", Schedule{Expiry: d("2024-03-01T10:00:00")}, ""},
		{"toml offset datetime", "+++\npublishdate = 2024-03-01T10:00:00+08:00\n+++\n", Schedule{Publish: d("2024-03-01T10:00:00+08:00")}, ""},
		{"toml table is not top level", "+++\n[params]\ndraft = true\n+++\n", Schedule{}, ""},
		{"toml broken", "+++\ndraft = \n+++\n", Schedule{}, "TOML"},
		{"toml unclosed", "+++\ndraft = false\n", Schedule{}, "没有结束"},
		{"json", "{\"title\": \"甲\", \"draft\": true}\n正文", Schedule{Draft: true}, ""},
		{"json DRAFT 1", "{\"DRAFT\": 1}\n", Schedule{Draft: true}, ""},
		{"json date", "{\"publish_date\": \"2024-03-01\"}\n", Schedule{Publish: d("2024-03-01")}, ""},
		{"json broken", "{\"draft\": false,\n正文", Schedule{}, "JSON"},
		{"json array", "[1]\n", Schedule{}, ""}, // not an object: no front matter, as Hugo reads it
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSchedule([]byte(tt.text))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Draft != tt.want.Draft || !got.Publish.Equal(tt.want.Publish) || !got.Expiry.Equal(tt.want.Expiry) ||
				!got.UnpublishAfter.Equal(tt.want.UnpublishAfter) || !got.Date.Equal(tt.want.Date) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPublicAt(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	day := func(s string) time.Time {
		v, _ := content.ParseDate(s)
		return v
	}
	tests := []struct {
		name           string
		s              Schedule
		t              string
		drafts, future bool
		want           bool
	}{
		{"plain", Schedule{}, "2024-01-01T00:00:00Z", false, false, true},
		{"draft", Schedule{Draft: true}, "2024-01-01T00:00:00Z", false, false, false},
		{"draft with --drafts", Schedule{Draft: true}, "2024-01-01T00:00:00Z", true, false, true},
		{"before publish", Schedule{Publish: day("2024-03-01")}, "2024-02-29T15:59:59Z", false, false, false},
		{"at publish", Schedule{Publish: day("2024-03-01")}, "2024-02-29T16:00:00Z", false, false, true},
		{"before publish with --future", Schedule{Publish: day("2024-03-01")}, "2024-02-01T00:00:00Z", false, true, true},
		{"future date without publishDate", Schedule{Date: day("2024-03-01")}, "2024-02-01T00:00:00Z", false, false, false},
		{"publishDate overrides date", Schedule{Date: day("2024-03-01"), Publish: day("2024-01-01")}, "2024-02-01T00:00:00Z", false, false, true},
		{"before expiry", Schedule{Expiry: day("2024-03-01")}, "2024-02-29T15:59:59Z", false, false, true},
		{"at expiry", Schedule{Expiry: day("2024-03-01")}, "2024-02-29T16:00:00Z", false, false, false},
		{"expired with --future", Schedule{Expiry: day("2024-03-01")}, "2024-04-01T00:00:00Z", true, true, false},
		// unpublish_after keeps the page up through that day in China Standard Time.
		{"on the unpublish day", Schedule{UnpublishAfter: day("2024-03-01")}, "2024-03-01T15:59:59Z", false, false, true},
		{"the day after", Schedule{UnpublishAfter: day("2024-03-01")}, "2024-03-01T16:00:00Z", false, false, false},
	}
	for _, tt := range tests {
		if got := tt.s.PublicAt(at(tt.t), tt.drafts, tt.future); got != tt.want {
			t.Errorf("%s: PublicAt = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	utf16le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = []byte{0xff, 0xfe}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	utf16be := func(s string) []byte {
		b := []byte{0xfe, 0xff}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	text := "---\ndraft: true\n---\n名单 11010519491231002X\n"
	tests := []struct {
		name string
		in   []byte
		want string
		err  string
	}{
		{"utf-8", []byte(text), text, ""},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), text...), text, ""},
		{"crlf", []byte(strings.ReplaceAll(text, "\n", "\r\n")), text, ""},
		{"cr only", []byte(strings.ReplaceAll(text, "\n", "\r")), text, ""},
		{"utf-16le bom", utf16le(text, true), text, ""},
		{"utf-16be bom", utf16be(text), text, ""},
		{"utf-16le bom crlf", utf16le(strings.ReplaceAll(text, "\n", "\r\n"), true), text, ""},
		{"utf-16 without bom", utf16le(text, false), "", "NUL"},
		{"utf-16 odd length", append(utf16le(text, true), 'x'), "", "奇数"},
		{"gb18030", []byte("\xc3\xfb\xb5\xa5"), "", "不是 UTF-8"},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one with %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

// FuzzReadSchedule: any revision text is read or refused, never a panic, and a draft stays a
// draft however its line endings are written.
func FuzzReadSchedule(f *testing.F) {
	for _, s := range []string{"---\ndraft: true\n---\n", "+++\nDraft = true\n+++\n", "{\"draft\": true}", "---\rdraft: yes\r---\r",
		"---\npublish_date: 2024-03-01\nexpiry_date: 2024-01-01\n---\n", "\xff\xfe-\x00-\x00-\x00", "---\n<<: *x\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		text, err := Normalize(src)
		if err != nil {
			return
		}
		s, err := ReadSchedule(text)
		if err != nil || !s.Draft {
			return
		}
		crlf := []byte(strings.ReplaceAll(string(text), "\n", "\r\n"))
		if text2, err := Normalize(crlf); err == nil {
			if s2, err := ReadSchedule(text2); err == nil && !s2.Draft {
				t.Errorf("draft lost with CRLF line endings: %q", src)
			}
		}
	})
}

func TestReadScheduleMergeBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\na0: &a0 {draft: false}\n")
	for i := 1; i <= 16; i++ {
		b.WriteString("a" + string(rune('0'+i%10)) + "x" + strings.Repeat("y", i) + ": &a" + strings.Repeat("y", i) + " {<<: [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			if i == 1 {
				b.WriteString("*a0")
			} else {
				b.WriteString("*a" + strings.Repeat("y", i-1))
			}
		}
		b.WriteString("]}\n")
	}
	b.WriteString("<<: *a" + strings.Repeat("y", 16) + "\n---\n")
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := ReadSchedule([]byte(b.String())); err == nil {
			t.Error("a merge bomb must be refused (what it hides could say draft: true)")
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("ReadSchedule still expanding merge keys after 5 s")
	}
}
