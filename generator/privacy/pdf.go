package privacy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDF text comes from PDFium, the PDF engine of Chromium, through go-pdfium's WebAssembly build
// (run by wazero, pure Go: no cgo, nothing installed). PDFium reads what Chinese government
// PDFs use: CID fonts with ToUnicode maps and the predefined GB CMaps (UniGB-UCS2-H, GBK-EUC-H)
// of fonts that are not embedded, which a hand-written extractor would miss.
//
// Compiling the PDFium module takes about 4 s on a small machine; it is done once per process,
// only when a site publishes a PDF, and cached on disk (the user's cache folder) for the next
// build, which then starts in a fraction of a second.

// pdfMemoryPages caps PDFium's memory (64 KB pages): 256 MB, so that a PDF built to exhaust
// memory fails instead of taking the machine.
const pdfMemoryPages = 4096

var pdfEngine struct {
	once sync.Once
	mu   sync.Mutex
	inst pdfium.Pdfium
	err  error
}

func pdfInstance() (pdfium.Pdfium, error) {
	pdfEngine.once.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfMemoryPages)
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "gongkai", "pdfium-wazero")); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		pool, err := webassembly.Init(webassembly.Config{
			MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
			// No folder is mounted: PDFium gets the bytes of one file and nothing else.
			FSConfig:      wazero.NewFSConfig(),
			RuntimeConfig: rc,
		})
		if err != nil {
			pdfEngine.err = err
			return
		}
		pdfEngine.inst, pdfEngine.err = pool.GetInstance(time.Minute)
	})
	return pdfEngine.inst, pdfEngine.err
}

// PDFText returns the text of every page of a PDF, its document properties and the text of its
// annotations (comments), and reads the files attached to it like any published file. A PDF
// without any text (a scan) cannot be checked: it is an *UnreadableError.
func PDFText(data []byte) ([]Segment, error) {
	budget := int64(MaxUncompressed)
	return pdfText(data, &budget, 0)
}

func pdfText(data []byte, budget *int64, depth int) (segs []Segment, err error) {
	inst, err := pdfInstance()
	if err != nil {
		return nil, &UnreadableError{PDF, fmt.Sprintf("PDF 读取组件无法启动: %v", err)}
	}
	pdfEngine.mu.Lock()
	defer pdfEngine.mu.Unlock()
	defer func() {
		// PDFium runs in a sandbox; a crash inside it is a file that cannot be read.
		if r := recover(); r != nil {
			segs, err = nil, &UnreadableError{PDF, fmt.Sprintf("PDF 无法解析: %v", r)}
		}
	}()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) {
			return nil, &UnreadableError{PDF, "PDF 有密码保护，无法检查"}
		}
		return nil, &UnreadableError{PDF, fmt.Sprintf("PDF 已损坏或无法解析: %v", err)}
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})

	for _, tag := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer"} {
		if m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: tag}); err == nil && m.Value != "" {
			segs = append(segs, Segment{Where: "文档属性 " + tag, Text: []byte(m.Value)})
		}
	}
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, &UnreadableError{PDF, fmt.Sprintf("PDF 无法读取页数: %v", err)}
	}
	hasText := false
	for i := 0; i < count.PageCount; i++ {
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		text, err := inst.GetPageText(&requests.GetPageText{Page: page})
		if err != nil {
			return nil, &UnreadableError{PDF, fmt.Sprintf("第 %d 页无法读取: %v", i+1, err)}
		}
		if strings.TrimSpace(text.Text) != "" {
			hasText = true
			segs = append(segs, Segment{Where: fmt.Sprintf("第 %d 页", i+1), Text: []byte(text.Text)})
		}
		segs = append(segs, pdfAnnotations(inst, page, i)...)
	}
	if count.PageCount > 0 && !hasText {
		return nil, &UnreadableError{PDF, "PDF 没有可读的文字（扫描件或图片），无法检查"}
	}
	if att, err := inst.GetAttachments(&requests.GetAttachments{Document: doc.Document}); err == nil {
		for _, a := range att.Attachments {
			if int64(len(a.Content)) > *budget {
				return nil, errTooBig
			}
			*budget -= int64(len(a.Content))
			if depth+1 >= maxDepth {
				return nil, &UnreadableError{PDF, "附件嵌套过深，无法检查"}
			}
			_, inner, err := readText(a.Content, budget, depth+1)
			if err != nil {
				var ue *UnreadableError
				if errors.As(err, &ue) {
					return nil, &UnreadableError{PDF, fmt.Sprintf("其中的附件 %s: %s", a.Name, ue.Reason)}
				}
				return nil, err
			}
			for _, s := range inner {
				s.Where = joinWhere("附件 "+a.Name, s.Where)
				segs = append(segs, s)
			}
		}
	}
	return segs, nil
}

func pdfAnnotations(inst pdfium.Pdfium, page requests.Page, index int) []Segment {
	n, err := inst.FPDFPage_GetAnnotCount(&requests.FPDFPage_GetAnnotCount{Page: page})
	if err != nil {
		return nil
	}
	var segs []Segment
	for j := 0; j < n.Count; j++ {
		a, err := inst.FPDFPage_GetAnnot(&requests.FPDFPage_GetAnnot{Page: page, Index: j})
		if err != nil {
			continue
		}
		for _, key := range []string{"Contents", "T", "Subj"} {
			if v, err := inst.FPDFAnnot_GetStringValue(&requests.FPDFAnnot_GetStringValue{Annotation: a.Annotation, Key: key}); err == nil && v.Value != "" {
				segs = append(segs, Segment{Where: fmt.Sprintf("第 %d 页批注", index+1), Text: []byte(v.Value)})
			}
		}
		inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: a.Annotation})
	}
	return segs
}
