package content

import (
	"bytes"
	"fmt"
	"io"

	"github.com/gongkai/gongkai/generator/config"
	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"
)

// readLimited reads a page, refusing one larger than lim.PageSize before reading it and one with
// a line longer than lim.LineLength after. The search index holds every token of a paragraph at
// once (about 100 bytes per Chinese character), so one huge line is what costs the most memory.
func readLimited(fsys afero.Fs, srcPath string, lim config.Limits) ([]byte, error) {
	lim = lim.WithDefaults()
	f, err := fsys.Open(srcPath)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取：%v", srcPath, err)
	}
	defer f.Close()
	// The size a file reports can be wrong (it can grow while read): read one byte past the limit.
	src, err := io.ReadAll(io.LimitReader(f, int64(lim.PageSize)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取：%v", srcPath, err)
	}
	if int64(len(src)) > int64(lim.PageSize) {
		size := config.ByteSize(len(src))
		if fi, err := f.Stat(); err == nil && fi.Size() > int64(size) {
			size = config.ByteSize(fi.Size())
		}
		return nil, fmt.Errorf("%s:1: 文件超过页面大小上限 %s；请把它拆成几页，%s", srcPath, lim.PageSize, config.Raise("page_size", size))
	}
	line, start := 1, 0
	for start <= len(src) {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		if end > int(lim.LineLength) {
			return nil, fmt.Errorf("%s:%d: 这一行有 %s，超过单行长度上限 %s；请在段落之间空一行分段，%s",
				srcPath, line, config.ByteSize(end), lim.LineLength, config.Raise("line_length", config.ByteSize(end)))
		}
		start += end + 1
		line++
	}
	return src, nil
}

// checkDepth refuses front matter whose lists and mappings nest deeper than lim allows. Nothing
// a page declares needs more than a few levels; thousands of levels exhaust the JSON writer.
// Aliases are not followed: the YAML decoder limits their expansion itself.
func checkDepth(srcPath string, meta *yaml.Node, metaLine int, lim config.Limits) error {
	max := lim.WithDefaults().FrontMatterDepth
	if meta == nil {
		return nil
	}
	if n := deeper(meta, 1, max); n != nil {
		line := metaLine
		if n.Line > 0 {
			line = metaLine + n.Line - 1
		}
		return fmt.Errorf("%s:%d: front matter 嵌套超过 %d 层；请把数据放进单独的文件或减少层级，%s",
			srcPath, line, max, config.Raise("front_matter_depth", max*2))
	}
	return nil
}

// deeper returns the first node below n found at a depth beyond max, or nil.
func deeper(n *yaml.Node, depth, max int) *yaml.Node {
	if n.Kind != yaml.SequenceNode && n.Kind != yaml.MappingNode && n.Kind != yaml.DocumentNode {
		return nil
	}
	if depth > max {
		return n
	}
	for _, c := range n.Content {
		if d := deeper(c, depth+1, max); d != nil {
			return d
		}
	}
	return nil
}
