package build

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// buildExample builds the repository's own example site (site.yaml and content/ at the root)
// into memory, reading the sources read-only from disk.
func buildExample(t *testing.T) *testSite { return buildExampleWith(t, 2) }

// buildExampleWith builds the example site on that many workers.
func buildExampleWith(t *testing.T, workers int) *testSite {
	t.Helper()
	src := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), "../.."))
	fs := afero.NewCopyOnWriteFs(src, afero.NewMemMapFs())
	rep, err := Run(Options{SrcFs: fs, Source: "/", Dest: "/site/public", Now: testNow, Workers: workers, NoIndex: true})
	s := &testSite{t: t, fs: fs, rep: rep, err: err}
	return s.ok()
}

func TestExampleSite(t *testing.T) {
	s := buildExample(t)
	seedTitles := []string{
		"关于印发《三建乡加强和完善城乡社区治理实施方案》的通知",
		"关于加强和完善城乡社区治理的实施方案",
		"昆明市人民政府关于进一步加强城乡社区治理的实施意见",
		"关于关于调整长胜社区居民委员会绿园社区居民委员会管辖范围的起草说明",
		"开江县“十四五”城乡社区发展治理规划",
	}
	s.contains("policies/index.html", seedTitles...)
	s.contains("policies/2018-kunming-shequ-zhili/index.html", "昆发〔2018〕14号", "中共昆明市委", "昆明市人民政府")
	s.contains("policies/2021-kaijiang-shequ-fazhan-zhili-guihua/index.html", `href="#第一章"`, `href="#第一章-第一节"`)
	changsheng := s.file("policies/2024-changsheng-guanxia/index.html")
	for _, n := range []string{"一", "二", "三", "十", "十一", "二十", "二十三"} {
		if !strings.Contains(changsheng, `id="附件1-第`+n+`条"`) {
			t.Errorf("003 has no anchor for 附件1 第%s条", n)
		}
	}
	s.contains("cited/中发〔2017〕13号/index.html", "/policies/2018-hengyang-shequ-zhili/", "/policies/2018-kunming-shequ-zhili/", "/policies/2020-sanjian-shequ-zhili/")
	assertLinksResolve(t, s)
	assertReachableFromHome(t, s)
}

func TestExampleSiteData(t *testing.T) {
	s := buildExample(t)
	var inds []struct{ Kind string }
	if err := json.Unmarshal([]byte(s.file("data/indicators.json")), &inds); err != nil {
		t.Fatal(err)
	}
	binding := 0
	for _, i := range inds {
		if i.Kind == "约束性" {
			binding++
		}
	}
	if binding != 5 {
		t.Errorf("indicators.json has %d 约束性 indicators, want 5", binding)
	}

	var rows []struct {
		URL        string `json:"url"`
		TaskNumber string `json:"task_number"`
		Unit, Role string
	}
	if err := json.Unmarshal([]byte(s.file("data/duties.json")), &rows); err != nil {
		t.Fatal(err)
	}
	tasks := map[string]map[string]bool{}
	lead, part := 0, 0
	for _, r := range rows {
		if tasks[r.URL] == nil {
			tasks[r.URL] = map[string]bool{}
		}
		tasks[r.URL][r.TaskNumber] = true
		if r.URL == "/policies/2018-kunming-shequ-zhili/" && r.Unit == "市民政局" {
			if r.Role == "牵头" {
				lead++
			} else {
				part++
			}
		}
	}
	if n := len(tasks["/policies/2018-kunming-shequ-zhili/"]); n != 45 {
		t.Errorf("002 yields %d tasks, want 45", n)
	}
	if n := len(tasks["/policies/2018-hengyang-shequ-zhili/"]); n != 59 {
		t.Errorf("001 yields %d inline tasks, want 59", n)
	}
	if lead != 19 || lead+part != 33 {
		t.Errorf("市民政局 in 002: leads %d, takes part in %d; want 19 and 33", lead, lead+part)
	}
	s.contains("departments/minzheng/index.html", "/policies/2018-kunming-shequ-zhili/", "/policies/2018-hengyang-shequ-zhili/")
	if !strings.Contains(s.file("data/duties.csv"), "\ufeff文件,发文字号") {
		t.Error("duties.csv lacks its BOM and header")
	}
	var zhujian []string
	for _, r := range rows {
		if strings.Contains(r.Unit, "住") && strings.Contains(r.Unit, "建") {
			zhujian = append(zhujian, r.Unit)
		}
	}
	for _, u := range zhujian {
		if u != "市住房城乡建设局" {
			t.Errorf("市住建局 and 市住房城乡建设局 should be one department, found %q", u)
		}
	}
}

var linkRe = regexp.MustCompile(`href="(/[^"#?]*)`)

// assertReachableFromHome follows links from the home page and checks that every HTML page of
// the site is reached.
func assertReachableFromHome(t *testing.T, s *testSite) {
	t.Helper()
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, m := range linkRe.FindAllStringSubmatch(s.file(cur), -1) {
			p, err := url.PathUnescape(m[1])
			if err != nil {
				continue
			}
			target := strings.TrimPrefix(p, "/")
			if strings.HasSuffix(p, "/") || target == "" {
				target = path.Join(target, "index.html")
			}
			if strings.HasSuffix(target, ".html") && !seen[target] && s.exists(target) {
				seen[target] = true
				queue = append(queue, target)
			}
		}
	}
	s.everyFile(func(name, _ string) {
		if strings.HasSuffix(name, ".html") && name != "404.html" && !seen[name] {
			t.Errorf("%s is not reachable from the home page", name)
		}
	})
}

// TestExampleSiteBuildsReproducibly builds the example site on one worker and on eight: every
// file must come out byte for byte the same. Pages resolve citations in parallel, and the first
// page to cite an outside document used to name it on /cited/ (中共中央、国务院 or 中共中央国务院).
func TestExampleSiteBuildsReproducibly(t *testing.T) {
	a, b := buildExampleWith(t, 1), buildExampleWith(t, 8)
	files := 0
	_ = afero.Walk(a.fs, "/site/public", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		files++
		x, _ := afero.ReadFile(a.fs, p)
		y, err := afero.ReadFile(b.fs, p)
		if err != nil {
			t.Errorf("%s: only in the first build", p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same content", p)
		}
		return nil
	})
	if files < 100 {
		t.Fatalf("only %d files built", files)
	}
}
