package build

import (
	"html"
	"path"
	"strconv"
	"strings"

	"github.com/spf13/afero"
)

// A link to a document the build publishes says what it is and how big, the way government
// sites write it: 附件1 名单（PDF，283 KB）. A reader on a phone plan decides before tapping; a
// screen reader user hears it. The size is the file's as published, measured at build time.

// documentTypes are the file types a link is labelled with; images, pages and data the site
// shows itself are not.
var documentTypes = map[string]bool{
	"pdf": true, "ofd": true, "doc": true, "docx": true, "wps": true, "rtf": true, "odt": true,
	"xls": true, "xlsx": true, "et": true, "ods": true, "csv": true, "ppt": true, "pptx": true, "dps": true,
	"odp": true, "zip": true, "rar": true, "7z": true, "txt": true, "tif": true, "tiff": true, "mp3": true, "mp4": true,
}

// fileLabel is "（PDF，283 KB）" (zh) or " (PDF, 283 KB)" (en) for the published file at dest,
// "" when it is not a document or cannot be measured.
func (sf *siteFiles) fileLabel(fsys afero.Fs, dest string) string {
	typ := strings.ToLower(strings.TrimPrefix(path.Ext(dest), "."))
	if !documentTypes[typ] {
		return ""
	}
	info, err := fsys.Stat(sf.destSrc(dest))
	if err != nil || info.IsDir() {
		return ""
	}
	size := FormatSize(info.Size())
	if sf.lang == "en" {
		return " (" + strings.ToUpper(typ) + ", " + size + ")"
	}
	return "（" + strings.ToUpper(typ) + "，" + size + "）"
}

// FormatSize writes a file size in KB or MB (1024-based, as Windows shows them), with one
// decimal under 10: 0.4 KB, 9.7 KB, 283 KB, 1.2 MB, 35 MB.
func FormatSize(n int64) string {
	const k = 1024.0
	v, unit := float64(n)/k, "KB"
	if v >= k {
		v, unit = v/k, "MB"
	}
	if v < 10 {
		s := strconv.FormatFloat(v, 'f', 1, 64)
		if s == "0.0" {
			s = "0.1"
		}
		if s == "10.0" {
			return "10 " + unit
		}
		return s + " " + unit
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + " " + unit
}

// linkText is the text of an <a> element from inside its start tag: what is outside the tags.
func linkText(a string) string {
	var b strings.Builder
	in := true // inside the start tag
	for _, r := range a {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// labelFileLinks puts the label of each link whose href labels has after the link's text:
// <a href="/p/附件1.pdf">附件1 名单</a>（PDF，283 KB）. A link whose text or the text just after
// it already names the type (written by hand: 名单（PDF）) is left as it is.
func labelFileLinks(h string, labels map[string]string) string {
	if len(labels) == 0 {
		return h
	}
	var out strings.Builder
	done := 0
	for i := 0; ; {
		j := strings.Index(h[i:], `<a href="`)
		if j < 0 {
			break
		}
		start := i + j + len(`<a href="`)
		end := strings.IndexByte(h[start:], '"')
		if end < 0 {
			break
		}
		label, ok := labels[h[start:start+end]]
		close := strings.Index(h[start:], "</a>")
		if close < 0 {
			break
		}
		close += start + len("</a>")
		i = close
		if !ok {
			continue
		}
		typ := strings.ToUpper(strings.TrimLeft(label, " (（"))
		typ = typ[:strings.IndexAny(typ, ",，")]
		after := h[close:min(len(h), close+16)]
		if k := strings.IndexByte(after, '<'); k >= 0 {
			after = after[:k]
		}
		if strings.Contains(strings.ToUpper(linkText(h[start:close])+after), typ) {
			continue
		}
		out.WriteString(h[done:close])
		out.WriteString(`<span class="filemeta">` + html.EscapeString(label) + `</span>`)
		done = close
	}
	if done == 0 {
		return h
	}
	out.WriteString(h[done:])
	return out.String()
}
