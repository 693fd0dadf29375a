package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/progress"
	"github.com/spf13/afero"
)

// cliText is what the command line says in its own words, in the site's language (site.yaml
// language: zh-CN, the default, or en), so that staff read one language from start to end.
type cliText struct{ en bool }

// textFor reads the language of the site in folder source; without a readable site.yaml it is
// the default, zh-CN.
func textFor(source string) cliText {
	cfg, err := config.Load(afero.NewOsFs(), filepath.Join(source, config.FileName))
	return cliText{en: err == nil && cfg.Language == "en"}
}

// plural writes n with the English noun in its singular or plural form: 1 result, 2 results.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (c cliText) built(pages int, kinds string) string {
	if c.en {
		return fmt.Sprintf("Built %s (%s)", plural(pages, "page", "pages"), kinds)
	}
	return fmt.Sprintf("已生成 %d 个页面（%s）", pages, kinds)
}

func (c cliText) buildTotals(files, records, warnings int, took string) string {
	if c.en {
		return fmt.Sprintf("  %s, %s, %s, in %s", plural(files, "file", "files"), plural(records, "search record", "search records"),
			plural(warnings, "warning", "warnings"), took)
	}
	return fmt.Sprintf("  %d 个文件，%d 条检索记录，%d 条警告，用时 %s", files, records, warnings, took)
}

// buildFailed heads a failed build's error; note says what became of the output folder
// (publish.Stage.Note), translated when it is the usual "left unchanged".
func (c cliText) buildFailed(stopped bool, note string) string {
	what := "build failed"
	if stopped {
		what = "build stopped by a signal"
	}
	if !c.en {
		what = "构建失败"
		if stopped {
			what = "构建已被信号中止"
		}
		if note == "the previous output was left unchanged" {
			note = "之前发布的内容保持不变"
		}
	}
	if note == "" {
		return what
	}
	if c.en {
		return what + "; " + note
	}
	return what + "，" + note
}

// progress is the line a long build redraws on a terminal: what it has read, converted,
// written and indexed so far, out of the totals it knows, and for how long it has run. With
// the laws corpus's numbers it fits an 80-column terminal (a longer line is cut there).
func (c cliText) progress(s progress.Snapshot) string {
	of := func(n, total int64) string {
		if total > 0 {
			return fmt.Sprintf("%d/%d", n, total)
		}
		return fmt.Sprint(n)
	}
	took := s.Elapsed.Round(time.Second).String()
	if c.en {
		return fmt.Sprintf("pages %d, converted %s, files written %d, indexed %s, %s",
			s.Read, of(s.Converted, s.Pages), s.Rendered, of(s.Indexed, s.Records), took)
	}
	return fmt.Sprintf("已读 %d 页，已转换 %s，已写 %d 个文件，已索引 %s 条，%s",
		s.Read, of(s.Converted, s.Pages), s.Rendered, of(s.Indexed, s.Records), took)
}

func (c cliText) nextChange(when string) string {
	if c.en {
		return "  next scheduled change: " + when
	}
	return "  下一次定时变化：" + when
}

func (c cliText) warning() string {
	if c.en {
		return "warning: "
	}
	return "警告："
}

// severity names a problem's severity in check's text output; JSON and GitHub output keep the
// machine words error and warning.
func (c cliText) severity(s string) string {
	if c.en {
		return s
	}
	switch s {
	case "error":
		return "错误"
	case "warning":
		return "警告"
	}
	return s
}

func (c cliText) noProblems() string {
	if c.en {
		return "No problems found."
	}
	return "没有发现问题。"
}

func (c cliText) results(n int, query string) string {
	if c.en {
		return fmt.Sprintf("%s for %q", plural(n, "result", "results"), query)
	}
	return fmt.Sprintf("“%s”：%d 条结果", query, n)
}

func (c cliText) relaxed() string {
	if c.en {
		return "No exact matches; similar results:"
	}
	return "没有完全匹配的结果，以下是相近结果："
}

func (c cliText) suggest(q string) string {
	if c.en {
		return fmt.Sprintf("Did you mean: %s", q)
	}
	return fmt.Sprintf("您是不是要找：%s", q)
}

func (c cliText) created(path string) string {
	if c.en {
		return fmt.Sprintf("Created %s (a draft: fill in the front matter, then remove `draft: true`)", path)
	}
	return fmt.Sprintf("已创建 %s（草稿：填好 front matter 后删去 draft: true）", path)
}

// imported keeps "(draft: true)" in both languages: it is the line the README tells staff to delete.
func (c cliText) imported(path string) string {
	if c.en {
		return fmt.Sprintf("Wrote %s (draft: true)", path)
	}
	return fmt.Sprintf("已写入 %s（draft: true）", path)
}

func (c cliText) guessed(fields []string) string {
	if c.en {
		return fmt.Sprintf("Guessed from the document's header, please confirm: %s", strings.Join(fields, ", "))
	}
	return fmt.Sprintf("以下字段是从文件开头推测的，请核对：%s", strings.Join(fields, "、"))
}

func (c cliText) masked(path string, n int) string {
	if c.en {
		return fmt.Sprintf("%s: masked %s", path, plural(n, "value", "values"))
	}
	return fmt.Sprintf("%s: 已脱敏 %d 处", path, n)
}

// stoppedHard is the last line of a build that a signal stopped and that did not end in time.
func (c cliText) stoppedHard() string {
	if c.en {
		return "Error: build stopped by a signal; its staging folder was removed"
	}
	return "错误：构建已被信号中止，临时输出文件夹已删除"
}

func (c cliText) serveFailed() string {
	if c.en {
		return "build failed (still serving the last good site):"
	}
	return "构建失败（仍在提供上一次成功构建的网站）："
}

// serving is serve's line once the site is up; tests find the address in it (http://…/).
func (c cliText) serving(dest, addr string) string {
	if c.en {
		return fmt.Sprintf("Serving %s at http://%s/  (Ctrl+C to stop)", dest, addr)
	}
	return fmt.Sprintf("正在提供 %s 中的网站：http://%s/（按 Ctrl+C 停止）", dest, addr)
}

func (c cliText) watching() string {
	if c.en {
		return "Watching content/, static/, site.yaml and themes/ for changes"
	}
	return "正在监视 content/、static/、site.yaml 和 themes/ 的改动"
}

func (c cliText) rebuilt(pages, files int, took string) string {
	if c.en {
		return fmt.Sprintf("Rebuilt %s: %s written in %s", plural(pages, "page", "pages"), plural(files, "file", "files"), took)
	}
	return fmt.Sprintf("已重新生成 %d 个页面：写出 %d 个文件，用时 %s", pages, files, took)
}
