package zapwrite

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v15"
)

// The plugin stands in for zapx v15 in bleve's registry, so the segment
// plugin bleve records for an index is plain zap 15 and any bleve opens it.
// It differs only in New: handed a single prebuilt document, it opens the
// segment file that document names instead of building one. That is how a
// segment written by a Builder enters bleve's offline builder, which then
// moves it into place and writes the index's root.bolt exactly as for its
// own.
type plugin struct{ zap.ZapPlugin }

func init() {
	scorch.RegisterSegmentPlugin(&plugin{}, false)
}

// New implements scorch.SegmentPlugin.
func (p *plugin) New(results []index.Document) (segment.Segment, uint64, error) {
	if len(results) == 1 {
		if pb, ok := results[0].(*prebuilt); ok {
			return pb.open(&p.ZapPlugin)
		}
	}
	return p.ZapPlugin.New(results)
}

// NewUsing implements scorch.SegmentPlugin.
func (p *plugin) NewUsing(results []index.Document, config map[string]interface{}) (segment.Segment, uint64, error) {
	if len(results) == 1 {
		if _, ok := results[0].(*prebuilt); ok {
			return p.New(results)
		}
	}
	return p.ZapPlugin.NewUsing(results, config)
}

// prebuilt carries a segment file through bleve's builder. It has no
// fields, so bleve's analysis step has nothing to do.
type prebuilt struct{ path string }

func (*prebuilt) ID() string                                 { return "\x00zapwrite-prebuilt" }
func (*prebuilt) Size() int                                  { return 0 }
func (*prebuilt) VisitFields(index.FieldVisitor)             {}
func (*prebuilt) VisitComposite(index.CompositeFieldVisitor) {}
func (*prebuilt) HasComposite() bool                         { return false }
func (*prebuilt) NumPlainTextBytes() uint64                  { return 0 }
func (*prebuilt) AddIDField()                                {}
func (*prebuilt) StoredFieldsBytes() uint64                  { return 0 }
func (*prebuilt) Indexed() bool                              { return true }

func (pb *prebuilt) open(z *zap.ZapPlugin) (segment.Segment, uint64, error) {
	seg, err := z.Open(pb.path)
	if err != nil {
		return nil, 0, err
	}
	info, err := os.Stat(pb.path)
	if err != nil {
		_ = seg.Close()
		return nil, 0, err
	}
	return &fileSegment{Segment: seg, path: pb.path}, uint64(info.Size()), nil
}

// fileSegment is a segment already on disk, which bleve's builder
// "persists" to where it wants it: the file is moved there.
type fileSegment struct {
	segment.Segment
	path string
}

// Persist implements segment.UnpersistedSegment.
func (s *fileSegment) Persist(path string) error {
	if err := s.Close(); err != nil {
		return err
	}
	return os.Rename(s.path, path)
}

// WriteIndex writes the Builder's segment as the bleve index at dir (an
// OS path that must not exist yet), with mappingJSON, the index mapping
// bleve will read back, as bleve's own builder would.
func (b *Builder) WriteIndex(dir string, mappingJSON []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	segPath := filepath.Join(dir, "segment.zap")
	if err := b.WriteFile(segPath); err != nil {
		return err
	}
	if err := writeIndexMeta(dir); err != nil {
		return err
	}
	sb, err := scorch.NewBuilder(map[string]interface{}{
		"path":                filepath.Join(dir, "store"),
		"buildPathPrefix":     dir,
		"batchSize":           1,
		"internal":            map[string][]byte{"_mapping": mappingJSON},
		"forceSegmentType":    zap.Type,
		"forceSegmentVersion": int(zap.Version),
	})
	if err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	if err := sb.Index(&prebuilt{path: segPath}); err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	if err := sb.Close(); err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	return nil
}
