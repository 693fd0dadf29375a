package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// FormatVersion changes whenever the mapping or analysis changes in a way
// that needs a rebuild; Open refuses indexes of another version.
const FormatVersion = 1

// ManifestName is the manifest's file name inside the index directory.
// Keeping it inside means the directory is the whole unit a rebuild swaps.
const ManifestName = "manifest.json"

// Manifest describes a built index; it is written to dir/manifest.json.
type Manifest struct {
	FormatVersion int        `json:"format_version"`
	Documents     int        `json:"documents"` // records with Anchor ""
	Records       int        `json:"records"`
	Shards        []string   `json:"shards"` // bleve index directories inside the index directory
	BuiltAt       time.Time  `json:"built_at"`
	UpdatedAt     time.Time  `json:"updated_at,omitzero"` // last Index.Update; zero if none
	ContentHash   string     `json:"content_hash"`
	SizeBytes     int64      `json:"size_bytes"` // index directory size, manifest excluded; about, after an Update
	Synonyms      [][]string `json:"synonyms"`   // the groups queries expand with
}

// ReadManifest reads dir/manifest.json.
func ReadManifest(dir string) (Manifest, error) {
	return readManifest(afero.NewOsFs(), dir)
}

func readManifest(fs afero.Fs, dir string) (Manifest, error) {
	var m Manifest
	path := filepath.Join(dir, ManifestName)
	data, err := afero.ReadFile(fs, path)
	if errors.Is(err, os.ErrNotExist) {
		return m, fmt.Errorf("search: %s is missing; %s is not a finished gongkai index, run `gongkai build`", path, dir)
	}
	if err != nil {
		return m, fmt.Errorf("search: reading %s: %w", path, err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("search: %s is not valid JSON (%v); rebuild the index with `gongkai build`", path, err)
	}
	if m.FormatVersion != FormatVersion {
		return m, fmt.Errorf("search: index %s has format %d, this gongkai reads format %d; rebuild it with `gongkai build`",
			dir, m.FormatVersion, FormatVersion)
	}
	return m, nil
}

func writeManifest(fs afero.Fs, dir string, m Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("search: encoding manifest: %w", err)
	}
	// Written aside and renamed, so a reader (Open in another process)
	// never sees half a manifest after an Update.
	path := filepath.Join(dir, ManifestName)
	tmp := path + ".tmp"
	if err := afero.WriteFile(fs, tmp, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("search: writing %s: %w", path, err)
	}
	if err := fs.Rename(tmp, path); err != nil {
		_ = fs.Remove(tmp)
		return fmt.Errorf("search: writing %s: %w", path, err)
	}
	return nil
}

func dirSize(fs afero.Fs, dir string) (int64, error) {
	var total int64
	err := afero.Walk(fs, dir, func(path string, info os.FileInfo, err error) error {
		if errors.Is(err, os.ErrNotExist) {
			return nil // a segment file an index open for writing merged away meanwhile
		}
		if err != nil {
			return err
		}
		manifest := filepath.Dir(path) == filepath.Clean(dir) && strings.HasPrefix(info.Name(), ManifestName)
		if !info.IsDir() && !manifest {
			total += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("search: measuring index %s: %w", dir, err)
	}
	return total, nil
}
