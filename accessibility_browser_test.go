package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/generator/build"
	"github.com/gongkai/gongkai/internal/chromiumtest"
)

// govSiteYAML is appended to a copy of the example site: every registration mark configured, as
// a county government would (the numbers are made up).
const govSiteYAML = `
government:
  level: 县
  sponsor: 某某县人民政府办公室
  undertaker: 某某县政务服务数据管理局
  contact: 0871-12345678
  site_code: "5301270001"
  icp: 滇ICP备12345678号-1
  police_record: 滇公网安备 53012702000001号
  dzjg: {url: "https://bszs.conac.cn/sitename?method=show&id=1"}
`

// serveGovExample serves a copy of the example site with the government marks configured.
func serveGovExample(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	for _, dir := range []string{"content", "static"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(src, filepath.Dir(p)), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(src, p), data, 0o644)
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg = []byte(strings.Replace(string(cfg), "history: true", "history: false", 1) + govSiteYAML)
	if err := os.WriteFile(filepath.Join(src, "site.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return serveSite(t, build.Options{Source: src, Dest: t.TempDir()}, "网站标识码")
}

// headerBottom is where the header and search bar end, in CSS pixels from the top.
const headerBottom = `(function(){var e=document.querySelector(".searchbar")||document.querySelector(".site-header");return e.getBoundingClientRect().bottom})()`

const bodyFontSize = `parseFloat(getComputedStyle(document.body).fontSize)`

const horizontalOverflow = `document.documentElement.scrollWidth - document.documentElement.clientWidth`

// TestBrowserElderMode: on a 360×800 phone the header and search bar take less than a quarter of
// the screen; the 长者模式 switch enlarges the text without JavaScript (for the page in view) and,
// with JavaScript, on the next pages too; neither mode scrolls sideways.
func TestBrowserElderMode(t *testing.T) {
	chromiumtest.Require(t)
	base := serveGovExample(t)
	t.Run("javascript off", func(t *testing.T) {
		ctx := chromiumtest.Context(t, false)
		var bottom, before, after, overflow float64
		err := chromedp.Run(ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(`.elder-btn`, chromedp.ByQuery),
			chromedp.Evaluate(headerBottom, &bottom),
			chromedp.Evaluate(bodyFontSize, &before),
			chromedp.Click(`.elder-btn`, chromedp.ByQuery),
			chromedp.Evaluate(bodyFontSize, &after),
			chromedp.Evaluate(horizontalOverflow, &overflow),
		)
		if err != nil {
			t.Fatal(err)
		}
		if bottom >= 200 {
			t.Errorf("header and search bar end %.0f px down a 360×800 screen; want under 200 (a quarter)", bottom)
		}
		if before != 18 || after < 22 {
			t.Errorf("body text %.0f px, then %.0f px after switching 长者模式 on without JavaScript; want 18 then ≥ 22", before, after)
		}
		if overflow > 0 {
			t.Errorf("长者模式 page is %.0f px wider than the 360 px screen", overflow)
		}
	})
	t.Run("javascript on", func(t *testing.T) {
		ctx := chromiumtest.Context(t, true)
		var on, next, off float64
		var overflow float64
		err := chromedp.Run(ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(`.elder-btn`, chromedp.ByQuery),
			chromedp.Click(`.elder-btn`, chromedp.ByQuery),
			chromedp.Evaluate(bodyFontSize, &on),
			chromedp.Navigate(base+"/policies/2018-kunming-shequ-zhili/"),
			chromedp.WaitVisible(`.elder-btn`, chromedp.ByQuery),
			chromedp.Evaluate(bodyFontSize, &next),
			chromedp.Evaluate(horizontalOverflow, &overflow),
			chromedp.Click(`.elder-btn`, chromedp.ByQuery),
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(`.elder-btn`, chromedp.ByQuery),
			chromedp.Evaluate(bodyFontSize, &off),
		)
		if err != nil {
			t.Fatal(err)
		}
		if on < 22 || next < 22 || off != 18 {
			t.Errorf("body text %.0f px after switching on, %.0f px on the next page, %.0f px after switching off; want ≥ 22, ≥ 22, 18", on, next, off)
		}
		if overflow > 0 {
			t.Errorf("policy page in 长者模式 is %.0f px wider than the 360 px screen", overflow)
		}
	})
}

// TestBrowserAccessibility runs axe-core (testdata/axe, WCAG 2.1 A and AA rules) on the pages
// readers use most, at 360 and 1280 px, in the standard and the 长者模式 layout; 长者模式 must
// also meet the enhanced contrast ratio of 7:1 (WCAG 1.4.6).
func TestBrowserAccessibility(t *testing.T) {
	chromiumtest.Require(t)
	axe, err := os.ReadFile("testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	base := serveGovExample(t)
	pages := []string{"/", "/policies/2018-kunming-shequ-zhili/", "/disclosures/2026-q4-liaojiaba-dibao/",
		"/consultations/2026-liaojiaba-cunguiminyue/", "/departments/minzheng/", "/search/?q=低保", "/sitemap/"}
	awaitPromise := func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
	for _, elder := range []bool{false, true} {
		rules := `{runOnly:{type:"tag",values:["wcag2a","wcag2aa","wcag21a","wcag21aa"]}}`
		mode := "0"
		if elder {
			rules = `{runOnly:{type:"tag",values:["wcag2a","wcag2aa","wcag21a","wcag21aa"]},rules:{"color-contrast-enhanced":{enabled:true}}}`
			mode = "1"
		}
		for _, p := range pages {
			name := strings.NewReplacer("/", " ", "?", " ").Replace(strings.Trim(p, "/"))
			if name == "" {
				name = "home"
			}
			t.Run(fmt.Sprintf("%s 长者模式 %v", name, elder), func(t *testing.T) {
				// A browser for each page: two runs of axe fit well in its time limit.
				ctx := chromiumtest.Context(t, true)
				for _, width := range []int64{360, 1280} {
					var found string
					err := chromedp.Run(ctx,
						emulation.SetDeviceMetricsOverride(width, 800, 1, width < 500),
						chromedp.Navigate(base+p),
						chromedp.Evaluate(`localStorage.setItem("gongkai-elder","`+mode+`")`, nil),
						chromedp.Navigate(base+p),
						chromedp.WaitReady(`body`, chromedp.ByQuery),
						chromedp.Evaluate(string(axe), nil),
						chromedp.Evaluate(`axe.run(document,`+rules+`).then(r=>JSON.stringify(r.violations.map(v=>v.id+": "+v.help+" at "+v.nodes.slice(0,3).map(n=>n.target.join(" ")).join(", "))))`, &found, awaitPromise),
					)
					if err != nil {
						t.Fatalf("%d px: %v", width, err)
					}
					var violations []string
					if err := json.Unmarshal([]byte(found), &violations); err != nil {
						t.Fatalf("%d px: axe result %q: %v", width, found, err)
					}
					for _, v := range violations {
						t.Errorf("%d px: %s", width, v)
					}
				}
			})
		}
	}
}
