package platform

import (
	"encoding/xml"
	"errors"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/spf13/afero"
)

func TestPortalPages(t *testing.T) {
	p := newTestPlatform(t, "")
	rep := p.mustBuild()
	if got := statuses(rep); got != "shequ=built xian=built zhen=built" {
		t.Fatalf("first build: %s", got)
	}
	// Each site is a complete site under its name, with its address on the platform, and its
	// links point into its folder.
	p.contains("xian/index.html", "某某县人民政府", `href="/xian/css/style.css?v=`, `href="/xian/policies/2026-1/"`, `action="/xian/search/"`)
	p.lacks("xian/index.html", `href="/css/`, `href="/policies/`)
	p.contains("xian/policies/2026-1/index.html", `href="/xian/departments/minzheng/"`)
	p.contains("xian/index.xml", "https://www.example.gov.cn/xian/policies/2026-1/")
	// The portal lists every site with its title, link and last update.
	p.contains("index.html", `href="xian/">某某县人民政府</a>`, `href="zhen/">某某镇人民政府</a>`,
		`href="shequ/">某某社区居务公开</a>`, "最近更新 2026-11-02", "最近更新 2026-11-18")
	// 最近更新 across sites, newest first.
	updates := p.file("updates/index.html")
	order := []string{"2026年第三季度", "2026年11月低保", "落实社区服务体系", "最低生活保障", "城乡社区服务体系建设实施方案", "第二季度"}
	last := -1
	for _, w := range order {
		i := strings.Index(updates, w)
		if i < 0 || i < last {
			t.Errorf("updates/index.html: %q missing or out of order", w)
		}
		last = i
	}
	if !strings.Contains(updates, `href="../zhen/policies/2026-3/"`) {
		t.Errorf("updates/index.html links pages relative to itself:\n%s", updates)
	}
	// Disclosures on notice today, from every site; an ended one is not.
	p.contains("notices/index.html", "某某镇2026年11月低保对象公示", "某某社区2026年第三季度财务收支公开", "公示期 2026-11-18–2026-11-25")
	p.lacks("notices/index.html", "第二季度")
	notices := p.file("notices/index.html")
	if strings.Index(notices, "低保") > strings.Index(notices, "第三季度") {
		t.Errorf("notices: the one ending first comes first")
	}
	// Departments of the shared registry, across sites, under the registry's name.
	p.contains("departments/index.html", "某某县住房和城乡建设局", "2 个站点", "某某镇社会事务办公室")
	p.contains("departments/zhujian/index.html", "某某县人民政府", "某某镇人民政府",
		`href="../../zhen/policies/2026-3/"`, `href="../../xian/departments/zhujian/"`)
	p.contains("departments/minzheng/index.html", "牵头 0 项 · 参与 3 项", "某某县最低生活保障审核确认办法")
	// Feeds: RSS and Atom with absolute links, each item naming its site.
	var rss struct {
		Items []struct {
			Link     string `xml:"link"`
			Category string `xml:"category"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(p.file("index.xml")), &rss); err != nil {
		t.Fatal(err)
	}
	if len(rss.Items) != 6 || rss.Items[0].Link != "https://www.example.gov.cn/shequ/disclosures/2026-q3/" || rss.Items[0].Category != "某某社区居务公开" {
		t.Errorf("index.xml items: %+v", rss.Items)
	}
	var atom struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Updated string   `xml:"updated"`
		Entries []struct {
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(p.file("atom.xml")), &atom); err != nil {
		t.Fatal(err)
	}
	if len(atom.Entries) != 6 || atom.Updated != "2026-11-20T00:00:00+08:00" || atom.Entries[5].ID != "https://www.example.gov.cn/shequ/disclosures/2026-q2/" {
		t.Errorf("atom.xml: %+v", atom)
	}
	p.contains("sites.json", `"url": "https://www.example.gov.cn/zhen/"`, `"notices": 1`)
	p.contains("css/style.css", ".panel")
}

func TestOneEditRebuildsOneSite(t *testing.T) {
	p := newTestPlatform(t, "")
	p.mustBuild()
	rep := p.mustBuild()
	if got := statuses(rep); got != "shequ=unchanged xian=unchanged zhen=unchanged" {
		t.Errorf("a second build with no change: %s", got)
	}
	if len(rep.Portal.Written) != 0 {
		t.Errorf("nothing changed, yet the portal rewrote %v", rep.Portal.Written)
	}
	p.write(`
-- sites/zhen/content/policies/2026-3.md --
---
title: 某某镇落实社区服务体系建设工作方案（修订）
type: policy
doc_number: 某镇发〔2026〕3号
published: 2026-11-12
---
一、配合建设社区服务中心。（责任单位：镇社会事务办、县住建局）
`)
	rep = p.mustBuild()
	if got := statuses(rep); got != "shequ=unchanged xian=unchanged zhen=built" {
		t.Errorf("after editing one file of zhen: %s", got)
	}
	if rep.Sites[2].Why != "有改动" {
		t.Errorf("why zhen was built: %q", rep.Sites[2].Why)
	}
	p.contains("updates/index.html", "工作方案（修订）")
	p.contains("zhen/policies/2026-3/index.html", "工作方案（修订）")
	// The shared registry is an input of every site.
	p.write("-- departments.yaml --\n- {name: 某某县民政局, aliases: [县民政局], slug: minzheng}\n")
	if got := statuses(p.mustBuild()); got != "shequ=built xian=built zhen=built" {
		t.Errorf("after editing the shared registry: %s", got)
	}
	if got := statuses(p.mustBuild(func(o *Options) { o.Force = true })); got != "shequ=built xian=built zhen=built" {
		t.Errorf("--force: %s", got)
	}
}

func TestScheduledChangeRebuildsSite(t *testing.T) {
	p := newTestPlatform(t, `
-- sites/shequ/content/disclosures/later.md --
---
title: 下月公布的名单LATER
type: disclosure
responsible: 某某社区居民委员会
village: 某某社区
category: 低保
date: 2026-12-01
publishDate: 2026-12-01
notice: {start: 2026-12-01, end: 2026-12-10}
---
名单
`)
	p.mustBuild()
	p.lacks("updates/index.html", "LATER")
	rep := p.mustBuild(func(o *Options) { o.Now = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC) })
	// zhen's 低保 list left notice on 11-26, which its pages show: built again too.
	if got := statuses(rep); got != "shequ=built xian=unchanged zhen=built" {
		t.Errorf("after the publish date of a shequ page: %s", got)
	}
	if !strings.HasPrefix(rep.Sites[0].Why, "到了预定的变化时间") {
		t.Errorf("why: %q", rep.Sites[0].Why)
	}
	p.contains("updates/index.html", "LATER")
	p.contains("notices/index.html", "LATER")
	p.lacks("notices/index.html", "低保对象公示") // ended 11-25
}

func TestBrokenSiteKeepsItsOutput(t *testing.T) {
	p := newTestPlatform(t, "")
	p.mustBuild()
	p.write(`
-- sites/xian/content/policies/2026-2.md --
---
title: 某某县最低生活保障审核确认办法BROKEN
type: policy
status: 作废
---
正文
-- sites/zhen/content/policies/2026-4.md --
---
title: 某某镇新发布的通知NEWZHEN
type: policy
published: 2026-11-20
---
正文
`)
	rep, err := p.build()
	var failed SitesFailed
	if !errors.As(err, &failed) || len(failed) != 1 || failed[0].Name != "xian" {
		t.Fatalf("want xian alone to fail, got %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "站点 xian") || !strings.Contains(msg, "2026-2.md:4:") {
		t.Errorf("the error names the site and file:line:\n%s", msg)
	}
	if got := statuses(rep); got != "shequ=unchanged xian=failed zhen=built" {
		t.Errorf("statuses: %s", got)
	}
	p.lacks("xian/policies/2026-2/index.html", "BROKEN")
	p.contains("xian/policies/2026-2/index.html", "某某县最低生活保障审核确认办法")
	p.contains("zhen/policies/2026-4/index.html", "NEWZHEN")
	p.contains("updates/index.html", "NEWZHEN", "某某县最低生活保障审核确认办法")
	p.contains("index.html", `href="xian/"`)
	// Still broken: built again (its summary is the last good one's), and fails again.
	if _, err := p.build(); !errors.As(err, &failed) {
		t.Errorf("a broken site must be tried again: %v", err)
	}
}

func TestBrokenSiteNeverBuilt(t *testing.T) {
	p := newTestPlatform(t, "-- sites/shequ/site.yaml --\ntitle: [不对\n")
	rep, err := p.build()
	var failed SitesFailed
	if !errors.As(err, &failed) || failed[0].Name != "shequ" || !strings.Contains(err.Error(), "/p/sites/shequ/site.yaml:2:") {
		t.Fatalf("want shequ to fail with its site.yaml:2, got %v", err)
	}
	if !reflect.DeepEqual(rep.Portal.Missing, []string{"shequ"}) {
		t.Errorf("missing from the portal: %v", rep.Portal.Missing)
	}
	p.lacks("index.html", `href="shequ/"`)
	p.contains("index.html", `href="xian/"`, `href="zhen/"`)
}

func TestRemovedDepartmentPageGoes(t *testing.T) {
	p := newTestPlatform(t, "")
	p.mustBuild()
	p.file("departments/某某镇社会事务办公室/index.html")
	p.write(`
-- sites/zhen/content/policies/2026-3.md --
---
title: 某某镇落实社区服务体系建设工作方案
type: policy
published: 2026-11-12
---
一、配合建设社区服务中心。（责任单位：县住建局）
`)
	rep := p.mustBuild()
	if !reflect.DeepEqual(rep.Portal.Removed, []string{"departments/某某镇社会事务办公室/index.html"}) {
		t.Errorf("removed: %v", rep.Portal.Removed)
	}
	if ok, _ := afero.Exists(p.fs, "/p/public/departments/某某镇社会事务办公室"); ok {
		t.Errorf("the department's empty folder stays")
	}
	if ok, _ := afero.Exists(p.fs, "/p/public/zhen/index.html"); !ok {
		t.Errorf("a site's files are never the portal's to remove")
	}
}

// TestSiteJobsAndAssemble: a CI matrix (one `build --site` per site, each in its own job and
// output folder) then `assemble` of their outputs writes the same public/ as one full build.
func TestSiteJobsAndAssemble(t *testing.T) {
	full := newTestPlatform(t, "")
	full.mustBuild()
	want := tree(t, full.fs, "/p/public")

	ci := newTestPlatform(t, "")
	var artifacts []string
	for _, name := range []string{"xian", "zhen", "shequ"} {
		dest := "/jobs/" + name + "/public"
		rep := ci.mustBuild(func(o *Options) { o.Site, o.Dest = name, dest })
		if len(rep.Sites) != 1 || rep.Sites[0].Name != name || rep.Portal != nil {
			t.Fatalf("--site %s built %s, portal %v", name, statuses(rep), rep.Portal)
		}
		artifacts = append(artifacts, path.Join(dest, name))
	}
	if ok, _ := afero.Exists(ci.fs, "/jobs/xian/public/index.html"); ok {
		t.Errorf("--site wrote a portal")
	}
	// The artifacts are downloaded into one folder, one subfolder each.
	for i, a := range artifacts {
		for file, content := range tree(t, ci.fs, a) {
			if err := afero.WriteFile(ci.fs, path.Join("/artifacts", "site-"+path.Base(artifacts[i]), file), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep, err := Assemble(ci.opts(), []string{"/artifacts"})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(rep); got != "shequ=built xian=built zhen=built" {
		t.Errorf("assemble: %s", got)
	}
	got := tree(t, ci.fs, "/p/public")
	var diff []string
	for f := range want {
		if got[f] != want[f] {
			diff = append(diff, f)
		}
	}
	for f := range got {
		if _, ok := want[f]; !ok {
			diff = append(diff, f)
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("assemble wrote another public/ than the full build: %v", diff)
	}

	// GitLab extracts the artifacts in place, into public/<site>/: assemble leaves them there.
	if _, err := Assemble(ci.opts(), []string{"/p/public"}); err != nil {
		t.Errorf("assemble in place: %v", err)
	}
	if again := tree(t, ci.fs, "/p/public"); !reflect.DeepEqual(again, got) {
		t.Errorf("assemble in place changed public/")
	}

	// A site whose job failed has no artifact: its previous output stays, and it is reported.
	if _, err := Assemble(ci.opts(), []string{"/artifacts/site-xian", "/artifacts/site-zhen"}); err != nil {
		t.Errorf("a site with no artifact but a published output must keep it: %v", err)
	}
	_, err = Assemble(ci.opts(func(o *Options) { o.Dest = "/fresh" }), []string{"/artifacts/site-xian"})
	var failed SitesFailed
	if !errors.As(err, &failed) || len(failed) != 2 {
		t.Errorf("sites with neither an artifact nor an output must fail: %v", err)
	}
	if _, err := Assemble(ci.opts(), []string{"/jobs"}); err == nil || !strings.Contains(err.Error(), build.SummaryFile) {
		t.Errorf("a folder without site outputs: %v", err)
	}
}

func TestSiteOnItsOwnDomain(t *testing.T) {
	p := newTestPlatform(t, "-- sites/shequ/site.yaml --\ntitle: 某某社区居务公开\nbaseURL: https://shequ.example.cn\n")
	p.mustBuild()
	// Served at its own address, the site links root-relative, and the portal links there.
	p.contains("shequ/index.html", `href="/css/style.css?v=`)
	p.contains("index.html", `href="https://shequ.example.cn/">某某社区居务公开</a>`)
	p.contains("updates/index.html", `href="https://shequ.example.cn/disclosures/2026-q3/"`, `href="../xian/policies/2026-1/"`)
	p.contains("index.xml", "<link>https://shequ.example.cn/disclosures/2026-q3/</link>")
	p.contains("sites.json", `"url": "https://shequ.example.cn/"`)
}

func TestSiteLeavingThePlatform(t *testing.T) {
	p := newTestPlatform(t, "")
	p.mustBuild()
	p.write("-- platform.yaml --\ntitle: 平台\nbaseURL: https://www.example.gov.cn\nsites: [sites/xian, sites/zhen]\n")
	rep := p.mustBuild()
	if !reflect.DeepEqual(rep.Portal.Orphans, []string{"shequ"}) {
		t.Errorf("orphans: %v", rep.Portal.Orphans)
	}
	p.lacks("index.html", `href="shequ/"`)
	p.file("shequ/index.html") // left for a person to remove
}
