package docx

import (
	"path/filepath"
	"regexp"
	"strings"
)

// meta is the front matter guessed from the document. Every field filled by guessing is listed in
// guessed, so staff know what to confirm.
type meta struct {
	title, docNumber, written, genre, level string
	issuers                                 []string
	dutyLeadFirst                           bool
	attachments                             []attachment
	consumed                                map[int]bool // header blocks moved into front matter
	guessed                                 []string
	warnings                                []string
}

type attachment struct {
	title, anchor string
	block         int // index of the 附件N paragraph
}

// headerLimit is how many leading paragraphs can form the header block (红头, 文号, title, date).
const headerLimit = 15

// guessMeta reads the header block (GB/T 9704: 发文机关标志, 发文字号, 标题, then 主送机关 and
// the body), the tail (落款 and 成文日期) and the attachments.
func guessMeta(blocks []block, sourceName string) meta {
	m := meta{consumed: map[int]bool{}}
	h := readHeader(blocks)
	for _, i := range h.used {
		m.consumed[i] = true
	}
	m.docNumber = h.docNumber
	m.title = h.title
	m.issuers = h.issuers
	m.written = h.date

	m.attachments, m.warnings = findAttachments(blocks, h.end)
	bodyEnd := len(blocks)
	if len(m.attachments) > 0 {
		bodyEnd = m.attachments[0].block
	}
	if m.written == "" || len(m.issuers) == 0 {
		date, signers := readSignature(blocks, h.end, bodyEnd)
		if date == "" && len(m.attachments) > 0 {
			// The first "附件：…" was the 附件说明 above the 落款: the attachments follow the 落款.
			var end int
			if date, signers, end = signatureAfterNote(blocks, bodyEnd); date != "" {
				m.attachments, m.warnings = findAttachments(blocks, end)
			}
		}
		if m.written == "" {
			m.written = date
		}
		if len(m.issuers) == 0 {
			m.issuers = signers
		}
	}
	m.genre = genreOf(m.title)
	if len(m.issuers) > 0 {
		m.level = levelOf(m.issuers[0])
	}
	m.dutyLeadFirst = mentionsLeadFirst(blocks)

	m.note("title", m.title != "", "没有找到标题，已用文件名代替，请填写 title")
	m.note("doc_number", m.docNumber != "", "没有找到发文字号（如 昆发〔2018〕14号）；文件有字号的话请填写 doc_number")
	m.note("issuers", len(m.issuers) > 0, "没有找到发文机关，请填写 issuers")
	m.note("written", m.written != "", "没有找到成文日期（如 2018年8月22日），请填写 written")
	m.note("genre", m.genre != "", "没能从标题看出文种（通知、实施意见、规划……），请填写 genre")
	m.note("level", m.level != "", "没能从发文机关看出层级（中央/省/市/县/乡/村），请填写 level")
	if len(m.attachments) > 0 {
		m.guessed = append(m.guessed, "attachments")
	}
	if m.dutyLeadFirst {
		m.guessed = append(m.guessed, "duty_lead")
	}
	if m.title == "" {
		m.title = strings.TrimSuffix(sourceName, filepath.Ext(sourceName))
	}
	return m
}

// note records a guessed field, or a warning when nothing was found for it.
func (m *meta) note(field string, found bool, missing string) {
	if found {
		m.guessed = append(m.guessed, field)
		return
	}
	m.warnings = append(m.warnings, missing)
}

var reLeadFirst = regexp.MustCompile(`[列排](?:在)?第一位?的?[为是]牵头`)

// mentionsLeadFirst finds the note duty tables carry: "列第一位的为牵头单位".
func mentionsLeadFirst(blocks []block) bool {
	has := func(s string) bool {
		s = strings.Map(func(r rune) rune {
			if isBlank(r) {
				return -1
			}
			return r
		}, s)
		return reLeadFirst.MatchString(s)
	}
	for _, b := range blocks {
		if b.table == nil {
			if has(b.text) {
				return true
			}
			continue
		}
		for _, row := range b.table.rows {
			for _, c := range row {
				if has(strings.Join(c.paras, "")) {
					return true
				}
			}
		}
	}
	return false
}
