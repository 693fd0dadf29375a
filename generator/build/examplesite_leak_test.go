package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/generator/privacy"
	"github.com/spf13/afero"
)

// TestExampleSiteLeaksNothing does to the repository's own example site what a careless clerk
// does: the 低保 list is committed with a full ID number and mobile, masked in the next commit,
// and a draft holding a marker is committed beside it. The site builds (history on, as in the
// example), and no output file, no stored field of the index and no record of the static packs
// holds the numbers or the marker, however they are split.
func TestExampleSiteLeaksNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site in a git repository")
	}
	const (
		plantedID     = "500230199001012326"
		plantedMobile = "13812345678"
		draftMarker   = "DRAFTMARKER7731"
		list          = "content/disclosures/2026-q4-liaojiaba-dibao.md"
	)
	yaml, err := os.ReadFile(filepath.Join("..", "..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := newGitRepo(t, string(yaml))
	root := filepath.Join("..", "..", "content")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
		r.write(filepath.ToSlash(rel), string(b))
		return nil
	})
	masked, err := os.ReadFile(filepath.Join("..", "..", list))
	if err != nil {
		t.Fatal(err)
	}
	r.commit("2026-11-18T09:00:00+08:00", "示例站点")
	unmasked := strings.Replace(string(masked), "500230********2326", plantedID, 1)
	unmasked = strings.Replace(unmasked, "138****5678", plantedMobile, 1)
	if unmasked == string(masked) {
		t.Fatal("the example 低保 list no longer holds the masked numbers this test unmasks")
	}
	r.write(list, unmasked)
	r.commit("2026-11-19T09:00:00+08:00", "低保名单补全")
	r.write(list, string(masked))
	r.write("content/policies/draft-notice.md", "---\ntitle: 未定稿\ndraft: true\n---\n"+draftMarker+"\n")
	r.commit("2026-11-20T09:00:00+08:00", "脱敏；起草通知")

	if _, err := Run(Options{SrcFs: afero.NewOsFs(), Source: r.dir, Now: testNow, Workers: 2}); err != nil {
		t.Fatalf("the example site with a masked-later list should build, withholding that revision: %v", err)
	}
	public := filepath.Join(r.dir, "public")
	g := newLeakGrep([]string{plantedID, plantedMobile, draftMarker}, nil)
	withheld := false
	_ = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(r.dir, p)
		g.check(t, rel, "name", []byte(d.Name()), privacy.Text)
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		withheld = withheld || strings.Contains(string(b), "此版本已撤回")
		g.checkFile(t, rel, b)
		return nil
	})
	g.checkIndex(t, filepath.Join(public, IndexPath))
	g.checkStatic(t, filepath.Join(public, StaticPath))
	if !withheld {
		t.Error("no revision page says 此版本已撤回: the revision holding the numbers should be listed as withheld")
	}
}
