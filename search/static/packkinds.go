package static

import "fmt"

// Kinds of pack, as PackKinds names them.
const (
	PackDict  = "dict"  // dictionary buckets
	PackMeta  = "meta"  // metadata chunks
	PackBody  = "body"  // body blocks (snippets)
	PackLists = "lists" // memberships, details and impact blocks of posting lists
)

// PackKinds tells what each pack of the export holds (PackDict, PackMeta,
// PackBody or PackLists), by pack file name, so that a benchmark can say
// where a query's bytes go (bench/staticsearch). Dictionary and metadata
// packs are in the manifest; body packs are those the records' blocks lie
// in; every other pack holds posting lists.
func (r *Reader) PackKinds() (map[string]string, error) {
	kinds := make([]string, len(r.man.Packs))
	for i := range kinds {
		kinds[i] = PackLists
	}
	for _, p := range r.man.DictPacks {
		kinds[p[0]] = PackDict
	}
	for _, p := range r.man.MetaPacks {
		kinds[p[0]] = PackMeta
	}
	for c, at := range r.metas {
		data, err := r.object(at, false)
		if err != nil {
			return nil, err
		}
		rd := &reader{p: data}
		for rd.err == nil && len(rd.p) > 0 {
			href := func() string { rd.str(); return rd.str() }()
			rd.str() // title
			if len(href) > 0 && href[0] == '#' {
				rd.int()
			}
			rd.str() // section, or the rest of it
			rd.str() // 文号
			rd.int() // body runes
			var at ref
			for k, nb := 0, rd.int(); k < nb && rd.err == nil; k++ {
				rd.int()
				rd.int()
				at = readBlockRef(rd, k, at)
				if at.pack < 0 || at.pack >= len(kinds) {
					return nil, fmt.Errorf("static: metadata chunk %d refers to pack %d, which does not exist", c, at.pack)
				}
				kinds[at.pack] = PackBody
			}
		}
		if rd.err != nil {
			return nil, fmt.Errorf("static: metadata chunk %d is damaged: %w", c, rd.err)
		}
	}
	out := make(map[string]string, len(kinds))
	for i, k := range kinds {
		out[r.man.Packs[i]] = k
	}
	return out, nil
}
