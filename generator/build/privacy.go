package build

import (
	"bytes"
	"fmt"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/gongkai/gongkai/generator/site"
)

// guardPrivacy refuses to publish an unmasked ID, mobile or bank card number anywhere in a
// published page's file. The files beside it (data files, duties_file tables, attachments) are
// checked by siteFiles.checkPrivacy with the same allow lists.
func guardPrivacy(pages []*site.Page) []error {
	var errs []error
	for _, p := range pages {
		if p.SrcPath == "" {
			continue
		}
		allow := allowList(p)
		found := privacy.Scan(p.Source, allow)
		errs = append(errs, findingErrors(p.SrcPath, found)...)
		if len(found) == 0 && markupNearDigits(p.Source) {
			// Read as it renders, so that `gongkai check` finds what the output guard would.
			for _, f := range privacy.ScanPublished(p.Source, privacy.Markdown, allow) {
				errs = append(errs, fmt.Errorf("%s:%d:%d: 未脱敏的%s %s 不得公开（数字间的标记、实体或强调挡不住它）; 请直接写成脱敏形式；如是公开的办公号码，列入 front matter 的 allow_numbers", p.SrcPath, f.Line, f.Col, f.Kind, f.Masked))
			}
		}
		p.Source = nil // scanned: the rest of the build needs only the body
	}
	return errs
}

// markupNearDigits says whether a source may spell a number across markup: a digit touching
// <, >, an entity or Markdown emphasis, or a numeric entity anywhere. Most pages have none, and
// are not read a second time.
func markupNearDigits(src []byte) bool {
	if bytes.Contains(src, []byte("&#")) {
		return true
	}
	for i, c := range src {
		if c-'0' > 9 {
			continue
		}
		if i > 0 && beforeDigit[src[i-1]] || i+1 < len(src) && afterDigit[src[i+1]] {
			return true
		}
	}
	return false
}

var afterDigit, beforeDigit = byteSet("<&*_`~\\"), byteSet(">;*_`~")

func byteSet(s string) (set [256]bool) {
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
}

func allowList(p *site.Page) []string {
	var out []string
	switch v := p.Params["allow_numbers"].(type) {
	case []any:
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
	case string:
		out = append(out, v)
	}
	if p.Disclose != nil && p.Disclose.Hotline != "" {
		out = append(out, p.Disclose.Hotline)
	}
	return out
}

func findingErrors(path string, fs []privacy.Finding) []error {
	var errs []error
	for _, f := range fs {
		errs = append(errs, fmt.Errorf("%s:%d:%d: 未脱敏的%s %s 不得公开; 请脱敏（运行 `gongkai mask %s`）；如是公开的办公号码，列入 front matter 的 allow_numbers", path, f.Line, f.Col, f.Kind, f.Masked, path))
	}
	return errs
}
