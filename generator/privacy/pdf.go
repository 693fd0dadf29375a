package privacy

import (
	goctx "context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
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

// pdfTimeout caps the time one PDF may take: a file built to make PDFium loop is refused as
// unreadable, and the engine is started afresh for the next one.
var pdfTimeout = 60 * time.Second

// pdfEngine is one PDFium instance for the process, used by one file at a time.
var pdfEngine struct {
	mu      sync.Mutex
	inst    pdfium.Pdfium
	pool    pdfium.Pool
	cancel  goctx.CancelFunc
	initErr error
}

// pdfInstance starts PDFium if needed; pdfEngine.mu is held.
func pdfInstance() (pdfium.Pdfium, error) {
	e := &pdfEngine
	if e.inst != nil || e.initErr != nil {
		return e.inst, e.initErr
	}
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(pdfMemoryPages).
		WithCloseOnContextDone(true)
	if dir, err := os.UserCacheDir(); err == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "gongkai", "pdfium-wazero")); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	ctx, cancel := goctx.WithCancel(goctx.Background())
	pool, err := webassembly.Init(webassembly.Config{
		Context: ctx,
		MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
		// No folder is mounted: PDFium gets the bytes of one file and nothing else.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
	})
	if err != nil {
		cancel()
		e.initErr = err
		return nil, err
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		cancel()
		e.initErr = err
		return nil, err
	}
	e.inst, e.pool, e.cancel = inst, pool, cancel
	return inst, nil
}

// stopPDF ends a PDFium instance that ran out of time; pdfEngine.mu is held.
func stopPDF() {
	e := &pdfEngine
	if e.cancel != nil {
		e.cancel()
	}
	if e.pool != nil {
		_ = e.pool.Close()
	}
	e.inst, e.pool, e.cancel = nil, nil, nil
}

// PDFText returns the text of every page of a PDF, its document properties and the text of its
// annotations (comments), and reads the files attached to it like any published file. A PDF
// without any text (a scan) cannot be checked: it is an *UnreadableError.
func PDFText(data []byte) ([]Segment, error) {
	budget := int64(MaxUncompressed)
	return pdfText(data, &budget, 0)
}

func pdfText(data []byte, budget *int64, depth int) (segs []Segment, err error) {
	pdfEngine.mu.Lock()
	defer pdfEngine.mu.Unlock()
	inst, err := pdfInstance()
	if err != nil {
		return nil, &UnreadableError{PDFFile, fmt.Sprintf("PDF 读取组件无法启动: %v", err)}
	}
	cancel := pdfEngine.cancel
	var timedOut atomic.Bool
	deadline := time.Now().Add(pdfTimeout)
	timer := time.AfterFunc(pdfTimeout, func() {
		timedOut.Store(true)
		cancel()
	})
	defer func() {
		if !timer.Stop() || time.Now().After(deadline) {
			timedOut.Store(true) // the timer may be due without having run yet: the time is up all the same
		}
		// PDFium runs in a sandbox; a crash inside it is a file that cannot be read.
		if r := recover(); r != nil {
			segs, err = nil, &UnreadableError{PDFFile, fmt.Sprintf("PDF 无法解析: %v", r)}
		}
		if timedOut.Load() {
			stopPDF()
			segs, err = nil, &UnreadableError{PDFFile, fmt.Sprintf("PDF 读取超过 %v，无法检查", pdfTimeout)}
		}
	}()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) {
			return nil, &UnreadableError{PDFFile, "PDF 有密码保护，无法检查"}
		}
		return nil, &UnreadableError{PDFFile, fmt.Sprintf("PDF 已损坏或无法解析: %v", err)}
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})

	for _, tag := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer"} {
		if m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: tag}); err == nil && m.Value != "" {
			segs = append(segs, Segment{Where: "文档属性 " + tag, Text: []byte(m.Value)})
		}
	}
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, &UnreadableError{PDFFile, fmt.Sprintf("PDF 无法读取页数: %v", err)}
	}
	hasText := false
	for i := 0; i < count.PageCount; i++ {
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		text, err := inst.GetPageText(&requests.GetPageText{Page: page})
		if err != nil {
			return nil, &UnreadableError{PDFFile, fmt.Sprintf("第 %d 页无法读取: %v", i+1, err)}
		}
		if strings.TrimSpace(text.Text) != "" {
			hasText = true
			segs = append(segs, Segment{Where: fmt.Sprintf("第 %d 页", i+1), Text: []byte(text.Text)})
		}
		segs = append(segs, pdfAnnotations(inst, page, i)...)
	}
	if count.PageCount > 0 && !hasText {
		return nil, &UnreadableError{PDFFile, "PDF 没有可读的文字（扫描件或图片），无法检查"}
	}
	if att, err := inst.GetAttachments(&requests.GetAttachments{Document: doc.Document}); err == nil {
		for _, a := range att.Attachments {
			if int64(len(a.Content)) > *budget {
				return nil, errTooBig
			}
			*budget -= int64(len(a.Content))
			if depth+1 >= maxDepth {
				return nil, &UnreadableError{PDFFile, "附件嵌套过深，无法检查"}
			}
			_, inner, err := readText(a.Content, budget, depth+1)
			if err != nil {
				var ue *UnreadableError
				if errors.As(err, &ue) {
					return nil, &UnreadableError{PDFFile, fmt.Sprintf("其中的附件 %s: %s", a.Name, ue.Reason)}
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
