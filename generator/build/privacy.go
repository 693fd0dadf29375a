package build

import (
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
		errs = append(errs, findingErrors(p.SrcPath, privacy.Scan(p.Source, allowList(p)))...)
		p.Source = nil // scanned: the rest of the build needs only the body
	}
	return errs
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
		errs = append(errs, fmt.Errorf("%s:%d:%d: 未脱敏的%s %s 不得公开; mask it (run `gongkai mask %s`) or, for an official number, list it under allow_numbers in the front matter", path, f.Line, f.Col, f.Kind, f.Masked, path))
	}
	return errs
}
