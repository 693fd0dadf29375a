// Package config reads site.yaml: strict decoding (an unknown key or a wrong type is an error that
// names file:line), defaults, the department registry and search synonyms.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"
)

// FileName is the site configuration file at the root of a site.
const FileName = "site.yaml"

// Config is the decoded site.yaml.
type Config struct {
	Title        string            `yaml:"title"`
	Description  string            `yaml:"description"`
	BaseURL      string            `yaml:"baseURL"`
	Language     string            `yaml:"language"`
	Theme        string            `yaml:"theme"`
	Paginate     int               `yaml:"paginate"`
	Menu         []MenuItem        `yaml:"menu"`
	Taxonomies   []Taxonomy        `yaml:"taxonomies"`
	Params       map[string]any    `yaml:"params"`
	Markup       Markup            `yaml:"markup"`
	Departments  []Department      `yaml:"departments"`
	Synonyms     [][]string        `yaml:"synonyms"`
	Disclosure   DisclosureOptions `yaml:"disclosure"`
	Organization Organization      `yaml:"organization"`
	// History shows each page's revisions from git, with diffs and a changes feed.
	History bool   `yaml:"history"`
	Limits  Limits `yaml:"limits"`

	// Privacy: files published although the guard cannot read them (privacy.go).
	Privacy Privacy `yaml:"privacy"`

	Government Government `yaml:"government"` // registration marks in the footer (gov.go)
	Favicon    string     `yaml:"favicon"`    // site icon path; default the theme's (favicon.go)
}

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Name   string `yaml:"name"`
	NameEn string `yaml:"name_en"`
	URL    string `yaml:"url"`
	Weight int    `yaml:"weight"`
}

// Taxonomy declares a front matter key whose values get term pages, e.g. tags → /tags/<term>/.
type Taxonomy struct {
	Key   string `yaml:"key"`   // front matter key, e.g. "topics"
	Title string `yaml:"title"` // page title, e.g. 主题分类
	Path  string `yaml:"path"`  // URL segment, defaults to Key
}

// Markup holds Markdown options.
type Markup struct {
	// UnsafeHTML lets raw HTML in Markdown through; off by default, raw HTML is escaped.
	UnsafeHTML bool `yaml:"unsafe_html"`
}

// Department is one registered body that can be named as a responsible unit.
type Department struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Level   string   `yaml:"level"`
	Slug    string   `yaml:"slug"`
}

// DisclosureOptions configures village affairs disclosures.
type DisclosureOptions struct {
	Categories []string `yaml:"categories"`
}

// Organization names who runs the site, shown in the footer.
type Organization struct {
	Name    string `yaml:"name"`
	Address string `yaml:"address"`
	Phone   string `yaml:"phone"`
}

// Load reads SOURCE/site.yaml from fs. A missing file is an error that says how to create one.
func Load(fs afero.Fs, path string) (*Config, error) {
	src, err := afero.ReadFile(fs, path)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取网站配置（%v）；创建这个文件，如写入 `title: 我的公开站`", path, err)
	}
	return Parse(path, src)
}

// Parse decodes site.yaml strictly and fills defaults.
func Parse(path string, src []byte) (*Config, error) {
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, YAMLError(path, 0, err)
	}
	cfg.applyDefaults()
	if err := cfg.validate(path); err != nil {
		return nil, err
	}
	return cfg, nil
}

func (c *Config) applyDefaults() {
	if c.Title == "" {
		c.Title = "公开"
	}
	if c.Language == "" {
		c.Language = "zh-CN"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if c.Paginate <= 0 {
		c.Paginate = 20
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.Taxonomies == nil {
		c.Taxonomies = DefaultTaxonomies()
	}
	for i := range c.Taxonomies {
		if c.Taxonomies[i].Path == "" {
			c.Taxonomies[i].Path = c.Taxonomies[i].Key
		}
	}
	c.Limits = c.Limits.WithDefaults()
	if len(c.Disclosure.Categories) == 0 {
		c.Disclosure.Categories = []string{"财务收支", "集体资产", "惠农补贴", "低保", "工程项目", "村务决策", "居务决策", "其他"}
	}
}

// DefaultTaxonomies are used when site.yaml declares none.
func DefaultTaxonomies() []Taxonomy {
	return []Taxonomy{
		{Key: "tags", Title: "标签", Path: "tags"},
		{Key: "topics", Title: "主题分类", Path: "topics"},
	}
}

func (c *Config) validate(path string) error {
	switch c.Language {
	case "zh-CN", "en":
	default:
		return fmt.Errorf("%s: 不支持 language %q；写 zh-CN 或 en", path, c.Language)
	}
	seen := map[string]bool{}
	for _, t := range c.Taxonomies {
		if t.Key == "" {
			return fmt.Errorf("%s: 有一个分类（taxonomies）没有 key；写成如 `- {key: tags, title: 标签}`", path)
		}
		if seen[t.Path] {
			return fmt.Errorf("%s: 分类（taxonomies）的 path %q 声明了两次；删去一个，或改用另一个 path", path, t.Path)
		}
		seen[t.Path] = true
	}
	return c.checkFavicon(path)
}

var yamlLineRe = regexp.MustCompile(`line (\d+): `)

// YAMLError turns a yaml.v3 error into "path:line: message", adding offset to the line numbers
// yaml reports (the line in the file where the YAML text starts, minus one).
func YAMLError(path string, offset int, err error) error {
	var te *yaml.TypeError
	msgs := []string{}
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	var lines []string
	for _, m := range msgs {
		line := 0
		if sm := yamlLineRe.FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = yamlLineRe.ReplaceAllString(m, "")
			// yaml.v3 reports parser errors (unlike scanner errors) with 0-based lines.
			if strings.HasPrefix(m, "did not find expected") {
				line++
			}
		}
		m = explainYAML(m)
		if line > 0 {
			lines = append(lines, fmt.Sprintf("%s:%d: %s", path, line+offset, m))
		} else {
			lines = append(lines, fmt.Sprintf("%s:%d: %s", path, offset+1, m))
		}
	}
	return errors.New(strings.Join(lines, "\n"))
}

var (
	unknownFieldRe = regexp.MustCompile(`^field (\S+) not found in type (\S+)$`)
	unmarshalRe    = regexp.MustCompile("^cannot unmarshal (!!\\w+) `(.*)` into (\\S+)$")
)

// explainYAML rewrites yaml.v3's messages into ones that say what to do.
func explainYAML(m string) string {
	if sm := unknownFieldRe.FindStringSubmatch(m); sm != nil {
		return fmt.Sprintf("未知的键 %q；检查拼写，允许的键见 docs/configuration.md", sm[1])
	}
	if sm := unmarshalRe.FindStringSubmatch(m); sm != nil {
		return fmt.Sprintf("%q 是%s，此处应为%s", sm[2], yamlKind(sm[1]), goKind(sm[3]))
	}
	for _, t := range yamlSyntax {
		if strings.Contains(m, t.en) {
			return "YAML 语法错误（" + m + "）：" + t.zh
		}
	}
	return m
}

// yamlSyntax explains yaml.v3's commonest syntax errors; the original text stays in the message
// for whoever searches the web for it.
var yamlSyntax = []struct{ en, zh string }{
	{"mapping values are not allowed", "值中含有冒号加空格；把整个值放在引号中，如 title: \"公告：第一号\""},
	{"did not find expected key", "缩进不齐或有多余的字符；同一层的键要对齐，值中的特殊字符要加引号"},
	{"found character that cannot start any token", "值以 @、` 或制表符等开头；把值放在引号中，缩进只用空格"},
	{"found a tab character", "缩进中有制表符（Tab）；缩进只用空格"},
	{"did not find expected", "括号或引号没有配对；检查 [ ]、{ } 和引号是否成对"},
	{"could not find expected ':'", "键后缺少冒号；写成 key: value"},
	{"already defined", "键重复；删去一个"},
}

func yamlKind(tag string) string {
	switch tag {
	case "!!str":
		return "文字"
	case "!!int":
		return "数字"
	case "!!bool":
		return "布尔值"
	case "!!seq":
		return "列表"
	case "!!map":
		return "映射"
	}
	return strings.TrimPrefix(tag, "!!")
}

func goKind(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "列表"
	case strings.HasPrefix(t, "map["):
		return "映射"
	case t == "int" || strings.HasPrefix(t, "float"):
		return "数字"
	case t == "bool":
		return "布尔值（true/false）"
	case t == "string":
		return "文字"
	}
	return "映射（" + t + "）"
}
