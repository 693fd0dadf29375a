package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/generator/policy"
)

func toRefs(rs []policy.Ref) []refLine {
	out := make([]refLine, len(rs))
	for i, r := range rs {
		out[i] = refLine{raw: r.Raw, line: r.Line}
	}
	return out
}

// buildDepartments resolves every unit named in a task through the registry and gathers each
// department's tasks. An unregistered name is a warning naming the nearest registered ones.
func (s *Site) buildDepartments(reg Registry, strict bool) (warnings []string, errs []error) {
	depts := map[string]*Department{}
	slugs := map[string]bool{}
	warned := map[string]bool{}
	for _, p := range s.Pages {
		for _, t := range p.Tasks {
			t.overdue = t.DeadlineDate != nil && t.DeadlineDate.Before(s.Now) && t.Status != "已完成"
			for _, u := range t.Units {
				if u.Clause || u.Name == "" {
					continue
				}
				name, aliases, level, slug, ok := "", []string(nil), "", "", false
				if reg != nil {
					name, aliases, level, slug, ok = reg.Resolve(u.Name)
				}
				if !ok {
					name, slug = u.Name, u.Name
					if reg != nil && !warned[u.Name] {
						warned[u.Name] = true
						msg := fmt.Sprintf("%s:%d: 责任单位 %q 不在 site.yaml 的部门名录（departments）中", p.SrcPath, t.Line, u.Name)
						if sug := reg.Suggest(u.Name, 3); len(sug) > 0 {
							msg += "；是 " + strings.Join(sug, " / ") + " 吗？如是，把它作为别名加在该部门的 aliases 中"
						} else {
							msg += "；把它加到 site.yaml 的 departments: 下"
						}
						if strict {
							errs = append(errs, fmt.Errorf("%s", msg))
						} else {
							warnings = append(warnings, msg)
						}
					}
				}
				d, exists := depts[name]
				if !exists {
					slug = departmentSlug(slug, slugs)
					d = &Department{Name: name, Aliases: aliases, Level: level, Slug: slug, URL: "/departments/" + slug + "/", Registered: ok}
					depts[name] = d
				}
				u.Name = name
				u.Dept = d
				role := &TaskRole{Task: t, Lead: u.Lead, Role: "参与"}
				if u.Lead {
					role.Role = "牵头"
					d.Lead++
				} else {
					d.Part++
				}
				if t.overdue {
					d.Overdue++
				}
				d.Tasks = append(d.Tasks, role)
			}
		}
	}
	for _, d := range depts {
		docs := map[*Page]bool{}
		for _, r := range d.Tasks {
			docs[r.Task.Page] = true
		}
		d.Documents = len(docs)
		s.Departments = append(s.Departments, d)
	}
	sort.Slice(s.Departments, func(i, j int) bool { return s.Departments[i].Name < s.Departments[j].Name })
	return warnings, errs
}

// departmentSlug makes the name of a department's page folder and of its /data/departments/
// files from a registered slug or, for an unregistered unit, the name as a table wrote it: no
// path separators or "..", no leading character a spreadsheet or a shell would act on
// (= + - @), and unique among the departments already named (a "-2" is added).
func departmentSlug(raw string, used map[string]bool) string {
	s := strings.TrimLeft(facetSlug(raw), "-_.")
	if s == "" {
		s = strings.TrimLeft(facetSlug("dept-"+raw), "-_.")
	}
	base := s
	for i := 2; used[s]; i++ {
		s = fmt.Sprintf("%s-%d", base, i)
	}
	used[s] = true
	return s
}
