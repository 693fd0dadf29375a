package duty

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/gongkai/gongkai/internal/seedtest"

	"go.yaml.in/yaml/v3"
)

// readSeed reads a seed document, or skips the test.
func readSeed(t testing.TB, prefix string) string { return seedtest.Read(t, prefix) }

// table002 extracts 附件2 of seed 002. The seed lays the table out as blocks separated by blank
// lines, one tab-indented line per cell; the header block is followed by the note
// "(列第一位的为牵头单位)", which is kept in the 责任单位 header cell as a Markdown table would.
func table002(t testing.TB) (header []string, rows [][]string) {
	t.Helper()
	text := readSeed(t, "002")
	start := strings.Index(text, "\t序号\n")
	if start < 0 {
		t.Fatal("seed 002: table header 序号 not found")
	}
	for _, block := range strings.Split(text[start:], "\n\n") {
		var cells []string
		note := ""
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "\t"):
				cells = append(cells, strings.TrimSpace(line))
			case strings.TrimSpace(line) != "":
				note += strings.TrimSpace(line)
			}
		}
		if len(cells) == 0 {
			continue
		}
		if header == nil {
			cells[len(cells)-1] += note
			header = cells
			continue
		}
		rows = append(rows, cells)
	}
	return header, rows
}

// paragraphs001 returns the non-empty lines of seed 001: each holds one paragraph (or a piece of
// one, where the conversion broke a paragraph over several lines).
func paragraphs001(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(readSeed(t, "001"), "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

func seedRegistry(t testing.TB) *Registry {
	t.Helper()
	data, err := os.ReadFile("testdata/seed_departments.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Departments []Department `yaml:"departments"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&file); err != nil {
		t.Fatalf("testdata/seed_departments.yaml: %v", err)
	}
	r, err := NewRegistry(file.Departments)
	if err != nil {
		t.Fatalf("testdata/seed_departments.yaml: %v", err)
	}
	return r
}

func TestSeed002DutyTable(t *testing.T) {
	header, rows := table002(t)
	reg := seedRegistry(t)
	for _, leadFirst := range []bool{true, false} { // false: the header note alone must turn it on
		tasks, ok := FromTable(header, rows, leadFirst)
		if !ok {
			t.Fatalf("header %q not recognised", header)
		}
		if len(tasks) != 45 {
			t.Fatalf("got %d tasks, want 45", len(tasks))
		}
		leads, appears := 0, 0
		for i, tk := range tasks {
			if tk.Number != strconv.Itoa(i+1) || tk.Text == "" || len(tk.Units) == 0 {
				t.Errorf("task %d incomplete: %+v", i+1, tk)
			}
			if !tk.Units[0].Lead {
				t.Errorf("task %s: first unit %q should lead", tk.Number, tk.Units[0].Name)
			}
			for _, u := range tk.Units {
				if u.Clause {
					continue
				}
				d, ok := reg.Resolve(u.Name)
				if !ok {
					t.Errorf("task %s: %q not in the seed registry", tk.Number, u.Name)
					continue
				}
				if d.Name == "市民政局" {
					appears++
					if u.Lead {
						leads++
					}
				}
			}
		}
		if leads != 19 || appears != 33 || appears-leads != 14 {
			t.Errorf("市民政局 leads %d and appears in %d tasks (%d as participant); want 19, 33, 14", leads, appears, appears-leads)
		}
		if u := tasks[3].Units; len(u) != 2 || u[0].Name != "市委编办" || !u[1].Clause || u[1].Name != "各有关部门参与" {
			t.Errorf("task 4 units: %+v", u)
		}
	}
}

func TestSeed001Annotations(t *testing.T) {
	paras := paragraphs001(t)
	reg := seedRegistry(t)
	var all []Annotation
	for _, p := range paras {
		for _, a := range FindAnnotations(p, false) {
			if a.TaskText == "" {
				t.Errorf("annotation %q has no task text", p[a.Start:a.End])
			}
			for _, u := range a.Units {
				if _, ok := reg.Resolve(u.Name); !u.Clause && !ok {
					t.Errorf("%q not in the seed registry", u.Name)
				}
			}
			all = append(all, a)
		}
	}
	if len(all) != 59 {
		t.Fatalf("found %d annotations, want 59", len(all))
	}
	spot := []struct {
		i     int
		text  string // prefix of TaskText
		units string
	}{
		{0, "以乡镇(街道)、城乡社区党组织为核心", "市委组织部"},
		{8, "加强城乡社区党风廉政建设", "市纪委 市农委"},
		{15, "推动学校普及社区知识", "市教育局"},
		{17, "以县市区为主编制城乡社区公共服务指导目录", "*市民政局 各相关单位参与"},
		{23, "积极发展社区教育", "*市教育局 市民政局 市科技局 市财政局 市人力资源和社会保障局 市文体广电新闻出版局 团市委 市科协"},
		{56, "加快建立城乡社区治理标准体系", "*市民政局 *市质监局 各相关部门参与"},
		{58, "充分发挥报刊、广播、电视等新闻媒体", "市委宣传部"},
	}
	for _, s := range spot {
		a := all[s.i]
		var names []string
		for _, u := range a.Units {
			n := u.Name
			if u.Lead {
				n = "*" + n
			}
			names = append(names, n)
		}
		if !strings.HasPrefix(a.TaskText, s.text) || strings.Join(names, " ") != s.units {
			t.Errorf("annotation %d: %q %v; want text starting %q and units %q", s.i+1, a.TaskText, names, s.text, s.units)
		}
	}
}

func TestSeedDepartmentsResolveAliases(t *testing.T) {
	reg := seedRegistry(t)
	for alias, name := range map[string]string{
		"市住建局": "市住房城乡建设局", "市发改委": "市发展改革委", "市人力资源和社会保障局": "市人力资源社会保障局",
		"市编办": "市委编办", "市网信办": "市委网信办", "市卫计委": "市卫生计生委", "市安监局": "市安全监管局", "市环保局": "市环境保护局",
	} {
		if d, ok := reg.Resolve(alias); !ok || d.Name != name {
			t.Errorf("Resolve(%q) = %q, %v; want %q", alias, d.Name, ok, name)
		}
	}
	for _, d := range reg.Departments() {
		if d.Level != "市" || d.Slug == "" || strings.ContainsFunc(d.Slug, func(r rune) bool { return r > unicode.MaxASCII }) {
			t.Errorf("%s: level %q slug %q; want level 市 and an ASCII slug", d.Name, d.Level, d.Slug)
		}
	}
}
