// Package platform builds a platform of sites (政府网站集约化): a folder with platform.yaml and
// one complete gongkai site per folder. Each site that changed is built on its own (the existing
// build, into public/<site>/, published atomically), a few at a time; then the portal at public/
// is written from the small summary each site build leaves in its output (build.SummaryFile),
// never from the sites' content.
//
// config.go reads platform.yaml, sites.go finds the sites, inputs.go decides which changed,
// build.go runs the builds, assemble.go puts per-site outputs built elsewhere (CI jobs) together,
// and portal*.go write the portal.
package platform

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/generator/config"
	"go.yaml.in/yaml/v3"
)

// FileName is the platform's configuration file at the root of the platform folder.
const FileName = "platform.yaml"

// maxParallel bounds parallel: each site build holds its pages in memory.
const maxParallel = 64

// Config is the decoded platform.yaml.
type Config struct {
	Title       string
	Description string
	BaseURL     string      // the portal's address; a site without baseURL gets BaseURL/<name>
	Sites       []SiteEntry // as written; Resolve expands the patterns
	Departments string      // the shared department registry file, relative to the platform folder
	DeptLine    int
	Parallel    int // sites built at once; 0: one per CPU
}

// SiteEntry is one item of sites: a folder, or a pattern of folders (sites/*).
type SiteEntry struct {
	Name string // "" for a pattern or a folder named by itself
	Path string // slash-separated, relative to the platform folder
	Line int
}

// Parse decodes platform.yaml. Every error names path:line and says how to fix it.
func Parse(file string, src []byte) (*Config, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s:1: 平台配置是空的；至少写上 sites:，列出各站点的文件夹，如 `sites: [sites/*]`", file)
		}
		return nil, config.YAMLError(file, 0, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: 平台配置应是“键: 值”的映射；写成如 `title: 某某市政府网站` 和 `sites: [sites/*]`", file, root.Line)
	}
	c := &Config{}
	seen := map[string]int{}
	var errs []string
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d: ", file, line)+fmt.Sprintf(format, args...))
	}
	haveSites := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			fail(k.Line, "键 %s 写了两次（第 %d 行已有）；删去一个", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		switch k.Value {
		case "title":
			c.Title, errs = scalar(file, v, k.Value, errs)
		case "description":
			c.Description, errs = scalar(file, v, k.Value, errs)
		case "baseURL":
			c.BaseURL, errs = scalar(file, v, k.Value, errs)
			c.BaseURL = strings.TrimRight(c.BaseURL, "/")
			if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "http://") {
				fail(v.Line, "baseURL %q 不是完整网址；写成如 https://www.example.gov.cn", c.BaseURL)
			}
		case "departments":
			c.Departments, errs = scalar(file, v, k.Value, errs)
			c.DeptLine = v.Line
			if c.Departments != "" {
				if msg := relPathProblem(c.Departments); msg != "" {
					fail(v.Line, "departments %q %s", c.Departments, msg)
				}
			}
		case "parallel":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 1 || n > maxParallel {
				fail(v.Line, "parallel 应是 1 到 %d 之间的整数（同时构建的站点数）；省略则每个 CPU 核一个", maxParallel)
			}
			c.Parallel = n
		case "sites":
			haveSites = true
			errs = c.parseSites(file, v, errs)
		default:
			fail(k.Line, "未知的键 %q；允许的键：title、description、baseURL、sites、departments、parallel（见 docs/platform.md）", k.Value)
		}
	}
	if !haveSites && len(errs) == 0 {
		fail(root.Line, "没有 sites:；列出各站点的文件夹，如 `sites: [sites/*]`")
	}
	if c.Title == "" {
		c.Title = "政府网站集约化平台"
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return c, nil
}

func scalar(file string, v *yaml.Node, key string, errs []string) (string, []string) {
	if v.Kind != yaml.ScalarNode {
		return "", append(errs, fmt.Sprintf("%s:%d: %s 应是一段文字，不是列表或映射", file, v.Line, key))
	}
	return strings.TrimSpace(v.Value), errs
}

func (c *Config) parseSites(file string, v *yaml.Node, errs []string) []string {
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d: ", file, line)+fmt.Sprintf(format, args...))
	}
	if v.Kind != yaml.SequenceNode {
		fail(v.Line, "sites 应是列表，每项一个站点文件夹或通配符；写成如 `sites: [sites/*]` 或每行 `- sites/xian`")
		return errs
	}
	if len(v.Content) == 0 {
		fail(v.Line, "sites 是空列表；列出各站点的文件夹，如 `- sites/*`")
	}
	for _, item := range v.Content {
		e := SiteEntry{Line: item.Line}
		switch item.Kind {
		case yaml.ScalarNode:
			e.Path = strings.TrimSpace(item.Value)
		case yaml.MappingNode:
			for i := 0; i+1 < len(item.Content); i += 2 {
				k, val := item.Content[i], item.Content[i+1]
				if val.Kind != yaml.ScalarNode {
					fail(val.Line, "站点的 %s 应是一段文字", k.Value)
					continue
				}
				switch k.Value {
				case "name":
					e.Name = strings.TrimSpace(val.Value)
				case "path":
					e.Path = strings.TrimSpace(val.Value)
				default:
					fail(k.Line, "站点项中未知的键 %q；只允许 name（网址中的名字）和 path（文件夹）", k.Value)
				}
			}
			if e.Path == "" {
				fail(item.Line, "站点项缺少 path（站点文件夹）；写成如 `- {name: xian, path: sites/某某县}`")
				continue
			}
			if strings.ContainsAny(e.Path, "*?[") {
				fail(item.Line, "带 name 的站点项只能指一个文件夹，%q 是通配符；去掉 name，或写出文件夹名", e.Path)
				continue
			}
		default:
			fail(item.Line, "sites 的每项应是一个文件夹（如 sites/xian），或 {name: …, path: …}")
			continue
		}
		if msg := relPathProblem(e.Path); msg != "" {
			fail(item.Line, "站点文件夹 %q %s", e.Path, msg)
			continue
		}
		if _, err := path.Match(e.Path, ""); err != nil {
			fail(item.Line, "通配符 %q 写错了（%v）；如 sites/*", e.Path, err)
			continue
		}
		if e.Name != "" {
			if msg := nameProblem(e.Name); msg != "" {
				fail(item.Line, "站点名 %q %s", e.Name, msg)
				continue
			}
		}
		e.Path = path.Clean(e.Path)
		c.Sites = append(c.Sites, e)
	}
	return errs
}

// relPathProblem says what is wrong with a path that must stay inside the platform folder.
func relPathProblem(p string) string {
	switch {
	case p == "":
		return "是空的"
	case strings.Contains(p, `\`):
		return "含反斜杠；用 / 分隔文件夹"
	case strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':'):
		return "是绝对路径；写相对于平台文件夹（platform.yaml 所在处）的路径"
	case path.Clean(p) == ".":
		return "是平台文件夹本身；每个站点要有自己的文件夹"
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "指到平台文件夹之外；站点文件夹要放在 platform.yaml 所在的文件夹之内"
		}
	}
	return ""
}

var nameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// reserved are the portal's own addresses: a site of that name would be overwritten by them.
var reserved = map[string]bool{"css": true, "updates": true, "notices": true, "departments": true, "sites": true, "index.xml": true, "atom.xml": true, "public": true,
	"search": true, "api": true, "js": true, "_search": true} // the unified search's

// nameProblem says what is wrong with a site name, which becomes public/<name>/ and the
// site's address on the platform.
func nameProblem(n string) string {
	switch {
	case !nameRe.MatchString(n):
		return "不能用作网址中的名字：只能用小写字母、数字、- 和 _，以字母或数字开头，最长 63 个字符；用 {name: xian, path: 文件夹} 另起一个名字"
	case reserved[n]:
		return "是平台门户自用的地址（css、updates、notices、departments、sites、public、search、api、js、_search）；换一个名字"
	}
	return ""
}
