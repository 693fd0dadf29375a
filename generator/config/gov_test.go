package config

import (
	"net/url"
	"strings"
	"testing"
)

func TestGovernmentErrors(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"government:\n  level: 区\n", "site.yaml:2: government.level \"区\" 不是行政层级"},
		{"government:\n  site_code: 53012700\n", "site.yaml:2: government.site_code \"53012700\" 不是政府网站标识码"},
		{"government:\n  site_code: \"5301270001<\"\n", "不是政府网站标识码"},
		{"government:\n  police_record: 京公网安备号\n", "中没有备案编号"},
		{"government:\n  icp_url: javascript:alert(1)\n", "government.icp_url \"javascript:alert(1)\" 不是网址"},
		{"government:\n  police_url: //beian.gov.cn\n", "government.police_url"},
		{"government:\n  dzjg: {url: \"data:text/html,x\"}\n", "government.dzjg.url"},
		{"government:\n  dzjg: {url: \"https://a.cn\", image: \"javascript:x\"}\n", "government.dzjg.image"},
		{"government:\n  error_report: \"vbscript:{url}\"\n", "government.error_report"},
		{"government:\n  error_report: \"http://{url}\"\n", "只能写在网址的 ? 之后"},
		{"government:\n  dzjg: https://a.cn\n", "site.yaml:2:"},
		{"government:\n  icp_number: x\n", "icp_number"},
		{"favicon: logo.png\n", "favicon \"logo.png\" 应是本站发布的文件路径"},
		{"favicon: /../x.ico\n", "应是本站发布的文件路径"},
		{"favicon: \"/a.ico\\\" onload=x\"\n", "应是本站发布的文件路径"},
		{"favicon: /logo.txt\n", "不是图标文件"},
	} {
		_, err := Parse("site.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.yaml, err, tt.want)
		}
	}
}

func TestGovernmentLinks(t *testing.T) {
	cfg, err := Parse("site.yaml", []byte(`
organization: {name: 某某县人民政府}
government:
  level: 县
  site_code: " 5301270001 "
  icp: 滇ICP备12345678号-1
  police_record: 滇公网安备 53012702000001号
`))
	if err != nil {
		t.Fatal(err)
	}
	g := cfg.Government
	if got := g.PoliceLink(); got != "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=53012702000001" {
		t.Errorf("police link %q", got)
	}
	if got := g.ICPLink(); got != DefaultICPURL {
		t.Errorf("ICP link %q", got)
	}
	if got := g.ErrorReportLink("https://a.gov.cn/政策/?x=1&y=2"); got != "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=5301270001&url=https%3A%2F%2Fa.gov.cn%2F%E6%94%BF%E7%AD%96%2F%3Fx%3D1%26y%3D2" {
		t.Errorf("error report link %q", got)
	}
	if cfg.SponsorName() != "某某县人民政府" {
		t.Errorf("sponsor %q, want the organisation's name", cfg.SponsorName())
	}
	g.ErrorReport = "off"
	if got := g.ErrorReportLink("/"); got != "" {
		t.Errorf("error report off, got %q", got)
	}
	if (Government{}).ErrorReportLink("/") != "" {
		t.Error("no site code, no error report link")
	}
	w := cfg.GovernmentWarnings("site.yaml")
	if len(w) != 1 || !strings.Contains(w[0], "党政机关网站标识（dzjg.url）") || !strings.Contains(w[0], "联系方式") || strings.Contains(w[0], "ICP") {
		t.Errorf("warnings %q", w)
	}
	cfg.Government.ICP = "滇ICP备 12345678"
	if w := cfg.GovernmentWarnings("site.yaml"); len(w) != 2 || !strings.Contains(w[1], "不像 ICP 备案号") {
		t.Errorf("warnings %q", w)
	}
}

// FuzzGovernment: whatever site.yaml says, every link the footer writes is http(s) or absent.
func FuzzGovernment(f *testing.F) {
	f.Add("government:\n  site_code: \"5301270001\"\n  police_record: 京公网安备 11010502000001号\n  dzjg: {url: https://a.cn}\n")
	f.Add("government:\n  error_report: \"https://x.cn/?c={site_code}&u={url}\"\n  police_url: http://b.cn\n")
	f.Add("favicon: /a.svg\ngovernment: {icp_url: 'https://c.cn', level: 县}\n")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Parse("site.yaml", []byte(src))
		if err != nil {
			return
		}
		g := cfg.Government
		for _, link := range []string{g.ICPLink(), g.PoliceLink(), g.ErrorReportLink("https://a.cn/p/"), g.DZJG.URL} {
			if link == "" {
				continue
			}
			u, err := url.Parse(link)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Errorf("link %q from %q", link, src)
			}
		}
		_ = cfg.GovernmentWarnings("site.yaml")
	})
}
