package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/internal/textdist"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The command line speaks Chinese to the staff who run it: its help (cobra's own words too:
// 用法, 参数, help for …) and its answers to a mistyped command, flag or value, each naming the
// fix. A locale asking for English (LANG=en_US.UTF-8 and the like) keeps the English help the
// commands are written with. The Chinese is here, keyed by the English text, so that a new or
// changed English text shows in TestHelpIsChinese as one without its translation.

// helpInEnglish reports whether the locale asks for English messages: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as for any POSIX program.
func helpInEnglish() bool {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return strings.HasPrefix(s, "en")
		}
	}
	return false
}

// localize gives root, and every command under it, Chinese help unless english, and in either
// language the errors for wrong commands, flags and values.
func localize(root *cobra.Command, english bool) {
	root.SetFlagErrorFunc(flagError)
	// With Args, a word that is no command reaches unknownCommand instead of cobra's English;
	// with RunE, `gongkai` alone prints the help rather than treating the word as a help topic.
	root.Args = unknownCommand
	root.SuggestionsMinimumDistance = 2
	root.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	if english {
		return
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.SetUsageTemplate(usageTemplate)
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Use, c.Short, c.Long = zh(c.Use), zh(c.Short), zh(c.Long)
		c.DisableFlagsInUseLine = true // the template says [参数] for cobra's [flags]
		c.InitDefaultHelpFlag()
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				f.Usage = "显示 " + c.CommandPath() + " 的帮助"
				return
			}
			f.Usage = zh(f.Usage)
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// zh is the Chinese of an English help text; a text without one stays as it is (and fails
// TestHelpIsChinese).
func zh(en string) string {
	if en == "" {
		return ""
	}
	if s, ok := helpZh[en]; ok {
		return s
	}
	return en
}

// usageTemplate is cobra's usage template in Chinese, its flag lists by flagUsages.
const usageTemplate = `用法：{{if .HasAvailableSubCommands}}
  {{.CommandPath}} 命令 [参数]{{else if .Runnable}}
  {{.UseLine}}{{if .HasAvailableFlags}} [参数]{{end}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

参数：
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

通用参数：
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

每个命令的用法：{{.CommandPath}} 命令 --help{{end}}
`

// valueNames are the placeholders of flag values, by the flag's name or else its type, in
// place of pflag's type names (string, duration).
var valueNames = map[string]string{
	"source": "文件夹", "destination": "文件夹", "site": "站点名", "addr": "地址", "pprof": "地址",
	"format": "格式", "section": "栏目", "sort": "排序", "cpuprofile": "文件", "memprofile": "文件",
	"string": "文本", "duration": "时长", "int": "数字", "stringArray": "键=值",
}

// flagUsages lists flags as pflag's FlagUsages does, in Chinese: the value's placeholder and
// （默认 …） for a default that is not the zero value, aligned by display width.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	widest := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if t := f.Value.Type(); t != "bool" {
			name := valueNames[f.Name]
			if name == "" {
				name = valueNames[t]
			}
			if name == "" {
				name = t
			}
			left += " " + name
		}
		usage := f.Usage
		switch f.DefValue {
		case "", "false", "0", "[]", "0s":
		case ".":
			usage += "，默认为当前文件夹"
		default:
			usage += "，默认 " + f.DefValue
		}
		rows = append(rows, row{left, usage})
		widest = max(widest, displayWidth(left))
	})
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.left + strings.Repeat(" ", widest-displayWidth(r.left)+3) + r.usage)
	}
	return b.String()
}

// displayWidth counts a wide (CJK) character as two columns.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 {
			w++
		}
	}
	return w
}

// flagError words a flag that does not parse: what is wrong and what to type instead.
func flagError(c *cobra.Command, err error) error {
	help := "；参数见 " + c.CommandPath() + " --help"
	if hint := suggestFlag(c, flagName(err)); hint != "" {
		help = hint + "参数见 " + c.CommandPath() + " --help"
	}
	var notExist *pflag.NotExistError
	var noValue *pflag.ValueRequiredError
	var bad *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if s := notExist.GetSpecifiedShortnames(); s != "" {
			name = "-" + s
		}
		return fmt.Errorf("%s 没有参数 %s%s", c.CommandPath(), name, help)
	case errors.As(err, &noValue):
		f := noValue.GetFlag()
		example := ""
		if f.DefValue != "" {
			example = "，如 --" + f.Name + " " + f.DefValue
		}
		return fmt.Errorf("--%s 后面缺少值%s%s", f.Name, example, help)
	case errors.As(err, &bad):
		f := bad.GetFlag()
		return fmt.Errorf("--%s 的值 %q 无效：%s", f.Name, bad.GetValue(), valueHint(f, bad.Unwrap()))
	case errors.As(err, &syntax):
		return fmt.Errorf("参数 %q 写法有误：参数写成 --名称 值 或 --名称=值%s", syntax.GetSpecifiedFlag(), help)
	}
	return fmt.Errorf("%v%s", err, help)
}

// valueHint says how a value of the flag's type is written.
func valueHint(f *pflag.Flag, err error) string {
	switch f.Value.Type() {
	case "duration":
		return "时长要带单位，如 30s、2m、1h"
	case "int":
		return "应为整数，如 --" + f.Name + " 10"
	case "bool":
		return "只写 --" + f.Name + "，或写 --" + f.Name + "=true / --" + f.Name + "=false"
	}
	return fmt.Sprintf("%v；写法见 --help", err)
}

// flagName is the long name of a flag that does not exist, "" for other errors.
func flagName(err error) string {
	var notExist *pflag.NotExistError
	if errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() == "" {
		return notExist.GetSpecifiedName()
	}
	return ""
}

// suggestFlag names the command's flags nearest a mistyped one (at most two edits away, or
// starting with it), as "；是否想用 --source？", or "".
func suggestFlag(c *cobra.Command, typed string) string {
	if typed == "" {
		return ""
	}
	best := 3
	var near []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := textdist.Levenshtein([]rune(typed), []rune(f.Name))
		if strings.HasPrefix(f.Name, typed) {
			d = 1
		}
		switch {
		case d < best:
			best, near = d, []string{"--" + f.Name}
		case d == best:
			near = append(near, "--"+f.Name)
		}
	})
	if len(near) == 0 {
		return ""
	}
	sort.Strings(near)
	return "；是否想用 " + either(near) + "？"
}

// either lists choices as Chinese does: a、b 或 c.
func either(choices []string) string {
	if len(choices) == 1 {
		return choices[0]
	}
	return strings.Join(choices[:len(choices)-1], "、") + " 或 " + choices[len(choices)-1]
}

// unknownCommand refuses a word that is no command of root, naming the nearest ones.
func unknownCommand(root *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	help := "；全部命令见 " + root.Name() + " --help"
	if near := root.SuggestionsFor(args[0]); len(near) > 0 {
		help = "；是否想用 " + root.Name() + " " + either(near) + "？全部命令见 " + root.Name() + " --help"
	}
	return fmt.Errorf("没有命令 %q%s", args[0], help)
}

// noArgs is noArgs, saying that a folder goes after -s.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if info, err := os.Stat(args[0]); err == nil && info.IsDir() && c.Flags().Lookup("source") != nil {
		return fmt.Errorf("%s 不接受 %q 这样的参数；要指定文件夹，写 %s -s %s", c.CommandPath(), args[0], c.CommandPath(), args[0])
	}
	return fmt.Errorf("%s 不接受 %q 这样的参数；用法见 %s --help", c.CommandPath(), args[0], c.CommandPath())
}

// minArgs is cobra.MinimumNArgs, showing the command's use and an example.
func minArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) >= n {
			return nil
		}
		return missingArgs(c)
	}
}

// exactArgs is cobra.ExactArgs, showing the command's use and an example.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		if len(args) < n {
			return missingArgs(c)
		}
		return fmt.Errorf("%s 多了参数 %q；用法 %s%s", c.CommandPath(), strings.Join(args[n:], " "), c.UseLine(), example(c))
	}
}

func missingArgs(c *cobra.Command) error {
	return fmt.Errorf("%s 缺少参数；用法 %s%s", c.CommandPath(), c.UseLine(), example(c))
}

// example is the first line of a command's examples, as "，如 …", or "".
func example(c *cobra.Command) string {
	first, _, _ := strings.Cut(strings.TrimSpace(c.Example), "\n")
	if first == "" {
		return ""
	}
	return "，如 " + first
}
