// Package archetype writes new content files from the theme's archetypes, with the front matter
// a staff member has to fill in already laid out.
package archetype

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/afero"
)

// Data fills an archetype's placeholders.
type Data struct {
	Title string
	Date  string
}

// Create writes content/PATH from archetypes/KIND.md of the theme. It refuses to overwrite.
func Create(siteFs afero.Fs, themeFs afero.Fs, contentDir, kind, path string, now time.Time) (string, error) {
	src, err := afero.ReadFile(themeFs, "archetypes/"+kind+".md")
	if err != nil {
		kinds, _ := afero.Glob(themeFs, "archetypes/*.md")
		for i, k := range kinds {
			kinds[i] = strings.TrimSuffix(filepath.Base(k), ".md")
		}
		return "", fmt.Errorf("no archetype %q; choose one of: %s", kind, strings.Join(kinds, ", "))
	}
	if !strings.HasSuffix(path, ".md") {
		path += ".md"
	}
	target := filepath.Join(contentDir, filepath.FromSlash(path))
	if ok, _ := afero.Exists(siteFs, target); ok {
		return "", fmt.Errorf("%s already exists; choose another name or edit it", target)
	}
	tpl, err := template.New(kind).Parse(string(src))
	if err != nil {
		return "", fmt.Errorf("archetypes/%s.md: %v", kind, err)
	}
	title := strings.TrimSuffix(filepath.Base(path), ".md")
	var b bytes.Buffer
	if err := tpl.Execute(&b, Data{Title: title, Date: now.Format("2006-01-02")}); err != nil {
		return "", fmt.Errorf("archetypes/%s.md: %v", kind, err)
	}
	if err := siteFs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", err
	}
	return target, afero.WriteFile(siteFs, target, b.Bytes(), 0o644)
}
