package platform

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/duty"
	"go.yaml.in/yaml/v3"
)

// ParseDepartments decodes the shared department registry: a YAML list with the keys of
// site.yaml's departments (name, aliases, level, slug). Every site of the platform resolves the
// units its pages name through it (after its own departments), so that the portal can say
// which sites name each department.
func ParseDepartments(file string, src []byte) ([]config.Department, error) {
	var ds []config.Department
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&ds); err != nil && !errors.Is(err, io.EOF) {
		return nil, config.YAMLError(file, 0, err)
	}
	reg := make([]duty.Department, len(ds))
	for i, d := range ds {
		reg[i] = duty.Department{Name: d.Name, Aliases: d.Aliases, Level: d.Level, Slug: d.Slug}
	}
	if _, err := duty.NewRegistry(reg); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return ds, nil
}
