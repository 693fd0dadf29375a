package platform

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		want       []string // each must appear, in order, one per error line
	}{
		{"empty", "", []string{"platform.yaml:1: 平台配置是空的"}},
		{"not a mapping", "- sites/*\n", []string{"platform.yaml:1: 平台配置应是“键: 值”的映射"}},
		{"syntax", "title: a\nsites: [sites/*\n", []string{"platform.yaml:2: YAML 语法错误"}},
		{"tab", "title: a\n\tsites: []\n", []string{"platform.yaml:2:"}},
		{"no sites", "title: a\n", []string{"platform.yaml:1: 没有 sites:"}},
		{"unknown key", "title: a\nsite: [x]\nsites: [x]\n", []string{`platform.yaml:2: 未知的键 "site"`}},
		{"duplicate key", "sites: [a]\ntitle: a\nsites: [b]\n", []string{"platform.yaml:3: 键 sites 写了两次（第 1 行已有）"}},
		{"sites a string", "sites: sites/*\n", []string{"platform.yaml:1: sites 应是列表"}},
		{"sites empty", "sites: []\n", []string{"platform.yaml:1: sites 是空列表"}},
		{"title a list", "title: [a]\nsites: [x]\n", []string{"platform.yaml:1: title 应是一段文字"}},
		{"baseURL", "baseURL: www.example.gov.cn\nsites: [x]\n", []string{"platform.yaml:1: baseURL \"www.example.gov.cn\" 不是完整网址"}},
		{"parallel", "sites: [x]\nparallel: 0\n", []string{"platform.yaml:2: parallel 应是 1 到 64"}},
		{"parallel text", "sites: [x]\nparallel: 两个\n", []string{"platform.yaml:2: parallel"}},
		{"escape", "sites:\n  - ok\n  - ../other\n", []string{`platform.yaml:3: 站点文件夹 "../other" 指到平台文件夹之外`}},
		{"absolute", "sites:\n  - /srv/site\n", []string{"platform.yaml:2: 站点文件夹 \"/srv/site\" 是绝对路径"}},
		{"itself", "sites:\n  - {name: a, path: .}\n", []string{"platform.yaml:2: 站点文件夹 \".\" 是平台文件夹本身"}},
		{"backslash", "sites:\n  - sites\\a\n", []string{"platform.yaml:2: 站点文件夹 \"sites\\\\a\" 含反斜杠"}},
		{"bad glob", "sites:\n  - sites/[a\n", []string{"platform.yaml:2: 通配符 \"sites/[a\" 写错了"}},
		{"bad name", "sites:\n  - {name: 县政府, path: a}\n", []string{"platform.yaml:2: 站点名 \"县政府\" 不能用作网址中的名字"}},
		{"reserved", "sites:\n  - {name: css, path: a}\n", []string{"platform.yaml:2: 站点名 \"css\" 是平台门户自用的地址"}},
		{"item key", "sites:\n  - {name: a, dir: a}\n", []string{`platform.yaml:2: 站点项中未知的键 "dir"`, "platform.yaml:2: 站点项缺少 path"}},
		{"named glob", "sites:\n  - {name: a, path: 's/*'}\n", []string{"platform.yaml:2: 带 name 的站点项只能指一个文件夹"}},
		{"item list", "sites:\n  - [a]\n", []string{"platform.yaml:2: sites 的每项应是一个文件夹"}},
		{"departments escape", "sites: [a]\ndepartments: ../d.yaml\n", []string{"platform.yaml:2: departments \"../d.yaml\" 指到平台文件夹之外"}},
		{"several", "title: [a]\nsites: [../x]\nparallel: -1\n", []string{"platform.yaml:1:", "platform.yaml:2:", "platform.yaml:3:"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("platform.yaml", []byte(c.yaml))
			if err == nil {
				t.Fatalf("no error for %q", c.yaml)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(c.want) {
				t.Fatalf("want %d errors, got:\n%v", len(c.want), err)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("error %d: want prefix %q, got %q", i, w, lines[i])
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	c, err := Parse("platform.yaml", []byte("baseURL: https://a.gov.cn/\nsites:\n  - sites/*\n  - {name: city, path: ./shi/}\nparallel: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "政府网站集约化平台" || c.BaseURL != "https://a.gov.cn" || c.Parallel != 3 || len(c.Sites) != 2 ||
		c.Sites[1] != (SiteEntry{Name: "city", Path: "shi", Line: 4}) {
		t.Errorf("%+v", c)
	}
}

func TestResolveErrors(t *testing.T) {
	fs := afero.NewMemMapFs()
	for _, f := range []string{"/p/sites/a/site.yaml", "/p/sites/b/site.yaml", "/p/other/a/site.yaml", "/p/sites/Big/site.yaml", "/p/nosite/x.md"} {
		_ = afero.WriteFile(fs, f, []byte("title: x\n"), 0o644)
	}
	for _, c := range []struct{ name, yaml, want string }{
		{"no site.yaml", "sites:\n  - nosite\n", "platform.yaml:2: 站点文件夹 nosite 中没有 site.yaml"},
		{"glob finds nothing", "sites:\n  - nothing/*\n", "platform.yaml:2: 通配符 nothing/* 没有找到"},
		{"same name", "sites:\n  - sites/a\n  - other/a\n", "platform.yaml:3: 站点名 \"a\" 重复（第 2 行已有）"},
		{"folder name", "sites:\n  - sites/*\n", "platform.yaml:2: 站点文件夹 sites/Big 的名字 不能用作网址中的名字"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Parse("platform.yaml", []byte(c.yaml))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Resolve(fs, "/p", "platform.yaml", cfg)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("want %q, got %v", c.want, err)
			}
		})
	}
	cfg, _ := Parse("platform.yaml", []byte("sites:\n  - sites/a\n  - sites/[ab]\n  - {name: city, path: other/a}\n"))
	sites, err := Resolve(fs, "/p", "platform.yaml", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) != 3 || sites[0].Name != "a" || sites[1].Name != "b" || sites[2].Name != "city" || sites[2].Dir != "/p/other/a" {
		t.Errorf("%+v", sites)
	}
}

func TestPlatformErrorsNameTheFile(t *testing.T) {
	p := newTestPlatform(t, "-- platform.yaml --\ntitle: x\nsites: [sites/*]\ndepartments: missing.yaml\n")
	if _, err := p.build(); err == nil || !strings.HasPrefix(err.Error(), "/p/platform.yaml:3: 无法读取部门名录 missing.yaml") {
		t.Errorf("missing registry: %v", err)
	}
	p.write("-- platform.yaml --\nsites: [sites/*]\ndepartments: departments.yaml\n-- departments.yaml --\n- {name: 县民政局}\n- {name: 民政局, aliases: [县民政局]}\n")
	if _, err := p.build(); err == nil || !strings.HasPrefix(err.Error(), "/p/departments.yaml: ") || !strings.Contains(err.Error(), "已是 县民政局 的名称或别名") {
		t.Errorf("clashing registry: %v", err)
	}
	p.write("-- departments.yaml --\n- {name: 县民政局, alias: [民政局]}\n")
	if _, err := p.build(); err == nil || !strings.HasPrefix(err.Error(), "/p/departments.yaml:1: 未知的键 \"alias\"") {
		t.Errorf("registry with an unknown key: %v", err)
	}
	p.write("-- departments.yaml --\n- {name: 县民政局}\n")
	if _, err := p.build(func(o *Options) { o.Site = "shi" }); err == nil || !strings.Contains(err.Error(), `没有名为 "shi" 的站点；平台的站点有：shequ、xian、zhen`) {
		t.Errorf("--site of no site: %v", err)
	}
}

var errLine = regexp.MustCompile(`^platform\.yaml:[1-9][0-9]*: `)

// FuzzParse: no platform.yaml panics the parser, and every error it reports names a line.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: 平台\nbaseURL: https://a.gov.cn\nsites:\n  - sites/*\n  - {name: a, path: b}\ndepartments: d.yaml\nparallel: 2\n",
		"sites: [a, b, ../c]\n",
		"sites:\n  - {name: css, path: '*'}\n",
		"&a [*a]\n",
		"sites: !!map {a: b}\n",
		"? [a]\n: b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse("platform.yaml", []byte(src))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !errLine.MatchString(line) {
					t.Errorf("error without platform.yaml:line: %q", line)
				}
			}
			return
		}
		for _, e := range c.Sites {
			if relPathProblem(e.Path) != "" || (e.Name != "" && nameProblem(e.Name) != "") {
				t.Errorf("accepted a bad site %+v", e)
			}
		}
	})
}
