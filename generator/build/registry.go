package build

import (
	"fmt"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/duty"
	"github.com/gongkai/gongkai/generator/site"
)

// registry adapts the duty package's department registry to what site needs.
type registry struct{ r *duty.Registry }

func newRegistry(cfg *config.Config) (site.Registry, error) {
	if len(cfg.Departments) == 0 {
		return nil, nil
	}
	ds := make([]duty.Department, len(cfg.Departments))
	for i, d := range cfg.Departments {
		ds[i] = duty.Department{Name: d.Name, Aliases: d.Aliases, Level: d.Level, Slug: d.Slug}
	}
	r, err := duty.NewRegistry(ds)
	if err != nil {
		return nil, fmt.Errorf("site.yaml: departments: %v", err)
	}
	return registry{r}, nil
}

func (r registry) Resolve(name string) (string, []string, string, string, bool) {
	d, ok := r.r.Resolve(name)
	if !ok {
		return "", nil, "", "", false
	}
	return d.Name, d.Aliases, d.Level, duty.Slug(d), true
}

func (r registry) Suggest(name string, n int) []string { return r.r.Suggest(name, n) }
