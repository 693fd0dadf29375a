package duty

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Department is one registered body. The same body is written several ways (市发改委,
// 市发展改革委); Aliases hold the other spellings so duty pages gather them under Name.
type Department struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Level   string   `yaml:"level"` // 中央 | 省 | 市 | 县 | 乡 | 村
	Slug    string   `yaml:"slug"`  // URL segment of the department page; the name when empty
}

// Registry resolves the names a document uses to registered departments.
type Registry struct {
	deps  []Department
	index map[string]int // nameKey of every name and alias → position in deps
}

// NewRegistry checks the list and indexes it. Every name, alias and slug must be unique (names and
// aliases compared without spaces and across widths, slugs without case): one spelling pointing at
// two departments would silently split a department's duties.
func NewRegistry(ds []Department) (*Registry, error) {
	r := &Registry{deps: append([]Department(nil), ds...), index: make(map[string]int)}
	slugs := make(map[string]int)
	var errs []error
	for i, d := range ds {
		where := fmt.Sprintf("departments[%d]", i)
		if nameKey(d.Name) == "" {
			errs = append(errs, fmt.Errorf("%s: name 为空；给每个部门写上规范名称，如 name: 市民政局", where))
			continue
		}
		where = fmt.Sprintf("%s (%s)", where, d.Name)
		for _, n := range append([]string{d.Name}, d.Aliases...) {
			k := nameKey(n)
			if k == "" {
				errs = append(errs, fmt.Errorf("%s: 有一个别名（aliases）为空；删去它", where))
				continue
			}
			if j, dup := r.index[k]; dup {
				if j != i {
					errs = append(errs, fmt.Errorf("%s: %q 已是 %s 的名称或别名；一个写法只能属于一个部门，删去其中一处", where, n, ds[j].Name))
				}
				continue
			}
			r.index[k] = i
		}
		slug := Slug(d)
		if err := checkSlug(slug); err != nil {
			errs = append(errs, fmt.Errorf("%s: slug %q %v", where, slug, err))
		}
		if j, dup := slugs[strings.ToLower(slug)]; dup {
			errs = append(errs, fmt.Errorf("%s: slug %q 已被 %s 使用；换一个", where, slug, ds[j].Name))
		} else {
			slugs[strings.ToLower(slug)] = i
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

func checkSlug(s string) error {
	if s == "." || s == ".." {
		return errors.New("不能用作网址的一段；用字母、数字或连字符，如 minzheng")
	}
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`/\?#%`, r) }) {
		return errors.New("含有空格或 / \\ ? # % 之一；用字母、数字或连字符，如 minzheng")
	}
	return nil
}

// Resolve finds the department a name or alias denotes, ignoring spaces and character width.
func (r *Registry) Resolve(name string) (Department, bool) {
	if r == nil {
		return Department{}, false
	}
	i, ok := r.index[nameKey(name)]
	if !ok {
		return Department{}, false
	}
	return r.deps[i], true
}

// Departments lists the registered departments in their configured order.
func (r *Registry) Departments() []Department {
	if r == nil {
		return nil
	}
	return append([]Department(nil), r.deps...)
}

// Slug is the URL segment of a department's page: its slug, or else its name without spaces
// (Unicode URLs are fine).
func Slug(d Department) string {
	if d.Slug != "" {
		return d.Slug
	}
	return nameKey(d.Name)
}
