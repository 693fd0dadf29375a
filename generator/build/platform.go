package build

import (
	"github.com/gongkai/gongkai/generator/config"
)

// PlatformOptions is what a platform of sites (generator/platform) tells the build of one of
// its sites. Nil for a site built on its own.
type PlatformOptions struct {
	Name string // the site's folder name on the platform; its output is public/<Name>/
	// Inputs is the hash of everything the build reads, recorded in the site's summary so that
	// the next platform build can leave an unchanged site alone.
	Inputs string
	// BaseURL is the site's address on the platform, used when its site.yaml sets none.
	BaseURL string
	// Departments is the platform's shared registry, added to the site's own departments.
	Departments []config.Department
}

// applyPlatform fills in what the platform gives a site that its site.yaml leaves out. A
// department of the site's own wins over a shared one that clashes with it (a name, alias or
// slug both use), so that a site that registered a department first keeps its slug and level.
func applyPlatform(cfg *config.Config, p *PlatformOptions) {
	if p == nil {
		return
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = p.BaseURL
	}
	for _, d := range p.Departments {
		trial := append(append([]config.Department(nil), cfg.Departments...), d)
		if _, err := newRegistry(&config.Config{Departments: trial}); err == nil {
			cfg.Departments = trial
		}
	}
}
