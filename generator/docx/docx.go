// Package docx turns a Word (.docx) policy document into a gongkai content file: the text as plain
// Markdown paragraphs (Word's automatic numbering written out as the reader saw it), tables as GFM
// tables the duty and indicator parsers read, conversion debris dropped, and front matter guessed
// from the header block (文号, 发文机关, 成文日期, title) for staff to confirm.
package docx

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"path/filepath"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/gongkai/gongkai/generator/ziplimit"
	"github.com/spf13/afero"
)

// Options says where the converted file goes and what it came from.
type Options struct {
	Section    string // content section, e.g. "policies"; empty means "policies"
	SourceName string // original file name, recorded as source.file; empty means the base of path
	// Limits bound the file: UnzippedSize is both the largest file read and the most its parts
	// may expand to together. Zero values take config.DefaultLimits.
	Limits config.Limits
}

// Result is one converted document. Nothing is written: the caller decides where Markdown goes.
type Result struct {
	Path     string   // suggested content path, e.g. policies/2018-kunming-14.md
	Markdown []byte   // front matter and body
	Guessed  []string // front matter fields that were guessed and need a human to confirm them
	Warnings []string // what was dropped or could not be found, in Chinese, for staff
}

// Convert reads the .docx at path from fs and converts it. Malformed input (not a zip, no
// document.xml, broken XML) is an error that names the file and what is wrong; it never panics.
func Convert(fs afero.Fs, path string, opts Options) (*Result, error) {
	max := int64(opts.Limits.WithDefaults().UnzippedSize)
	f, err := fs.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取文件：%v", path, err)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取文件：%v", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: 文件大于 Word 文档的上限 %s；%s", path, config.ByteSize(max), config.Raise("unzipped_size", config.ByteSize(max)*2))
	}
	if opts.SourceName == "" {
		opts.SourceName = filepath.Base(path)
	}
	if opts.Section == "" {
		opts.Section = "policies"
	}
	return convertBytes(path, data, opts)
}

func convertBytes(name string, data []byte, opts Options) (*Result, error) {
	max := opts.Limits.WithDefaults().UnzippedSize
	if err := ziplimit.Check(data, int64(max)); err != nil {
		return nil, fmt.Errorf("%s: 文档解压后会超过 %s（压缩炸弹，或不是正常的 Word 文档）；%s", name, max, config.Raise("unzipped_size", max*2))
	}
	pkg, err := openPackage(name, data)
	if err != nil {
		return nil, err
	}
	doc, err := readDocument(pkg)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])

	m := guessMeta(doc.blocks, opts.SourceName)
	var body bytes.Buffer
	writeBody(&body, doc.blocks, m.consumed)

	var out bytes.Buffer
	if err := writeFrontMatter(&out, m, source{File: opts.SourceName, SHA256: digest}); err != nil {
		return nil, fmt.Errorf("%s: 无法写出 front matter：%v", name, err)
	}
	out.Write(body.Bytes())

	warnings := append(doc.warnings, m.warnings...)
	return &Result{
		Path:     path.Join(opts.Section, slug(m, digest)+".md"),
		Markdown: out.Bytes(),
		Guessed:  m.guessed,
		Warnings: warnings,
	}, nil
}
