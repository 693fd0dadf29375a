package archetype

import (
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/frontmatter"
	"github.com/gongkai/gongkai/themes"
	"github.com/spf13/afero"
)

func TestCreate(t *testing.T) {
	site := afero.NewMemMapFs()
	theme := afero.FromIOFS{FS: themes.Default()}
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, kind := range []string{"policy", "consultation", "disclosure", "page"} {
		path, err := Create(site, theme, "/site/content", kind, "new/"+kind, now)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		src, _ := afero.ReadFile(site, path)
		doc, err := frontmatter.Parse(path, src)
		if err != nil || doc.Meta == nil {
			t.Fatalf("%s: the new file's front matter does not parse: %v\n%s", kind, err, src)
		}
		if !strings.Contains(string(src), "draft: true") || !strings.Contains(string(src), "2026-11-23") {
			t.Errorf("%s: want a dated draft, got\n%s", kind, src)
		}
	}
	if _, err := Create(site, theme, "/site/content", "policy", "new/policy.md", now); err == nil {
		t.Error("Create overwrote an existing file")
	}
	if _, err := Create(site, theme, "/site/content", "poem", "x", now); err == nil || !strings.Contains(err.Error(), "policy") {
		t.Errorf("an unknown kind should list the kinds, got %v", err)
	}
}

func TestCreateWhereStaffTypeThePath(t *testing.T) {
	theme := afero.FromIOFS{FS: themes.Default()}
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ dir, path, want string }{
		{"/site/content", "policies/x.md", "/site/content/policies/x.md"},
		{"/site/content", "content/policies/x.md", "/site/content/policies/x.md"},
		{"/site/content", "./content/policies/x", "/site/content/policies/x.md"},
		{"/site/content", "/site/content/policies/x.md", "/site/content/policies/x.md"},
		{"content", "content/policies/x.md", "content/policies/x.md"},
		{"/site/content", "../site.yaml", ""},
		{"/site/content", "content/../../x.md", ""},
		{"/site/content", "/etc/x.md", ""},
	} {
		site := afero.NewMemMapFs()
		got, err := Create(site, theme, tc.dir, "policy", tc.path, now)
		if tc.want == "" {
			if err == nil || !strings.Contains(err.Error(), "content/") {
				t.Errorf("%s: want an error naming content/, got %q, %v", tc.path, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s in %s: wrote %q (%v), want %s", tc.path, tc.dir, got, err, tc.want)
		}
	}
}
