package build

import (
	"fmt"
	"sort"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/privacy"
)

// What readers and staff are told about withheld revisions, in the site's language.
const (
	msgWithheld = iota
	msgSubjectWithheld
	msgAfterWithheld
	msgAfterWithheldNoBase
	msgComparedWith
	msgWarnText
	msgWarnMessage
	msgWarnMore
	msgWarnDiff
	msgWarnUnreadable
	msgFirstPublished
)

var historyMessages = map[string][]string{
	"zh-CN": {
		msgWithheld:            "此版本已撤回：含有个人信息",
		msgSubjectWithheld:     "提交说明已撤回：含有个人信息",
		msgAfterWithheld:       "上一版本已撤回（含有个人信息）；下面是与更早的公开版本 %s 的对比。",
		msgAfterWithheldNoBase: "上一版本已撤回（含有个人信息）；下面是本版本的全文。",
		msgComparedWith:        "（与 %s 相比）",
		msgWarnText: "%s: 修订 %s（%s）含有个人信息，已撤回、不予公开：该版本第 %d 行第 %d 列有未脱敏的%s %s%s; " +
			"此提交仍在 git 历史中，克隆仓库的人都能看到；如需清除，用 git filter-repo --replace-text 改写历史" +
			"（先备份仓库，改写后强制推送，并请所有人重新克隆）",
		msgWarnMessage: "%s: 修订 %s（%s）的提交说明有未脱敏的%s %s，提交说明不予公开; " +
			"如需从 git 历史中清除，用 git filter-repo --replace-message 改写提交说明（先备份仓库，改写后强制推送，并请所有人重新克隆）",
		msgWarnMore:       "（该版本共 %d 处）",
		msgWarnDiff:       "%s: 修订 %s（%s）与上一公开版本的对比拼出了未脱敏的%s %s，对比已撤回、不予公开; 检查这两个版本中相邻的数字",
		msgWarnUnreadable: "history: git 读不出 %d 个历史版本，已略去",
		msgFirstPublished: "首次发布",
	},
	"en": {
		msgWithheld:            "revision withheld: it held personal data",
		msgSubjectWithheld:     "commit message withheld: it held personal data",
		msgAfterWithheld:       "The revision before this one was withheld (it held personal data); this compares with the earlier public revision %s.",
		msgAfterWithheldNoBase: "The revision before this one was withheld (it held personal data); this shows the whole text of this revision.",
		msgComparedWith:        " (compared with %s)",
		msgWarnText: "%s: revision %s (%s) held personal data and is withheld: line %d column %d of that revision has an unmasked %s %s%s; " +
			"the commit is still in the git history, which everyone who clones the repository can read; to remove it, rewrite history " +
			"with git filter-repo --replace-text (back up the repository first, force-push afterwards and have everyone clone afresh)",
		msgWarnMessage: "%s: the commit message of revision %s (%s) has an unmasked %s %s and is not published; " +
			"to remove it from the git history, rewrite the message with git filter-repo --replace-message " +
			"(back up the repository first, force-push afterwards and have everyone clone afresh)",
		msgWarnMore:       " (%d in that revision)",
		msgWarnDiff:       "%s: the comparison of revision %s (%s) with the public revision before it reads as an unmasked %s %s and is withheld; check the neighbouring numbers in the two revisions",
		msgWarnUnreadable: "history: git could not give %d old revisions; they are left out",
		msgFirstPublished: "first published",
	},
}

var kindNamesEn = map[string]string{
	privacy.KindID:    "ID number",
	privacy.KindPhone: "mobile number",
	privacy.KindCard:  "bank card number",
}

func (g revisionGuard) text(msg int) string { return historyMessage(g.lang, msg) }

func historyMessage(lang string, msg int) string {
	if m, ok := historyMessages[lang]; ok {
		return m[msg]
	}
	return historyMessages["zh-CN"][msg]
}

// historyWarnings tells staff, for `gongkai check` and the build, which revisions and commit
// messages were withheld: the page, the commit and the line, so that they can find the number
// and rewrite history if they wish. A commit message is reported once, whatever the number of
// pages its commit touched.
func historyWarnings(lang string, results []pageHistory) []string {
	var out []string
	unreadable := 0
	messages := map[string]bool{}
	kind := func(k string) string {
		if lang == "en" {
			return kindNamesEn[k]
		}
		return k
	}
	for _, res := range results {
		unreadable += res.unreadable
		for _, w := range res.withheld {
			date := w.rev.Date.In(content.CST).Format("2006-01-02")
			f := w.findings[0]
			if w.message {
				if messages[w.rev.Hash] {
					continue
				}
				messages[w.rev.Hash] = true
				out = append(out, fmt.Sprintf(historyMessage(lang, msgWarnMessage), w.page.SrcPath, w.rev.ShortHash, date, kind(f.Kind), f.Masked))
				continue
			}
			if w.diff {
				out = append(out, fmt.Sprintf(historyMessage(lang, msgWarnDiff), w.page.SrcPath, w.rev.ShortHash, date, kind(f.Kind), f.Masked))
				continue
			}
			more := ""
			if len(w.findings) > 1 {
				more = fmt.Sprintf(historyMessage(lang, msgWarnMore), len(w.findings))
			}
			out = append(out, fmt.Sprintf(historyMessage(lang, msgWarnText), w.page.SrcPath, w.rev.ShortHash, date, f.Line, f.Col, kind(f.Kind), f.Masked, more))
		}
	}
	sort.Strings(out)
	if unreadable > 0 {
		out = append(out, fmt.Sprintf(historyMessage(lang, msgWarnUnreadable), unreadable))
	}
	return out
}
