package config

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Government holds the registration marks and links a Chinese government website shows in its
// footer (《政府网站发展指引》, 国办发〔2017〕47号):
//
//	government:
//	  level: 县                       # 中央/省/市/县/乡: check warns when a mark is missing
//	  sponsor: 某某县人民政府办公室     # 主办单位 (defaults to organization.name)
//	  undertaker: 某某县大数据中心      # 承办单位
//	  contact: 0871-12345678          # 联系方式
//	  site_code: "5301270001"         # 政府网站标识码
//	  icp: 滇ICP备12345678号-1          # ICP 备案号, linked to icp_url
//	  police_record: 滇公网安备 53012702000001号
//	  dzjg: {url: https://bszs.conac.cn/sitename?method=show&id=…}
//
// Every URL is checked here: a footer link is on every page, so a `javascript:` URL would be too.
type Government struct {
	Level        string `yaml:"level"`
	Sponsor      string `yaml:"sponsor"`
	Undertaker   string `yaml:"undertaker"`
	Contact      string `yaml:"contact"`
	SiteCode     string `yaml:"site_code"`
	ICP          string `yaml:"icp"`
	ICPURL       string `yaml:"icp_url"`
	PoliceRecord string `yaml:"police_record"`
	PoliceURL    string `yaml:"police_url"`
	DZJG         Mark   `yaml:"dzjg"`
	// ErrorReport is the 我为政府网站找错 link; {site_code} and {url} (the page's address,
	// escaped) are filled in. "off" removes the link.
	ErrorReport string `yaml:"error_report"`
	Line        int    `yaml:"-"`
}

// Mark is a registration mark shown as an image linked to its verification page.
type Mark struct {
	URL   string `yaml:"url"`
	Image string `yaml:"image"` // a path the site publishes, e.g. /images/dzjg.png; default: the theme's
}

// Defaults of the government links.
const (
	DefaultICPURL      = "https://beian.miit.gov.cn/"
	policeURLPrefix    = "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode="
	DefaultErrorReport = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={site_code}&url={url}"
)

// GovernmentLevels are the levels of government whose websites must carry the marks; 村 (a
// villagers' committee is self-governing, not a government body) does not need them.
var GovernmentLevels = []string{"中央", "省", "市", "县", "乡"}

var (
	siteCodeRe = regexp.MustCompile(`^[0-9A-Za-z]{10}$`)
	recordRe   = regexp.MustCompile(`[0-9]{10,}`)
	icpRe      = regexp.MustCompile(`^\p{Han}ICP备[0-9]+号(-[0-9]+)?$`)
)

// UnmarshalYAML checks the settings where they are written, so that errors name their line.
func (g *Government) UnmarshalYAML(n *yaml.Node) error {
	type plain Government
	var p plain
	// A custom decoder does not inherit the strict decoding of Parse: unknown keys are
	// checked here, or a misspelt mark (icp_number:) would vanish from the footer silently.
	if err := knownKeys(n, "government", reflect.TypeOf(p)); err != nil {
		return err
	}
	if err := n.Decode(&p); err != nil {
		return err
	}
	*g = Government(p)
	g.Line = n.Line
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&g.Level, &g.Sponsor, &g.Undertaker, &g.Contact, &g.SiteCode, &g.ICP, &g.ICPURL,
		&g.PoliceRecord, &g.PoliceURL, &g.DZJG.URL, &g.DZJG.Image, &g.ErrorReport} {
		trim(s)
	}
	if g.Level != "" && !isLevel(g.Level) {
		return fmt.Errorf("line %d: government.level %q 不是行政层级；写 中央、省、市、县、乡 或 村", n.Line, g.Level)
	}
	if g.SiteCode != "" && !siteCodeRe.MatchString(g.SiteCode) {
		return fmt.Errorf("line %d: government.site_code %q 不是政府网站标识码：标识码是 10 位数字或字母（如 5301000001、bm01000001），"+
			"见全国政府网站信息报送系统中本网站的“网站标识码”；写成带引号的文字，如 site_code: \"5301000001\"", n.Line, g.SiteCode)
	}
	if g.PoliceRecord != "" && g.PoliceURL == "" && recordRe.FindString(g.PoliceRecord) == "" {
		return fmt.Errorf("line %d: government.police_record %q 中没有备案编号（一串数字，如 京公网安备 11010502000001号）；照公安备案证明抄写，或用 police_url 写出查询链接", n.Line, g.PoliceRecord)
	}
	for _, u := range []struct{ key, val string }{{"icp_url", g.ICPURL}, {"police_url", g.PoliceURL}, {"dzjg.url", g.DZJG.URL}} {
		if err := checkHTTP(u.val); err != nil {
			return fmt.Errorf("line %d: government.%s %q %v", n.Line, u.key, u.val, err)
		}
	}
	if g.ErrorReport != "off" {
		if head, _, _ := strings.Cut(g.ErrorReport, "?"); strings.Contains(head, "{") {
			return fmt.Errorf("line %d: government.error_report %q：{site_code} 和 {url} 只能写在网址的 ? 之后，如 https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={site_code}&url={url}", n.Line, g.ErrorReport)
		}
		if err := checkHTTP(strings.NewReplacer("{site_code}", "x", "{url}", "x").Replace(g.ErrorReport)); err != nil {
			return fmt.Errorf("line %d: government.error_report %q %v；或写 off 不显示找错链接", n.Line, g.ErrorReport, err)
		}
	}
	if im := g.DZJG.Image; im != "" && !strings.HasPrefix(im, "/") {
		if err := checkHTTP(im); err != nil {
			return fmt.Errorf("line %d: government.dzjg.image %q 应是本站发布的文件路径（如 /images/dzjg.png，文件放在 static/images/ 下）", n.Line, im)
		}
	}
	return nil
}

// knownKeys reports the first key of the mapping n that the struct type t has no yaml field for,
// looking into nested mappings of struct fields.
func knownKeys(n *yaml.Node, prefix string, t reflect.Type) error {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = t.Field(i).Type
		names = append(names, name)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ft, ok := fields[k.Value]
		if !ok {
			return fmt.Errorf("line %d: %s 下没有 %s 这一项；可用的有 %s", k.Line, prefix, k.Value, strings.Join(names, "、"))
		}
		if ft.Kind() == reflect.Struct {
			if err := knownKeys(n.Content[i+1], prefix+"."+k.Value, ft); err != nil {
				return err
			}
		}
	}
	return nil
}

func isLevel(s string) bool {
	return s == "村" || contains(GovernmentLevels, s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func checkHTTP(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("不是网址；写以 https:// 或 http:// 开头的完整网址")
	}
	return nil
}

// SponsorName is the 主办单位: government.sponsor, or else the organisation's name.
func (c *Config) SponsorName() string {
	if c.Government.Sponsor != "" {
		return c.Government.Sponsor
	}
	return c.Organization.Name
}

// ICPLink is where the ICP number links: the MIIT registration system unless icp_url says otherwise.
func (g Government) ICPLink() string {
	if g.ICPURL != "" {
		return g.ICPURL
	}
	return DefaultICPURL
}

// PoliceLink is the public security registration's page on www.beian.gov.cn, found by the
// record number's digits.
func (g Government) PoliceLink() string {
	if g.PoliceURL != "" {
		return g.PoliceURL
	}
	if d := recordRe.FindString(g.PoliceRecord); d != "" {
		return policeURLPrefix + d
	}
	return ""
}

// ErrorReportLink is the 我为政府网站找错 link for the page at pageURL (absolute when the site
// has a baseURL), or "" without a site code or when switched off.
func (g Government) ErrorReportLink(pageURL string) string {
	tpl := g.ErrorReport
	switch {
	case tpl == "off":
		return ""
	case tpl == "" && g.SiteCode == "":
		return ""
	case tpl == "":
		tpl = DefaultErrorReport
	}
	return strings.NewReplacer("{site_code}", url.QueryEscape(g.SiteCode), "{url}", url.QueryEscape(pageURL)).Replace(tpl)
}

// Any reports whether any registration mark or link is configured, for the footer.
func (g Government) Any() bool {
	return g.SiteCode != "" || g.ICP != "" || g.PoliceRecord != "" || g.DZJG.URL != "" || g.Undertaker != "" || g.Contact != "" || g.Sponsor != ""
}

// Warnings lists what a government website lacks: every mark is required of sites run by a
// level of government (中央 to 乡). path names site.yaml.
func (c *Config) GovernmentWarnings(path string) []string {
	g := c.Government
	if !contains(GovernmentLevels, g.Level) {
		return nil
	}
	var missing []string
	if c.SponsorName() == "" {
		missing = append(missing, "主办单位（sponsor）")
	}
	if g.SiteCode == "" {
		missing = append(missing, "政府网站标识码（site_code）")
	}
	if g.ICP == "" {
		missing = append(missing, "ICP备案号（icp）")
	}
	if g.PoliceRecord == "" {
		missing = append(missing, "公安机关备案号（police_record）")
	}
	if g.DZJG.URL == "" {
		missing = append(missing, "党政机关网站标识（dzjg.url）")
	}
	if g.Contact == "" && c.Organization.Phone == "" {
		missing = append(missing, "联系方式（contact）")
	}
	var out []string
	if len(missing) > 0 {
		out = append(out, fmt.Sprintf("%s:%d: government.level 为 %s 级政府网站，页脚缺少 %s；各项的来源见 docs/configuration.md 的 government 一节",
			path, g.Line, g.Level, strings.Join(missing, "、")))
	}
	if g.ICP != "" && !icpRe.MatchString(g.ICP) {
		out = append(out, fmt.Sprintf("%s:%d: government.icp %q 不像 ICP 备案号；照工信部备案系统的写法抄写，如 京ICP备05070218号 或 京ICP备05070218号-1", path, g.Line, g.ICP))
	}
	return out
}
