package build

import (
	"fmt"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/consult"
	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/disclose"
	"github.com/gongkai/gongkai/generator/policy"
	"github.com/gongkai/gongkai/generator/site"
)

// decodePages keeps the pages that are published on the build date and decodes each page
// type's own front matter. Unpublished pages are dropped here, before anything reads their
// text, so they can reach no output: not HTML, lists, feeds, sitemap, data files or the index.
func decodePages(opts Options, cfg *config.Config, loaded []*content.Page) ([]*site.Page, []error) {
	var (
		pages []*site.Page
		errs  []error
	)
	for _, cp := range loaded {
		if !cp.Published(opts.Now, opts.Drafts, opts.Future) {
			continue
		}
		p := &site.Page{Page: cp}
		switch cp.Type {
		case "policy":
			if cp.Kind == content.KindPage {
				m, es := policy.Decode(cp)
				p.Policy = m
				errs = append(errs, es...)
			}
		case "consultation":
			if cp.Kind == content.KindPage && cp.Meta != nil {
				c, problems := consult.Decode(cp.Meta)
				if c != nil {
					problems = append(problems, c.Check()...)
				}
				for _, pr := range problems {
					errs = append(errs, fmt.Errorf("%s:%d: %s", cp.SrcPath, cp.Line(pr.Line), pr.Message))
				}
				p.Consult = c
			}
		case "disclosure":
			if cp.Kind == content.KindPage && cp.Meta != nil {
				d, problems := disclose.Decode(cp.Meta, cfg.Disclosure.Categories)
				for _, pr := range problems {
					errs = append(errs, fmt.Errorf("%s:%d: %s", cp.SrcPath, cp.Line(pr.Line), pr.Message))
				}
				if d != nil && d.Unpublished(opts.Now) {
					continue
				}
				p.Disclose = d
			}
		}
		pages = append(pages, p)
	}
	return pages, errs
}
