package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
)

// A .docx is a zip of XML parts. The main part is named by the package relationships; Word calls
// it word/document.xml, other tools sometimes word/document2.xml.
type docPackage struct {
	name  string // the file as the user named it, for errors
	files map[string]*zip.File
}

// maxPartSize bounds how much one XML part may inflate to, so that a zip bomb is an error rather
// than an exhausted machine. Real policy documents are a few MB at most.
const maxPartSize = 64 << 20

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func openPackage(name string, data []byte) (*docPackage, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, fmt.Errorf("%s: 这是旧版 Word .doc（或 .wps）文件，不是 .docx；用 Word 或 WPS 打开，另存为 .docx", name)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: 不是 .docx 文件（%v）；用 Word 或 WPS 把文档另存为 .docx", name, err)
	}
	p := &docPackage{name: name, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")] = f
	}
	return p, nil
}

// has reports whether the package holds a part.
func (p *docPackage) has(part string) bool { return p.files[part] != nil }

// read inflates one part, refusing parts that are too large.
func (p *docPackage) read(part string) ([]byte, error) {
	f := p.files[part]
	if f == nil {
		return nil, fmt.Errorf("%s: 缺少 %s，文件不是完整的 Word 文档；用 Word 或 WPS 重新另存为 .docx", p.name, part)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: 无法打开 .docx 中的 %s：%v；用 Word 或 WPS 重新另存为 .docx", p.name, part, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPartSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: .docx 中的 %s 已损坏：%v；用 Word 或 WPS 重新另存为 .docx", p.name, part, err)
	}
	if len(data) > maxPartSize {
		return nil, fmt.Errorf("%s: %s 解压后超过 %d MB，不是正常的 Word 文档；检查文件来源", p.name, part, maxPartSize>>20)
	}
	return data, nil
}

// mainPart finds the document part through _rels/.rels, falling back to word/document.xml.
func (p *docPackage) mainPart() (string, error) {
	if target := p.relTarget("_rels/.rels", "", "/officeDocument"); target != "" && p.has(target) {
		return target, nil
	}
	if p.has("word/document.xml") {
		return "word/document.xml", nil
	}
	return "", fmt.Errorf("%s: 缺少 word/document.xml，文件是 zip 压缩包但不是 Word 文档；用 Word 或 WPS 另存为 .docx", p.name)
}

// relatedPart finds a part the main part refers to (numbering, styles) by relationship type,
// falling back to its usual name next to the main part. "" when there is none.
func (p *docPackage) relatedPart(main, relType, usual string) string {
	dir, file := path.Split(main)
	if target := p.relTarget(dir+"_rels/"+file+".rels", dir, "/"+relType); target != "" && p.has(target) {
		return target
	}
	if p.has(dir + usual) {
		return dir + usual
	}
	return ""
}

// relTarget reads a relationships part and returns the target of the first relationship whose
// type ends with typeSuffix, resolved against dir. Errors yield "": callers fall back.
func (p *docPackage) relTarget(relsPart, dir, typeSuffix string) string {
	if !p.has(relsPart) {
		return ""
	}
	data, err := p.read(relsPart)
	if err != nil {
		return ""
	}
	root, err := parseXML(data)
	if err != nil {
		return ""
	}
	for _, rel := range root.children("Relationship") {
		if strings.HasSuffix(rel.attr("Type"), typeSuffix) && rel.attr("TargetMode") != "External" {
			target := rel.attr("Target")
			if strings.HasPrefix(target, "/") {
				return strings.TrimPrefix(path.Clean(target), "/")
			}
			return strings.TrimPrefix(path.Clean(dir+target), "/")
		}
	}
	return ""
}
