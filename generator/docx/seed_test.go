package docx

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/seedtest"

	"github.com/gongkai/gongkai/generator/duty"
	"github.com/gongkai/gongkai/generator/frontmatter"
	"go.yaml.in/yaml/v3"
)

// readSeed reads a seed document, or skips the test.
func readSeed(t testing.TB, prefix string) string { return seedtest.Read(t, prefix) }

// seed002Docx lays seed 002 out as Word would hold it: every line before the duty table a
// paragraph (its text split over two runs, as Word splits text at edits), and 附件2's table, which
// the seed writes as tab-indented blocks (序号, 细化目标, 责任单位 one per line), a real w:tbl.
// noteInHeader puts "(列第一位的为牵头单位)" in the 责任单位 header cell instead of a paragraph.
func seed002Docx(t testing.TB, noteInHeader bool) []byte {
	t.Helper()
	text := readSeed(t, "002")
	start := strings.Index(text, "\t序号\n")
	if start < 0 {
		t.Fatal("seed 002: table header 序号 not found")
	}
	var b strings.Builder
	for _, line := range strings.Split(text[:start], "\n") {
		b.WriteString(splitRuns(line))
	}
	var rows []string
	for i, block := range strings.Split(text[start:], "\n\n") {
		var cells []string
		note := ""
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "\t"):
				cells = append(cells, strings.TrimSpace(line))
			case strings.TrimSpace(line) != "":
				note = strings.TrimSpace(line)
			}
		}
		if len(cells) == 0 {
			continue
		}
		var tcs []string
		for j, c := range cells {
			if i == 0 && j == len(cells)-1 && noteInHeader {
				tcs = append(tcs, tc("", c, note))
			} else {
				tcs = append(tcs, tc("", c))
			}
		}
		if i == 0 && !noteInHeader {
			b.WriteString(p(note))
		}
		rows = append(rows, tr(tcs...))
	}
	b.WriteString(tbl(rows...))
	return fixture{body: b.String()}.bytes(t)
}

func splitRuns(line string) string {
	rs := []rune(line)
	half := len(rs) / 2
	return `<w:p>` + r(string(rs[:half])) + r(string(rs[half:])) + `</w:p>`
}

type seedFrontMatter struct {
	Title       string   `yaml:"title"`
	Type        string   `yaml:"type"`
	DocNumber   string   `yaml:"doc_number"`
	Issuers     []string `yaml:"issuers"`
	Written     string   `yaml:"written"`
	Genre       string   `yaml:"genre"`
	Level       string   `yaml:"level"`
	Status      string   `yaml:"status"`
	DutyLead    string   `yaml:"duty_lead"`
	Draft       bool     `yaml:"draft"`
	Attachments []struct {
		Title  string `yaml:"title"`
		Anchor string `yaml:"anchor"`
	} `yaml:"attachments"`
	Source struct {
		File   string `yaml:"file"`
		SHA256 string `yaml:"sha256"`
	} `yaml:"source"`
}

func decodeFrontMatter(t testing.TB, res *Result) seedFrontMatter {
	t.Helper()
	doc, err := frontmatter.Parse(res.Path, res.Markdown)
	if err != nil || doc.Meta == nil {
		t.Fatalf("front matter: %v\n%s", err, res.Markdown)
	}
	var fm seedFrontMatter
	if err := doc.Meta.Decode(&fm); err != nil {
		t.Fatalf("front matter: %v", err)
	}
	var raw map[string]yaml.Node
	_ = doc.Meta.Decode(&raw)
	if n := raw["written"]; n.Tag != "!!timestamp" {
		t.Errorf("written is %s, want a YAML date", n.Tag)
	}
	return fm
}

func TestSeed002(t *testing.T) {
	for _, noteInHeader := range []bool{false, true} {
		name := "note above table"
		if noteInHeader {
			name = "note in header cell"
		}
		t.Run(name, func(t *testing.T) {
			res := convertFixture(t, seed002Docx(t, noteInHeader))

			header, rows := onlyTable(t, res)
			tasks, ok := duty.FromTable(header, rows, true)
			if !ok {
				t.Fatalf("duty parser does not recognise header %q", header)
			}
			if len(tasks) != 45 {
				t.Fatalf("got %d tasks, want 45", len(tasks))
			}
			leads, appears := 0, 0
			for _, task := range tasks {
				for _, u := range task.Units {
					if u.Name == "市民政局" {
						appears++
						if u.Lead {
							leads++
						}
					}
				}
			}
			if leads != 19 || appears != 33 {
				t.Errorf("市民政局 leads %d and appears in %d tasks, want 19 and 33", leads, appears)
			}

			fm := decodeFrontMatter(t, res)
			want := seedFrontMatter{
				Title: "中共昆明市委  昆明市人民政府关于进一步加强城乡社区治理的实施意见", Type: "policy",
				DocNumber: "昆发〔2018〕14号", Issuers: []string{"中共昆明市委", "昆明市人民政府"}, Written: "2018-08-22",
				Genre: "实施意见", Level: "市", Status: "现行有效", DutyLead: "first", Draft: true,
			}
			got := fm
			got.Attachments, got.Source = nil, want.Source
			if !reflect.DeepEqual(got, want) {
				t.Errorf("front matter:\n got %+v\nwant %+v", got, want)
			}
			if len(fm.Attachments) != 2 || fm.Attachments[0].Title != "名词解释" || fm.Attachments[0].Anchor != "附件1" ||
				fm.Attachments[1].Title != "部门重点任务分工表" || fm.Attachments[1].Anchor != "附件2" {
				t.Errorf("attachments = %+v", fm.Attachments)
			}
			if fm.Source.File != "test.docx" || len(fm.Source.SHA256) != 64 {
				t.Errorf("source = %+v", fm.Source)
			}
			if res.Path != "policies/2018-kunming-14.md" {
				t.Errorf("path = %q", res.Path)
			}
			for _, f := range []string{"title", "doc_number", "issuers", "written", "genre", "level", "attachments", "duty_lead"} {
				if !contains(res.Guessed, f) {
					t.Errorf("Guessed %q lacks %s", res.Guessed, f)
				}
			}
			if !strings.Contains(string(res.Markdown), "# 以下字段由 gongkai import 推测，请核对：title, doc_number") {
				t.Errorf("no comment naming the guessed fields:\n%s", res.Markdown[:400])
			}
			b := body(t, res)
			for _, gone := range []string{"中共昆明市委文件", "★", "昆发〔2018〕14号\n", "（2018年8月22日）"} {
				if strings.Contains(b, gone) {
					t.Errorf("header line %q left in the body", gone)
				}
			}
			if !strings.HasPrefix(b, "为深入贯彻落实《中共中央、国务院") {
				t.Errorf("body starts with %q", b[:60])
			}
		})
	}
}

// The body converted from the seed is the body of the example page made by hand from it,
// byte for byte: paragraphs, the 附件 and the duty table.
func TestSeed002MatchesExamplePage(t *testing.T) {
	example, err := os.ReadFile("../../content/policies/2018-kunming-shequ-zhili.md")
	if err != nil {
		t.Skipf("example page: %v", err)
	}
	doc, err := frontmatter.Parse("example", example)
	if err != nil {
		t.Fatal(err)
	}
	res := convertFixture(t, seed002Docx(t, false))
	got := strings.Split(body(t, res), "\n")
	want := strings.Split(strings.TrimLeft(string(doc.Body), "\n"), "\n")
	for i := 0; i < len(got) || i < len(want); i++ {
		g, w := "(end)", "(end)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("line %d of the body:\n got %q\nwant %q", i+1, g, w)
		}
	}
}
