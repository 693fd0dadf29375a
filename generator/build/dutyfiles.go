package build

import (
	"fmt"
	"path/filepath"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/document"
	"github.com/gongkai/gongkai/generator/duty"
	"github.com/gongkai/gongkai/generator/site"
	"github.com/spf13/afero"
)

// readDutyFiles reads the CSV or .xlsx duty tables that policy pages name in duties_file.
func readDutyFiles(fsys afero.Fs, contentDir string, pages []*site.Page, lim config.Limits) []error {
	var errs []error
	for _, p := range pages {
		if p.Policy == nil || p.Policy.DutiesFile == "" {
			continue
		}
		path := filepath.Join(filepath.Dir(p.SrcPath), p.Policy.DutiesFile)
		tasks, err := duty.ReadFile(fsys, path, p.Policy.DutyLeadFirst, lim)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: duties_file: %v", p.SrcPath, p.Policy.DutiesFileLine, err))
			continue
		}
		for _, dt := range tasks {
			dt.Source = "file"
			task := document.NewTask(p, dt, fmt.Sprintf("任务-%d", len(p.Tasks)+1), "")
			task.Line = p.Policy.DutiesFileLine
			p.Tasks = append(p.Tasks, task)
		}
	}
	return errs
}
