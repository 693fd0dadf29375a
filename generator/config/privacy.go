package config

import (
	"fmt"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Privacy configures the personal-data guard over the files a site publishes as they are.
//
//	privacy:
//	  reviewed:   # files published although the guard cannot read them
//	    - path: content/disclosures/2024/*.pdf
//	      reason: 扫描件，已人工核对无身份证号（王五，2024-06-01）
//
// The guard reads text, RTF, Office Open XML (xlsx, docx, pptx), OpenDocument, zip, gzip and
// PDF files with text. What it cannot read (old .doc/.xls/.et/.wps, scanned PDFs, other
// binary files) is refused unless a reviewed entry matches it; the build then prints the reason.
type Privacy struct {
	Reviewed []Reviewed `yaml:"reviewed"`
}

// Reviewed is one entry of privacy.reviewed: files that someone checked by hand.
type Reviewed struct {
	// Path is a slash-separated path from the site's root (content/…, static/…, themes/…), or a
	// pattern: * and ? within one folder name, ** for any number of folders.
	Path string `yaml:"path"`
	// Reason says who checked the files and what they found; it is printed by every build.
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`
}

// UnmarshalYAML checks an entry where it is written, so that the error names its line.
func (r *Reviewed) UnmarshalYAML(n *yaml.Node) error {
	type plain Reviewed
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = Reviewed(p)
	r.Line = n.Line
	r.Path = strings.TrimPrefix(strings.TrimSpace(r.Path), "./")
	switch {
	case r.Path == "":
		return fmt.Errorf("line %d: privacy.reviewed 中有一项没有 path；写出文件或通配模式，如 `path: content/disclosures/2024/*.pdf`", n.Line)
	case strings.TrimSpace(r.Reason) == "":
		return fmt.Errorf("line %d: privacy.reviewed 中 %s 没有 reason；写明谁核对过、结论是什么，如 `reason: 扫描件，已人工核对无身份证号（王五，2024-06-01）`", n.Line, r.Path)
	case strings.HasPrefix(r.Path, "/") || strings.Contains(r.Path, `\`):
		return fmt.Errorf("line %d: privacy.reviewed 的 path %q 应相对于网站文件夹并用 / 分隔；写成如 content/a/b.pdf", n.Line, r.Path)
	}
	for _, seg := range strings.Split(r.Path, "/") {
		if seg == ".." {
			return fmt.Errorf("line %d: privacy.reviewed 的 path %q 不得含有 ..；写网站文件夹内的路径", n.Line, r.Path)
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("line %d: privacy.reviewed 的 path %q 不是有效的通配模式（%v）；检查 [ ] 是否配对", n.Line, r.Path, err)
		}
	}
	return nil
}

// Matches reports whether rel, a slash-separated path from the site's root, is one of the files
// the entry names.
func (r Reviewed) Matches(rel string) bool {
	return matchSegments(strings.Split(r.Path, "/"), strings.Split(rel, "/"))
}

func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegments(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
