package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// gitRepo is a site folder under git in which a test commits files at chosen dates.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newGitRepo(t *testing.T, siteYAML string) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.write("site.yaml", siteYAML)
	git(t, r.dir, "2024-01-01T09:00:00+08:00", "init", "-q")
	return r
}

func (r *gitRepo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits every change with message at date and returns the short hash.
func (r *gitRepo) commit(date, message string) string {
	r.t.Helper()
	git(r.t, r.dir, date, "add", "-A")
	git(r.t, r.dir, date, "commit", "-q", "--allow-empty", "-m", message)
	out, err := exec.Command("git", "-C", r.dir, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		r.t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// Numbers and markers that were never public and must not reach any output file.
const (
	histID       = "11010519491231002X"
	histMobile   = "13987654321"
	histMsgPhone = "13711112222"
	histMsgID    = "320102198511204566"
	histUTF16ID  = "44030419900307123X" // in a UTF-16 revision
	histGBID     = "510107198808081234" // in a GB18030 revision, which the build refuses
)

var histMarkers = []string{
	"DRAFTYAML4410", "DRAFTTOML4411", "DRAFTJSON4412", "DRAFTCASE4413", "DRAFTCR4414",
	"FUTURE4420", "FUTURESPELL4421", "EXPIRED4430", "UNPUB4431", "MOVED4440", "BROKEN4450",
}

// historyLeakRepo commits, across 2024, every way a page's history used to publish what was
// never public: numbers masked in a later commit, drafts in each front matter format and key
// spelling, future and expired pages, a page moved out of a _drafts folder, broken front matter
// and commit messages holding numbers. It returns the short hashes by name.
func historyLeakRepo(t *testing.T, lang string) (*gitRepo, map[string]string) {
	r := newGitRepo(t, "title: 历史\nhistory: true\nlanguage: "+lang+"\n")
	h := map[string]string{}
	list := "---\ntitle: 低保名单\n---\n%s\n\n| 姓名 | 身份证号 | 电话 |\n|---|---|---|\n| 张三 | %s | %s |\n"
	fill := func(intro, id, phone string) string {
		return strings.Replace(strings.Replace(strings.Replace(list, "%s", intro, 1), "%s", id, 1), "%s", phone, 1)
	}

	// (a), (b): a list published clean, then with an ID and a mobile, then masked.
	r.write("content/lists/dibao.md", fill("名单待公布。", "（待定）", "（待定）"))
	h["list0"] = r.commit("2024-01-05T10:00:00+08:00", "名单待公布")
	r.write("content/lists/dibao.md", fill("名单如下。", histID, histMobile))
	h["list1"] = r.commit("2024-01-10T10:00:00+08:00", "公布名单")
	r.write("content/lists/dibao.md", fill("名单如下。", "110105********002X", "139****4321"))
	h["list2"] = r.commit("2024-01-11T10:00:00+08:00", "脱敏")
	r.write("content/lists/dibao.md", fill("名单如下，公示七天。", "110105********002X", "139****4321"))
	h["list3"] = r.commit("2024-01-12T10:00:00+08:00", "补充公示期")

	// (c): drafts in YAML, TOML, JSON, odd key spellings and CR-only line endings, then published.
	drafts := map[string]string{
		"yaml.md": "---\ntitle: 草稿\ndraft: true\n---\n内部讨论 DRAFTYAML4410\n",
		"toml.md": "+++\ntitle = \"草稿\"\nDraft = true\n+++\n内部讨论 DRAFTTOML4411\n",
		"json.md": "{\n  \"title\": \"草稿\",\n  \"DRAFT\": \"yes\"\n}\n内部讨论 DRAFTJSON4412\n",
		"case.md": "---\ntitle: 草稿\nDraft: True\n---\n内部讨论 DRAFTCASE4413\n",
		"cr.md":   "---\rtitle: 草稿\rdraft: true\r---\r内部讨论 DRAFTCR4414\r",
	}
	for name, text := range drafts {
		r.write("content/notices/"+name, text)
	}
	h["drafts"] = r.commit("2024-01-05T11:00:00+08:00", "起草")
	for name := range drafts {
		r.write("content/notices/"+name, "---\ntitle: 通知\n---\n正式通知。\n")
	}
	h["published"] = r.commit("2024-01-20T11:00:00+08:00", "发布通知")

	// (d): publishDate in the future at commit time, in two spellings; then published.
	r.write("content/notices/future.md", "---\ntitle: 预告\npublishDate: 2024-03-01\n---\n预告 FUTURE4420\n")
	r.write("content/notices/future2.md", "---\ntitle: 预告\npublish_date: 2024-03-01\n---\n预告 FUTURESPELL4421\n")
	r.commit("2024-02-01T10:00:00+08:00", "预先提交")
	r.write("content/notices/future.md", "---\ntitle: 预告\npublishDate: 2024-03-01\n---\n正式内容。\n")
	r.write("content/notices/future2.md", "---\ntitle: 预告\npublish_date: 2024-03-01\n---\n正式内容。\n")
	r.commit("2024-02-15T10:00:00+08:00", "改定")
	r.write("content/notices/future.md", "---\ntitle: 预告\npublishDate: 2024-03-01\n---\n正式内容，已上线。\n")
	h["future3"] = r.commit("2024-03-05T10:00:00+08:00", "上线后修改")

	// Committed after its expiry date, or past unpublish_after; then put back up without them.
	r.write("content/notices/expired.md", "---\ntitle: 过期\nexpiry_date: 2024-01-02\n---\n旧文 EXPIRED4430\n")
	r.write("content/notices/unpub.md", "---\ntitle: 撤下\nUnpublish_After: 2024-01-02\n---\n旧文 UNPUB4431\n")
	r.commit("2024-01-06T10:00:00+08:00", "过期后提交")
	r.write("content/notices/expired.md", "---\ntitle: 过期\n---\n新文。\n")
	r.write("content/notices/unpub.md", "---\ntitle: 撤下\n---\n新文。\n")
	r.commit("2024-01-07T10:00:00+08:00", "重新上线")

	// A page written in a _drafts folder (which the build skips), then moved into a section.
	long := strings.Repeat("第一条 本办法适用于全体村民。\n\n", 8)
	r.write("content/_drafts/moved.md", "---\ntitle: 搬家\n---\n"+long+"内部 MOVED4440\n")
	r.commit("2024-01-08T10:00:00+08:00", "草拟")
	r.write("content/_drafts/moved.md", "---\ntitle: 搬家\n---\n"+long)
	r.commit("2024-01-09T10:00:00+08:00", "定稿")
	git(t, r.dir, "2024-01-10T10:00:00+08:00", "mv", "content/_drafts/moved.md", "content/notices/moved.md")
	h["moved"] = r.commit("2024-01-10T10:00:00+08:00", "移入通知")

	// Front matter that cannot be read: the build refused it then, so it was never public.
	r.write("content/notices/broken.md", "---\ntitle: [未闭合\n---\n内容 BROKEN4450\n")
	r.commit("2024-01-13T10:00:00+08:00", "坏的")
	r.write("content/notices/broken.md", "---\ntitle: 修好\n---\n内容。\n")
	r.commit("2024-01-14T10:00:00+08:00", "修好")

	// An ID in a UTF-16 revision (scanned once decoded) and in a GB18030 one (never public:
	// the build refuses the encoding); both masked later.
	r.write("content/lists/utf16.md", "\xff\xfe"+utf16LE("---\r\ntitle: 名单\r\n---\r\n张三 "+histUTF16ID+"\r\n"))
	r.write("content/lists/gb.md", "---\ntitle: gb\n---\n\xd5\xc5\xc8\xfd "+histGBID+"\n")
	h["encodings"] = r.commit("2024-01-14T11:00:00+08:00", "其他编码")
	r.write("content/lists/utf16.md", "---\ntitle: 名单\n---\n张三 440304********123X\n")
	r.write("content/lists/gb.md", "---\ntitle: gb\n---\n张三 510107********1234\n")
	r.commit("2024-01-14T12:00:00+08:00", "改为 UTF-8 并脱敏")

	// (e): commit messages holding a mobile and an ID.
	r.write("content/lists/dibao.md", fill("名单如下，公示七天。咨询请来电。", "110105********002X", "139****4321"))
	h["msgPhone"] = r.commit("2024-01-15T10:00:00+08:00", "联系人张三 "+histMsgPhone)
	r.write("content/notices/yaml.md", "---\ntitle: 通知\n---\n正式通知，有修改。\n")
	h["msgID"] = r.commit("2024-01-16T10:00:00+08:00", "按 "+histMsgID+" 的要求修改")
	return r, h
}

func utf16LE(s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// readOutputs returns every file under dir, gzip-compressed ones decompressed, with the file
// names themselves.
func readOutputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return err
			}
			if b, err = io.ReadAll(zr); err != nil {
				return err
			}
		}
		out[p] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestHistoryPublishesOnlyWhatWasPublic(t *testing.T) {
	r, h := historyLeakRepo(t, "zh-CN")
	rep, err := Run(Options{Source: r.dir, Now: testNow, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	files := readOutputs(t, filepath.Join(r.dir, "public"))
	planted := append([]string{histID, histMobile, histMsgPhone, histMsgID, histUTF16ID, histGBID}, histMarkers...)
	for name, text := range files {
		for _, p := range planted {
			if strings.Contains(text, p) || strings.Contains(name, p) || strings.Contains(text, utf16LE(p)) {
				t.Errorf("%s publishes %s", name, p)
			}
		}
	}

	read := func(name string) string {
		t.Helper()
		text, ok := files[filepath.Join(r.dir, "public", filepath.FromSlash(name))]
		if !ok {
			t.Fatalf("no output file %s", name)
		}
		return text
	}
	notice := "此版本已撤回：含有个人信息"
	if page := read("lists/dibao/revisions/" + h["list1"] + "/index.html"); !strings.Contains(page, notice) {
		t.Errorf("the revision with the numbers is not replaced by the notice:\n%s", page)
	}
	masked := read("lists/dibao/revisions/" + h["list2"] + "/index.html")
	if !strings.Contains(masked, h["list0"]) || !strings.Contains(masked, "139****4321") {
		t.Errorf("the masking revision should be compared with %s, the last public one before the withheld one:\n%s", h["list0"], masked)
	}
	if page := read("lists/utf16/revisions/" + h["encodings"] + "/index.html"); !strings.Contains(page, notice) {
		t.Errorf("the UTF-16 revision with an ID is not replaced by the notice:\n%s", page)
	}
	if p := rep.Site.PageByURL("/lists/gb/"); p == nil || len(p.Revisions) != 1 {
		t.Errorf("gb.md should keep only its UTF-8 revision")
	}
	if !strings.Contains(read("lists/dibao/index.html"), notice) {
		t.Error("the page's revision list does not say the revision was withheld")
	}
	if !strings.Contains(read("changes/index.html"), "提交说明已撤回") {
		t.Error("最近更新 does not show the withheld commit message notice")
	}

	// Draft revisions are left out altogether, and the first public one is 首次发布.
	site := rep.Site.PageByURL("/notices/toml/")
	if site == nil || len(site.Revisions) != 1 || site.Revisions[0].Short != h["published"] || site.Revisions[0].Summary != "首次发布" {
		t.Errorf("toml.md should have one revision, %s 首次发布, got %+v", h["published"], site.Revisions)
	}
	if p := rep.Site.PageByURL("/notices/future/"); p == nil || len(p.Revisions) != 1 || p.Revisions[0].Short != h["future3"] {
		t.Errorf("future.md should keep only the revision committed after its publish date")
	}
	if p := rep.Site.PageByURL("/notices/moved/"); p == nil || len(p.Revisions) != 1 || p.Revisions[0].Short != h["moved"] {
		t.Errorf("moved.md should keep only the revision committed in a folder the build reads")
	}

	// The build (and so check) names each withheld revision and message, with its line.
	warnings := strings.Join(rep.Warnings, "\n")
	for _, want := range []string{
		"dibao.md: 修订 " + h["list1"] + "（2024-01-10）", "第 8 行", "（该版本共 2 处）", "filter-repo --replace-text",
		"修订 " + h["msgPhone"] + "（2024-01-15）的提交说明", "修订 " + h["msgID"] + "（2024-01-16）的提交说明", "--replace-message",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
	for _, p := range planted {
		if strings.Contains(warnings, p) {
			t.Errorf("a warning prints %s", p)
		}
	}
	if n := strings.Count(warnings, h["msgPhone"]); n != 1 {
		t.Errorf("the commit message of %s is reported %d times, want once", h["msgPhone"], n)
	}
}

func TestHistoryWithheldNoticeInEnglish(t *testing.T) {
	r, h := historyLeakRepo(t, "en")
	rep, err := Run(Options{Source: r.dir, Now: testNow, Workers: 2, NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(r.dir, "public", "lists", "dibao", "revisions", h["list1"], "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "revision withheld: it held personal data") {
		t.Errorf("no English notice:\n%s", page)
	}
	warnings := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(warnings, "revision "+h["list1"]+" (2024-01-10) held personal data") || !strings.Contains(warnings, "line 8 column") {
		t.Errorf("no English warning naming the revision and line:\n%s", warnings)
	}
}

// Past maxRevisions revisions are listed without a page, but the oldest revision with a page
// still needs a clean base: a withheld one just past the cap is skipped over, not diffed.
func TestHistoryWithheldPastTheCap(t *testing.T) {
	r := newGitRepo(t, "title: 历史\nhistory: true\n")
	var hashes []string // oldest first
	for i := 0; i < maxRevisions+3; i++ {
		body := "第一条 本村低保名单如下。\n\n修订第 " + string(rune('A'+i)) + " 次。\n"
		if i == 2 {
			body += "\n张三 " + histID + "\n"
		}
		r.write("content/lists/long.md", "---\ntitle: 长\n---\n"+body)
		hashes = append(hashes, r.commit(fmt.Sprintf("2024-02-%02dT10:00:00+08:00", i+1), "第 "+string(rune('A'+i))+" 次"))
	}
	rep, err := Run(Options{Source: r.dir, Now: testNow, Workers: 2, NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range readOutputs(t, filepath.Join(r.dir, "public")) {
		if strings.Contains(text, histID) {
			t.Errorf("%s publishes the ID", name)
		}
	}
	p := rep.Site.PageByURL("/lists/long/")
	if p == nil || len(p.Revisions) != maxRevisions+3 {
		t.Fatalf("want %d revisions listed", maxRevisions+3)
	}
	// Newest first: index maxRevisions-1 is hashes[3], whose predecessor hashes[2] holds the ID.
	last := p.Revisions[maxRevisions-1]
	if last.Short != hashes[3] || !strings.Contains(string(last.Diff), hashes[1]) || !strings.Contains(last.Summary, hashes[1]) {
		t.Errorf("revision %s should be compared with %s, skipping the withheld %s: %q\n%s", last.Short, hashes[1], hashes[2], last.Summary, last.Diff)
	}
	if p.Revisions[maxRevisions].URL != "" {
		t.Error("revisions past the cap should have no page")
	}
}

func TestReadPath(t *testing.T) {
	for p, want := range map[string]bool{
		"content/a.md":               true,
		"content/_index.md":          true,
		"content/lists/_index.md":    true,
		"content/lists/a.md":         true,
		"content/_drafts/a.md":       false,
		"content/lists/_old/a.md":    false,
		"content/.git/a.md":          false,
		"content/lists/.a.md":        false,
		"content/lists/a.md~":        false,
		"content/lists/a.MD":         false,
		"content/lists/a.txt":        false,
		"drafts/a.md":                false,
		"contents/a.md":              false,
		"content/lists/a.md/b":       false,
		"content/lists/x_y/a.md":     true,
		"content/lists/.hidden/a.md": false,
	} {
		if got := readPath(p); got != want {
			t.Errorf("readPath(%q) = %v, want %v", p, got, want)
		}
	}
}
