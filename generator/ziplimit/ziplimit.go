// Package ziplimit measures what a zip archive (xlsx, docx) would expand to before anything is
// inflated. A 1.46 MB xlsx of deflated zeros expands to gigabytes: reading it took 72 s and
// 6.6 GB. The sizes the central directory declares are a real bound, because archive/zip fails a
// read that goes past an entry's declared size, so summing them refuses a bomb in microseconds.
package ziplimit

import (
	"archive/zip"
	"bytes"
	"fmt"
)

// TooLarge says an archive would expand past the limit.
type TooLarge struct {
	Declared uint64 // the sum of the entries' uncompressed sizes, saturated at 1<<63
	Limit    int64
}

func (e *TooLarge) Error() string {
	return fmt.Sprintf("解压后超过 %d 字节（上限 %d）", e.Declared, e.Limit)
}

// Check returns a *TooLarge when the entries of the zip archive in data declare more than limit
// bytes in all. Data that is not a zip archive passes: the reader that follows reports it in its
// own words.
func Check(data []byte, limit int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) || total < f.UncompressedSize64 {
			if total < f.UncompressedSize64 {
				total = 1 << 63
			}
			return &TooLarge{Declared: total, Limit: limit}
		}
	}
	return nil
}
