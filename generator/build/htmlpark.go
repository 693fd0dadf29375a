package build

import (
	"bufio"
	"fmt"
	"html/template"
	"os"

	"github.com/gongkai/gongkai/generator/content"
	"github.com/gongkai/gongkai/generator/site"
)

// A content page's converted body is needed twice after conversion: to
// check links to its anchors (assembling) and to render its own file. In
// between, and after, it is a copy of the site's text held for nothing:
// 280 MB on four copies of the laws corpus. A large site's bodies therefore
// wait in a temporary file from assembling until each is rendered
// (render.Options.PageHTML), and are let go of once rendered.

// parkAbove is the total size of the bodies above which they are parked:
// a site of the laws corpus's size (70 MB of HTML) keeps them in memory,
// which is faster, and so does every site a test builds.
var parkAbove = 128 << 20

// parkedHTML is where the bodies of content pages wait.
type parkedHTML struct {
	f  *os.File
	at map[*site.Page][2]int64 // offset and length
}

// parkHTML moves the bodies of content pages into a temporary file when
// together they pass parkAbove; it returns nil when they stay in memory.
func parkHTML(pages []*site.Page) (*parkedHTML, error) {
	total := 0
	for _, p := range pages {
		if p.Kind == content.KindPage {
			total += len(p.HTML)
		}
	}
	if total <= parkAbove {
		return nil, nil
	}
	f, err := os.CreateTemp("", "gongkai-html-*")
	if err != nil {
		return nil, fmt.Errorf("无法创建临时文件存放页面正文：%v", err)
	}
	h := &parkedHTML{f: f, at: make(map[*site.Page][2]int64, len(pages))}
	w := bufio.NewWriterSize(f, 1<<20)
	var off int64
	for _, p := range pages {
		if p.Kind != content.KindPage || p.HTML == "" {
			continue
		}
		if _, err := w.WriteString(string(p.HTML)); err != nil {
			h.close()
			return nil, fmt.Errorf("无法写入临时文件 %s：%v", f.Name(), err)
		}
		h.at[p] = [2]int64{off, int64(len(p.HTML))}
		off += int64(len(p.HTML))
	}
	if err := w.Flush(); err != nil {
		h.close()
		return nil, fmt.Errorf("无法写入临时文件 %s：%v", f.Name(), err)
	}
	for p := range h.at {
		p.HTML = ""
	}
	return h, nil
}

// load reads a parked page's body back (render.Options.PageHTML).
func (h *parkedHTML) load(p *site.Page) (template.HTML, bool, error) {
	at, ok := h.at[p]
	if !ok {
		return "", false, nil
	}
	b := make([]byte, at[1])
	if _, err := h.f.ReadAt(b, at[0]); err != nil {
		return "", false, fmt.Errorf("%s: 无法从临时文件 %s 读回页面正文：%v", p.SrcPath, h.f.Name(), err)
	}
	return template.HTML(b), true, nil
}

// close removes the file; nil does nothing.
func (h *parkedHTML) close() {
	if h == nil {
		return
	}
	_ = h.f.Close()
	_ = os.Remove(h.f.Name())
}

// dropText lets go of the text of a large site's content pages once they
// are rendered and their records indexed: the static export, which comes
// last, reads the index instead. The report's pages then have none.
func dropText(pages []*site.Page) {
	for _, p := range pages {
		if p.Kind == content.KindPage {
			p.Text, p.Outline = "", nil
		}
	}
}
