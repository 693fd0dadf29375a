package platform

import (
	"encoding/json"
	"path/filepath"

	"github.com/gongkai/gongkai/generator/build"
	"github.com/spf13/afero"
)

// The portal's unified search (统一搜索, search/multi): a gongkai server answers it from the
// sites' indexes; on a static host the portal's search page runs the search client once per
// site, over each site's static export, and merges the answers by the server's rules. The
// client finds the sites in SearchManifestFile.

// SearchManifestFile lists the sites the unified search covers, relative to the portal root.
const SearchManifestFile = "_search/platform.json"

// SearchManifest is SearchManifestFile's content.
type SearchManifest struct {
	Title string       `json:"title"`
	Sites []SearchSite `json:"sites"`
}

// SearchSite is one site of the unified search.
type SearchSite struct {
	Name   string `json:"name"`   // the site filter's value
	Title  string `json:"title"`  // its label
	Path   string `json:"path"`   // its folder, relative to the portal root: "xian/"
	Static string `json:"static"` // its static search export, relative to the portal root
}

// staticExport is where a site's static search export lies inside its output.
const staticExport = build.StaticPath + "/"

// searchManifest lists the portal's sites whose output has a search index: those built
// without --no-index.
func searchManifest(afs afero.Fs, dest string, pt *portal) []byte {
	m := SearchManifest{Title: pt.Config.Title, Sites: []SearchSite{}}
	for _, s := range pt.Sites {
		if ok, _ := afero.Exists(afs, filepath.Join(dest, s.Name, filepath.FromSlash(build.IndexPath))); !ok {
			continue
		}
		m.Sites = append(m.Sites, SearchSite{Name: s.Name, Title: s.Title, Path: s.Name + "/", Static: s.Name + "/" + staticExport})
	}
	b, _ := json.MarshalIndent(m, "", " ")
	return append(b, '\n')
}

// ReadSearchManifest reads the unified search's sites from a platform's output folder.
func ReadSearchManifest(afs afero.Fs, dest string) (*SearchManifest, error) {
	if afs == nil {
		afs = afero.NewOsFs()
	}
	b, err := afero.ReadFile(afs, filepath.Join(dest, filepath.FromSlash(SearchManifestFile)))
	if err != nil {
		return nil, err
	}
	var m SearchManifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return &m, nil
}
