package static

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"

	"github.com/spf13/afero"
)

// FormatVersion changes whenever a file layout changes; the browser client
// refuses an export of another version.
const FormatVersion = 4

// ManifestName is the one file with a fixed name: the client reads it first.
const ManifestName = "manifest.json"

// Manifest describes an export; it is written to dir/manifest.json.
type Manifest struct {
	Format      int               `json:"format"`
	ContentHash string            `json:"content_hash"` // of the bleve index it came from
	Records     int               `json:"records"`
	Documents   int               `json:"documents"`
	Shards      []int             `json:"shards"`    // records (bleve DocCount) per shard, in gid order
	Fields      []FieldSpec       `json:"fields"`    // field numbers used by the dictionary
	Packs       []string          `json:"packs"`     // pack files; objects are located by pack index
	Directory   string            `json:"directory"` // byte lengths of buckets and metadata chunks
	Buckets     int               `json:"buckets"`
	DictPacks   [][2]int          `json:"dict_packs"` // [pack, first bucket in it], in order
	MetaChunk   int               `json:"meta_chunk"`
	MetaPacks   [][2]int          `json:"meta_packs"` // [pack, first chunk in it], in order
	Groups      string            `json:"groups"`
	Probe       string            `json:"probe"`        // a tiny file for the client's multi-range probe
	ChunkSize   int               `json:"chunk"`        // postings per detail chunk of a large list
	ImpactBlock int               `json:"impact_block"` // postings in the first impact block; each next one doubles
	Synonyms    [][]string        `json:"synonyms"`
	Fold        FoldFiles         `json:"fold"`         // the traditional→simplified table (fold.go)
	GroupFields []string          `json:"group_fields"` // order of facet values in the group table
	Facets      []string          `json:"facets"`       // filters that come with counts, in display order
	FacetLabels map[string]string `json:"facet_labels"`
	TypeLabels  map[string]string `json:"type_labels"`
	Files       int               `json:"files"`
	Bytes       int64             `json:"bytes"`
}

// FieldSpec is one indexed field as the client scores it.
type FieldSpec struct {
	Name      string  `json:"name"`
	Boost     float64 `json:"boost"`
	Positions bool    `json:"positions,omitempty"`
	Blocks    bool    `json:"blocks,omitempty"` // postings carry the long-body flag and first block
}

// ReadManifest reads dir/manifest.json from fs.
func ReadManifest(fs afero.Fs, dir string) (*Manifest, error) {
	p := path.Join(dir, ManifestName)
	data, err := afero.ReadFile(fs, p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("static: %s is missing; export the index with `gongkai build`", p)
	}
	if err != nil {
		return nil, fmt.Errorf("static: reading %s: %w", p, err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("static: %s is not valid JSON (%v); rebuild the site", p, err)
	}
	if m.Format != FormatVersion {
		return nil, fmt.Errorf("static: %s has format %d, this gongkai reads format %d; rebuild the site", p, m.Format, FormatVersion)
	}
	return &m, nil
}

func writeManifest(f *files, m *Manifest) error {
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("static: encoding manifest: %w", err)
	}
	return f.write(ManifestName, append(data, '\n'))
}
