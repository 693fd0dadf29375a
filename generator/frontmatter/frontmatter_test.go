package frontmatter

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"go.yaml.in/yaml/v3"
)

// utf16Bytes encodes s as UTF-16 with or without a byte order mark.
func utf16Bytes(s string, bigEndian, bom bool) string {
	var out []byte
	put := func(u uint16) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	if bom {
		put(0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return string(out)
}

// tomlKeys writes n keys k0 = 1 … separated by sep, or one a line when sep is "".
func tomlKeys(n int, sep string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if sep == "" {
			fmt.Fprintf(&b, "k%d = 1\n", i)
			continue
		}
		if i > 0 {
			b.WriteString(sep)
		}
		fmt.Fprintf(&b, "k%d = 1", i)
	}
	return b.String()
}

const draftYAML = "---\ntitle: 草稿\ndraft: true\n---\n正文\n"

func TestParse(t *testing.T) {
	tests := []struct {
		name, src  string
		wantFormat string
		wantDraft  string // value of the draft key, "" when absent
		wantBody   string
		wantBodyLn int
		wantErr    string // substring of the error; "" when none is expected
	}{
		{name: "no front matter", src: "# 标题\n正文\n", wantBody: "# 标题\n正文\n", wantBodyLn: 1},
		{name: "yaml", src: draftYAML, wantFormat: YAML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "BOM and CRLF", src: "\ufeff---\r\ntitle: 通知\r\ndraft: true\r\n---\r\n正文\r\n", wantFormat: YAML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "CR only", src: "---\rtitle: 通知\rdraft: true\r---\r正文\r", wantFormat: YAML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "mixed line endings", src: "---\r\ntitle: 通知\rdraft: true\n---\r正文", wantFormat: YAML, wantDraft: "true", wantBody: "正文", wantBodyLn: 5},
		{name: "empty front matter", src: "---\n---\n正文\n", wantFormat: YAML, wantBody: "正文\n", wantBodyLn: 3},
		{name: "yaml dots close", src: "---\ntitle: a\n...\nb\n", wantFormat: YAML, wantBody: "b\n", wantBodyLn: 4},
		{name: "blank lines before front matter", src: "\n  \n---\ndraft: true\n---\nb\n", wantFormat: YAML, wantDraft: "true", wantBody: "b\n", wantBodyLn: 6},
		{name: "dashes later are body", src: "正文\n---\ntitle: x\n---\n", wantBody: "正文\n---\ntitle: x\n---\n", wantBodyLn: 1},
		{name: "spaces after delimiter", src: "--- \t\ndraft: true\n---  \nb", wantFormat: YAML, wantDraft: "true", wantBody: "b", wantBodyLn: 4},

		{name: "toml", src: "+++\ntitle = \"草稿\"\ndraft = true\n+++\n正文\n", wantFormat: TOML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "toml CRLF", src: "+++\r\ndraft = true\r\n+++\r\n正文\r\n", wantFormat: TOML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 4},
		{name: "toml empty", src: "+++\n+++\nb", wantFormat: TOML, wantBody: "b", wantBodyLn: 3},
		{name: "toml key spelling", src: "+++\nDraft = true\n+++\nb", wantFormat: TOML, wantDraft: "true", wantBody: "b", wantBodyLn: 4},
		{name: "json", src: "{\n  \"title\": \"草稿\",\n  \"draft\": true\n}\n正文\n", wantFormat: JSON, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "json one line", src: "{\"draft\": true}\n正文", wantFormat: JSON, wantDraft: "true", wantBody: "正文", wantBodyLn: 2},
		{name: "json CR only", src: "{\r\"draft\": true\r}\r正文", wantFormat: JSON, wantDraft: "true", wantBody: "正文", wantBodyLn: 4},

		{name: "utf-16 LE with BOM", src: utf16Bytes(draftYAML, false, true), wantFormat: YAML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "utf-16 BE with BOM", src: utf16Bytes(draftYAML, true, true), wantFormat: YAML, wantDraft: "true", wantBody: "正文\n", wantBodyLn: 5},
		{name: "utf-16 LE CRLF toml", src: utf16Bytes("+++\r\ndraft = true\r\n+++\r\n正文", false, true), wantFormat: TOML, wantDraft: "true", wantBody: "正文", wantBodyLn: 4},

		{name: "Draft", src: "---\nDraft: true\n---\n", wantFormat: YAML, wantDraft: "true", wantBodyLn: 4},
		{name: "DRAFT", src: "---\nDRAFT: true\n---\n", wantFormat: YAML, wantDraft: "true", wantBodyLn: 4},

		// Encodings that cannot be read for sure.
		{name: "utf-16 LE without BOM", src: utf16Bytes(draftYAML, false, false), wantErr: "p.md:1: 文件含有 NUL 字节，编码看来是 UTF-16 LE（没有 BOM）"},
		{name: "utf-16 BE without BOM", src: utf16Bytes(draftYAML, true, false), wantErr: "UTF-16 BE（没有 BOM）"},
		{name: "utf-16 Chinese only without BOM", src: utf16Bytes("草稿正文", false, false), wantErr: "p.md:1: 文件不是有效的 UTF-8"},
		{name: "utf-16 odd length", src: utf16Bytes(draftYAML, false, true) + "x", wantErr: "长度为奇数"},
		{name: "utf-16 lone surrogate", src: "\xff\xfe-\x00\n\x00\x00\xd8a\x00", wantErr: "代理项"},
		{name: "utf-32", src: "\xff\xfe\x00\x00-\x00\x00\x00", wantErr: "UTF-32"},
		{name: "gb18030", src: "---\ntitle: \xb2\xdd\xb8\xe5\ndraft: true\n---\n", wantErr: "p.md:2: 文件编码看来是 GB18030/GBK"},
		{name: "invalid utf-8", src: "---\ntitle: a\n---\nb\xff\xfe\xfd\n", wantErr: "p.md:4: 文件不是有效的 UTF-8"},
		{name: "binary", src: "abc\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", wantErr: "看来不是文本文件"},
		{name: "BOM then invalid", src: "\ufeff---\n\xc3\n---\n", wantErr: "p.md:2: 文件不是有效的 UTF-8"},

		// Front matter that starts but cannot be read.
		{name: "never closed", src: "---\ntitle: 通知\n正文\n", wantErr: "p.md:1: front matter 以 --- 开始但没有结束"},
		{name: "toml never closed", src: "+++\ndraft = true\n", wantErr: "p.md:1: front matter 以 +++ 开始但没有结束"},
		{name: "bad yaml", src: "---\ntitle: 通知\nwritten: [2024\n---\n", wantErr: "p.md:3:"},
		{name: "bad mapping", src: "---\ntitle: a\n  x: b\n---\n", wantErr: "p.md:3:"},
		{name: "not a mapping", src: "---\n- a\n- b\n---\n", wantErr: "p.md:2: front matter 应为"},
		{name: "yaml written as toml", src: "---\ndraft = true\n---\n", wantErr: "p.md:2: front matter 应为"},
		{name: "bad toml", src: "+++\ntitle = \"a\"\ndraft: true\n+++\n", wantErr: "p.md:3: TOML front matter"},
		{name: "toml duplicate key", src: "+++\ndraft = false\ndraft = true\n+++\n", wantErr: "p.md:3: TOML"},
		{name: "toml written as yaml", src: "+++\ndraft: true\n+++\n", wantErr: "p.md:2: TOML"},
		{name: "toml crowded table", src: "+++\n" + strings.Repeat("k = 1\n", 1) + tomlKeys(1001, "") + "+++\n", wantErr: "p.md:1002: TOML front matter 的一个表中超过 1000 个键"},
		{name: "toml crowded inline table", src: "+++\nt = {" + tomlKeys(1001, ",") + "}\n+++\n", wantErr: "p.md:2: TOML front matter 的一个表中超过"},
		{name: "toml crowded nested inline table", src: "+++\nt = [{a = {" + tomlKeys(1001, ",") + "}}]\n+++\n", wantErr: "p.md:2: TOML front matter 的一个表中超过"},
		{name: "toml 1000 keys", src: "+++\n" + tomlKeys(1000, "") + "+++\n", wantFormat: TOML, wantBodyLn: 1003},
		{name: "bad json", src: "{\n\"title\": \"a\",\n\"draft\": tru\n}\n", wantErr: "p.md:3: JSON front matter"},
		{name: "json never closed", src: "{\n\"draft\": true\n正文\n", wantErr: "JSON front matter"},
		{name: "json not closed at all", src: "{\"draft\": true", wantErr: "缺少 }"},
		{name: "json duplicate key", src: "{\"draft\": true, \"draft\": false}\n", wantErr: "重复"},
		{name: "json array", src: "[1]\n", wantBody: "[1]\n", wantBodyLn: 1},
		{name: "json too deep", src: strings.Repeat("{\"a\":", 200) + "1" + strings.Repeat("}", 200), wantErr: "嵌套"},
		{name: "opening delimiter missing", src: "title: 通知\ndraft: true\n---\n正文\n", wantErr: "p.md:1: 文件以 title: 通知 开头"},
		{name: "opening delimiter missing toml", src: "\ndraft = true\n+++\n", wantErr: "p.md:2: 文件以 draft = true 开头"},

		// Keys: two spellings of one key, and near misses of the keys that hold a page back.
		{name: "two spellings", src: "---\ndraft: false\nDraft: true\n---\n", wantErr: "p.md:3: 键 Draft 与第 2 行的 draft 是同一个键"},
		{name: "publishdate twice", src: "---\npublishDate: 2030-01-01\npublish_date: 2020-01-01\n---\n", wantErr: "p.md:3:"},
		{name: "drafts", src: "---\ntitle: a\ndrafts: true\n---\n", wantErr: "p.md:3: 不认识的键 drafts：是 draft 吗？"},
		{name: "pubishDate", src: "---\npubishDate: 2030-01-01\n---\n", wantErr: "p.md:2: 不认识的键 pubishDate：是 publishDate 吗？"},
		{name: "expiry-date", src: "---\nexpiry-date: 2020-01-01\n---\n", wantErr: "是 expiryDate 吗？"},
		{name: "expiry date", src: "+++\n\"expiry date\" = 2020-01-01\n+++\n", wantErr: "p.md:2: 不认识的键 expiry date：是 expiryDate 吗？"},
		{name: "unpublish-after", src: "---\nunpublish-after: 2020-01-01\n---\n", wantErr: "是 unpublish_after 吗？"},
		{name: "unpublish_afer", src: "---\nunpublish_afer: 2020-01-01\n---\n", wantErr: "是 unpublish_after 吗？"},
		{name: "dates", src: "---\ndates: 2030-01-01\n---\n", wantErr: "是 date 吗？"},
		{name: "dtae", src: "---\ndtae: 2030-01-01\n---\n", wantErr: "是 date 吗？"},
		{name: "json drfat", src: "{\n\"drfat\": true\n}\n", wantErr: "p.md:2: 不认识的键 drfat：是 draft 吗？"},
		{name: "toml expirydat", src: "+++\ntitle = \"a\"\nexpirydat = 2020-01-01\n+++\n", wantErr: "p.md:3: 不认识的键 expirydat：是 expiryDate 吗？"},
		{name: "full-width draft", src: "---\nｄｒａｆｔ: true\n---\n", wantErr: "p.md:2: 不认识的键 ｄｒａｆｔ：是 draft 吗？"},
		{name: "zero-width space in draft", src: "---\ndr\u200baft: true\n---\n", wantErr: "是 draft 吗？"},
		{name: "Cyrillic a in draft", src: "---\ndr\u0430ft: true\n---\n", wantErr: "是 draft 吗？"},
		{name: "merge key", src: "---\nbase: &b {draft: true}\n<<: *b\n---\n", wantErr: "p.md:3: front matter 不支持合并键"},
		{name: "quoted << is a plain key", src: "---\n\"<<\": x\n---\n", wantFormat: YAML, wantBodyLn: 4},
		{name: "data is a param", src: "---\ndata: x\nrate: 3\n---\n", wantFormat: YAML, wantBodyLn: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("p.md", []byte(tt.src))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.wantFormat {
				t.Errorf("format = %q, want %q", doc.Format, tt.wantFormat)
			}
			var draft string
			if n := lookup(doc.Meta, "draft"); n != nil {
				draft = n.Value
			}
			if draft != tt.wantDraft {
				t.Errorf("draft = %q, want %q", draft, tt.wantDraft)
			}
			if string(doc.Body) != tt.wantBody || doc.BodyLine != tt.wantBodyLn {
				t.Errorf("body = %q line %d, want %q line %d", doc.Body, doc.BodyLine, tt.wantBody, tt.wantBodyLn)
			}
			if strings.ContainsAny(string(doc.Text), "\r\x00\ufeff") {
				t.Errorf("Text keeps a CR, NUL or BOM: %q", doc.Text)
			}
		})
	}
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// TestSpellings checks that every spelling Hugo users write reaches the decoders as the
// documented key.
func TestSpellings(t *testing.T) {
	for _, tt := range []struct{ written, want string }{
		{"Draft", "draft"}, {"DRAFT", "draft"}, {"Title", "title"},
		{"publishDate", "publishDate"}, {"publishdate", "publishDate"}, {"publish_date", "publishDate"}, {"PublishDate", "publishDate"}, {"pubdate", "publishDate"},
		{"expiryDate", "expiryDate"}, {"expirydate", "expiryDate"}, {"expiry_date", "expiryDate"}, {"unpublishdate", "expiryDate"},
		{"unpublish_after", "unpublish_after"}, {"unpublishAfter", "unpublish_after"}, {"UNPUBLISH_AFTER", "unpublish_after"},
		{"docNumber", "doc_number"}, {"DOC_NUMBER", "doc_number"}, {"lastMod", "lastmod"}, {"Responsible", "responsible"},
		{"unknown_key", ""}, {"expiry-date", ""},
	} {
		if got := Canonical(tt.written); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.written, got, tt.want)
		}
	}
	// Two documented keys must never fold together.
	seen := map[string]string{}
	for _, keys := range Keys {
		for _, k := range keys {
			if other, ok := seen[fold(k)]; ok && other != k {
				t.Errorf("%s and %s fold to one spelling", k, other)
			}
			seen[fold(k)] = k
		}
	}
}

// TestLines checks that keys of every format carry the line of the file they are on, so that
// errors about them point at the right place.
func TestLines(t *testing.T) {
	for _, tt := range []struct{ name, src string }{
		{"yaml", "---\ntitle: a\n\ndoc_number: x\nnotice:\n  start: 2024-01-01\n---\n"},
		{"toml", "+++\ntitle = \"a\"\n\ndoc_number = \"x\"\n[notice]\nstart = 2024-01-01\n+++\n"},
		{"json", "{\n\"title\": \"a\",\n\n\"doc_number\": \"x\",\n\"notice\": {\n  \"start\": \"2024-01-01\"}\n}\n"},
		{"json after blank lines", "\n\n{\"title\": \"a\",\n\"doc_number\": \"x\",\n\"notice\": {\n  \"start\": \"2024-01-01\"}}\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("p.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			fileLine := func(n *yaml.Node) int { return doc.MetaLine + n.Line - 1 }
			want := map[string]int{"title": 2, "doc_number": 4, "notice": 5}
			if tt.name == "json after blank lines" {
				want = map[string]int{"title": 3, "doc_number": 4, "notice": 5}
			}
			var order []string
			for i := 0; i+1 < len(doc.Meta.Content); i += 2 {
				k := doc.Meta.Content[i]
				order = append(order, k.Value)
				if w, ok := want[k.Value]; ok && fileLine(k) != w {
					t.Errorf("%s on line %d, want %d", k.Value, fileLine(k), w)
				}
			}
			if strings.Join(order, ",") != "title,doc_number,notice" {
				t.Errorf("keys in order %v", order)
			}
			start := lookup(lookup(doc.Meta, "notice"), "start")
			if start == nil || fileLine(start) != 6 || !strings.HasPrefix(start.Value, "2024-01-01") {
				t.Errorf("notice.start = %+v", start)
			}
		})
	}
}

// TestTOMLTypes checks that TOML values arrive with the tags the typed decoders test for.
func TestTOMLTypes(t *testing.T) {
	src := "+++\ns = \"02370700000\"\ni = 612\nf = 0.5\nb = true\nd = 2024-05-06\ndt = 2024-05-06T08:00:00+08:00\nl = [\"a\", \"b\"]\n[[comments]]\nopinion = \"x\"\n[[comments]]\nopinion = \"y\"\n+++\n"
	doc, err := Parse("p.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"s": "!!str 02370700000", "i": "!!int 612", "f": "!!float 0.5", "b": "!!bool true",
		"d": "!!timestamp 2024-05-06", "dt": "!!timestamp 2024-05-06T08:00:00+08:00"} {
		n := lookup(doc.Meta, key)
		if n == nil || n.Tag+" "+n.Value != want {
			t.Errorf("%s = %+v, want %s", key, n, want)
		}
	}
	c := lookup(doc.Meta, "comments")
	if c == nil || c.Kind != yaml.SequenceNode || len(c.Content) != 2 || lookup(c.Content[1], "opinion").Line != 11 || lookup(c.Content[1], "opinion").Value != "y" {
		t.Fatalf("comments = %+v", c)
	}
}

func TestUnknown(t *testing.T) {
	doc, err := Parse("p.md", []byte("---\ntitle: a\ndoc_numbr: x\npublised: 2024-01-01\ntags: [a]\nVillage: x\nzzz: 1\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := Unknown(doc.Meta, "policy", "tags")
	want := []UnknownKey{{"doc_numbr", 2, "doc_number"}, {"publised", 3, "published"}, {"village", 5, ""}, {"zzz", 6, ""}}
	if len(got) != len(want) {
		t.Fatalf("Unknown = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Unknown[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if u := Unknown(doc.Meta, "disclosure", "tags"); len(u) != 3 {
		t.Errorf("disclosure: %+v", u)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"---\ntitle: a\n---\nb", "---\n: :\n---", "---\n[\n---", "---\n", "正文", "---\na: &x [*x]\n---\n",
		"+++\na = 1\n[b]\nc = [1, {d = 2}]\n[[e]]\nf = 1\n+++\n", "{\"a\": [1, {\"b\": null}]}\nbody", "\r---\rdraft: true\r---\r",
		utf16Bytes(draftYAML, false, true), utf16Bytes(draftYAML, true, false), "\xb2\xdd\xb8\xe5", "{", "+++\n+++", "draft: x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Parse("f.md", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil document without error")
		}
		if doc.Meta != nil {
			if doc.Meta.Kind != yaml.MappingNode {
				t.Fatalf("meta is not a mapping: %v", doc.Meta.Kind)
			}
			// No spelling of a guarded key may slip past: after Parse, a key that folds to
			// draft is spelled draft.
			for i := 0; i+1 < len(doc.Meta.Content); i += 2 {
				k := doc.Meta.Content[i].Value
				if c := Canonical(k); c != "" && c != k {
					t.Fatalf("key %q not canonical (%q)", k, c)
				}
				if nearGuarded(k) != "" && Canonical(k) == "" {
					t.Fatalf("near miss %q passed", k)
				}
			}
		}
		if doc.Format == "" && doc.Meta != nil {
			t.Fatal("meta without a format")
		}
	})
}
