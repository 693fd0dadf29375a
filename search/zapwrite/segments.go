package zapwrite

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	zap "github.com/blevesearch/zapx/v15"
)

// A writer that bounds its memory writes a shard as several segments, one
// each time its Builder reaches the budget. bleve's offline builder would
// merge them into one, reading them all again; a scorch index of several
// segments is what any bleve index becomes as it is updated, and searches
// give the same scores on it (scorch sums document frequencies over its
// segments), so the segments are kept as they are and the index's
// root.bolt lists them, as scorch's persister would write it.

// SegmentFile is the name of the k-th segment (from 0) of an index written
// by WriteSegments, inside its store folder: scorch's file name for
// segment number k+2, so that a later update numbers its own past them.
func SegmentFile(k int) string { return fmt.Sprintf("%012x.zap", uint64(k)+2) }

// StoreDir is the folder of an index at dir that holds its segments.
func StoreDir(dir string) string { return filepath.Join(dir, "store") }

// WriteSegments makes the bleve index at dir (an OS path) of the segments
// already written in order to StoreDir(dir) as SegmentFile(0), (1)…, n in
// all, with mappingJSON, the index mapping bleve will read back.
func WriteSegments(dir string, n int, mappingJSON []byte) error {
	if err := writeIndexMeta(dir); err != nil {
		return err
	}
	store := StoreDir(dir)
	root := filepath.Join(store, "root.bolt")
	db, err := util.OpenBolt(root, 0o600, nil)
	if err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	tx, err := db.Begin(true)
	if err != nil {
		_ = db.Close()
		return fmt.Errorf("zapwrite: %w", err)
	}
	if err := writeSnapshot(tx, root, n, mappingJSON); err != nil {
		_ = tx.Rollback()
		_ = db.Close()
		return fmt.Errorf("zapwrite: writing %s: %w", root, err)
	}
	if err := tx.Commit(); err != nil {
		_ = db.Close()
		return fmt.Errorf("zapwrite: %w", err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	return nil
}

// writeSnapshot writes what scorch's prepareBoltSnapshot writes for a
// snapshot of n persisted segments without deletions, at the epoch bleve's
// offline builder uses.
func writeSnapshot(tx *util.BoltTxImpl, root string, n int, mappingJSON []byte) error {
	snapshots, err := tx.CreateBucketIfNotExists(util.BoltSnapshotsBucket)
	if err != nil {
		return err
	}
	snap, err := snapshots.CreateBucketIfNotExists(ascendingUvarint(nil, 3))
	if err != nil {
		return err
	}
	meta, err := snap.CreateBucketIfNotExists(util.BoltMetaDataKey)
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataSegmentTypeKey, []byte(zap.Type), nil); err != nil {
		return err
	}
	version := make([]byte, binary.MaxVarintLen32)
	binary.BigEndian.PutUint32(version, zap.Version)
	if err := meta.Put(util.BoltMetaDataSegmentVersionKey, version, nil); err != nil {
		return err
	}
	fw, err := util.NewFileWriter([]byte(root))
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataFileWriterIDKey, []byte(fw.Id()), fw); err != nil {
		return err
	}
	stamp, err := time.Now().MarshalText()
	if err != nil {
		return err
	}
	if err := meta.Put(util.BoltMetaDataTimeStamp, stamp, fw); err != nil {
		return err
	}
	internal, err := snap.CreateBucketIfNotExists(util.BoltInternalKey)
	if err != nil {
		return err
	}
	if err := internal.Put([]byte("_mapping"), mappingJSON, fw); err != nil {
		return err
	}
	for k := range n {
		seg, err := snap.CreateBucketIfNotExists(ascendingUvarint(nil, uint64(k)+2))
		if err != nil {
			return err
		}
		if err := seg.Put(util.BoltPathKey, []byte(SegmentFile(k)), nil); err != nil {
			return err
		}
	}
	return nil
}

// writeIndexMeta writes what bleve.NewBuilder writes first: the index kind,
// then the store.
func writeIndexMeta(dir string) error {
	meta := []byte(`{"storage":"` + scorch.Name + `","index_type":"` + scorch.Name + `"}`)
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), meta, 0o666); err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	return nil
}

// ascendingUvarint is scorch's encodeUvarintAscending (from CockroachDB's
// encoding): the keys of segments sort in the order of their numbers.
func ascendingUvarint(b []byte, v uint64) []byte {
	const (
		intMin      = 0x80
		intMaxWidth = 8
		intZero     = intMin + intMaxWidth
		intMax      = 0xfd
		intSmall    = intMax - intZero - intMaxWidth
	)
	if v <= intSmall {
		return append(b, intZero+byte(v))
	}
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], v)
	i := 0
	for i < 7 && buf[i] == 0 {
		i++
	}
	return append(append(b, byte(intMax-i)), buf[i:]...)
}
