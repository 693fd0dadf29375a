package build

import (
	"fmt"
	"path"
	"path/filepath"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/render"
	"github.com/spf13/afero"
)

// siteWarnings are site.yaml's own warnings: the government marks a government site lacks, and
// files it names (favicon, the 党政机关 mark image) that nothing publishes, which would show as
// broken images on every page.
func (st *state) siteWarnings() []string {
	warnings := st.cfg.GovernmentWarnings(config.FileName)
	themeFs := render.ThemeFs(st.opts.SrcFs, filepath.Join(st.opts.Source, "themes", st.cfg.Theme))
	published := func(p string) bool {
		for _, fs := range []struct {
			fs  afero.Fs
			dir string
		}{{st.opts.SrcFs, filepath.Join(st.opts.Source, "static")}, {st.opts.SrcFs, filepath.Join(st.opts.Source, "content")}, {themeFs, "static"}} {
			if ok, _ := afero.Exists(fs.fs, filepath.Join(fs.dir, filepath.FromSlash(path.Clean(p)))); ok {
				return true
			}
		}
		return false
	}
	for _, f := range []struct{ key, val string }{{"favicon", st.cfg.Favicon}, {"government.dzjg.image", st.cfg.Government.DZJG.Image}} {
		if len(f.val) > 1 && f.val[0] == '/' && !published(f.val) {
			warnings = append(warnings, fmt.Sprintf("%s: %s %s 找不到：把文件放在 static%s，或改成已有文件的路径", config.FileName, f.key, f.val, f.val))
		}
	}
	return warnings
}
