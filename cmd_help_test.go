package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// chineseRoot is the root command as a Chinese locale sees it, whatever the test's locale.
func chineseRoot(t *testing.T) *cobra.Command {
	t.Helper()
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	return rootCmd()
}

// TestHelpIsChinese: every command's use line, summary and description, and every flag's
// usage, is Chinese (cmd_help_zh.go has a translation of its English); and the table holds no
// translation that nothing uses any more.
func TestHelpIsChinese(t *testing.T) {
	en := map[string]bool{}
	t.Setenv("LC_ALL", "en_US.UTF-8")
	var collect func(c *cobra.Command)
	collect = func(c *cobra.Command) {
		en[c.Use], en[c.Short], en[c.Long] = true, true, true
		c.Flags().VisitAll(func(f *pflag.Flag) { en[f.Usage] = true })
		for _, sub := range c.Commands() {
			collect(sub)
		}
	}
	root := rootCmd()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	collect(root)
	for key := range helpZh {
		if !en[key] {
			t.Errorf("cmd_help_zh.go translates %q, which no command says any more", key)
		}
	}

	var check func(c *cobra.Command)
	check = func(c *cobra.Command) {
		_, rest, _ := strings.Cut(c.Use, " ")
		for what, s := range map[string]string{"use line": rest, "summary": c.Short, "description": c.Long} {
			if s != "" && !hasHan(s) && !isPlaceholder(s) {
				t.Errorf("%s: %s %q has no Chinese; add it to cmd_help_zh.go", c.CommandPath(), what, s)
			}
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !hasHan(f.Usage) {
				t.Errorf("%s --%s: %q has no Chinese; add it to cmd_help_zh.go", c.CommandPath(), f.Name, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			check(sub)
		}
	}
	check(chineseRoot(t))

	var out bytes.Buffer
	root = chineseRoot(t)
	root.SetOut(&out)
	root.SetArgs([]string{"build", "--help"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"用法：\n  gongkai build [参数]", "-s, --source 文件夹", "默认为当前文件夹", "--lock-wait 时长", "默认 2m0s", "显示 gongkai build 的帮助"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("gongkai build --help lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "Usage") || strings.Contains(out.String(), "default") {
		t.Errorf("gongkai build --help has cobra's English:\n%s", out.String())
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// isPlaceholder is a use line that needs no words: [command] and the like.
func isPlaceholder(s string) bool { return strings.Trim(s, "[]") != s && !strings.Contains(s, " ") }

// TestWrongUseNamesTheFix: a mistyped command, flag or value, and missing or extra
// arguments, are refused (status 1) with what to type instead.
func TestWrongUseNamesTheFix(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"buld"}, []string{`没有命令 "buld"`, "是否想用 gongkai build？", "gongkai --help"}},
		{[]string{"build", "--sourc", "x"}, []string{"没有参数 --sourc", "是否想用 --source？", "gongkai build --help"}},
		{[]string{"build", "--drafs"}, []string{"是否想用 --drafts？"}},
		{[]string{"build", "-x"}, []string{"没有参数 -x", "gongkai build --help"}},
		{[]string{"serve", "--addr"}, []string{"--addr 后面缺少值", "--addr 127.0.0.1:1313"}},
		{[]string{"build", "--lock-wait", "5"}, []string{`--lock-wait 的值 "5" 无效`, "30s"}},
		{[]string{"search", "-n", "abc", "q"}, []string{"应为整数", "--number 10"}},
		{[]string{"build", "--drafts=maybe"}, []string{"--drafts=true"}},
		{[]string{"build", dir}, []string{"gongkai build -s " + dir}},
		{[]string{"build", "extra"}, []string{`不接受 "extra"`, "gongkai build --help"}},
		{[]string{"search"}, []string{"缺少参数", "gongkai search 查询词", "如 gongkai search 中发[2017]13号"}},
		{[]string{"new", "policy", "a.md", "b"}, []string{`多了参数 "b"`, "gongkai new 类型 路径"}},
	} {
		root := chineseRoot(t)
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetErr(&out)
		root.SetArgs(c.args)
		err := root.Execute()
		if err == nil {
			t.Errorf("gongkai %s: no error", strings.Join(c.args, " "))
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("gongkai %s: %q lacks %q", strings.Join(c.args, " "), err, w)
			}
		}
	}
	// gongkai alone shows the help, and is no error.
	root := chineseRoot(t)
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs(nil)
	if err := root.Execute(); err != nil || !strings.Contains(out.String(), "命令：") {
		t.Errorf("gongkai alone: %v\n%s", err, out.String())
	}
}
