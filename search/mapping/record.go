package mapping

import "time"

// Record is one searchable unit: a whole document (Anchor "") or one
// section or paragraph group of it. Hits link to URL#Anchor.
type Record struct {
	ID          string // unique in the index, e.g. "policies/x#s3"
	URL         string // page URL, e.g. "/policies/x/"
	Anchor      string // "" for the document record, else the section anchor
	Title       string // document title
	Section     string // "一、总体要求 › （一）指导思想"; "" for the document record
	Body        string // plain text; stored for snippets
	DocNumber   string // 文号 as written
	DocKey      string // normalised 文号 key, e.g. 中发〔2017〕13号
	Type        string // policy | consultation | disclosure | page | …
	Genre       string
	Status      string
	Level       string
	Village     string
	Issuers     []string
	Departments []string
	Topics      []string
	Date        time.Time // zero if none
	// Parts are the units a record groups, in order, when it holds several: a hit links to the
	// part its first match falls in. Offset is the part's byte offset in Body.
	Parts []Part
}

// Part is one unit inside a record that groups several.
type Part struct {
	Anchor  string `json:"a"`
	Section string `json:"s,omitempty"`
	Offset  int    `json:"o"`
}
