package mapping

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/gongkai/gongkai/search/analysis"
)

// Fields maps a record onto the index fields of New.
func Fields(r Record) map[string]interface{} {
	href := r.URL
	if r.Anchor != "" {
		href += "#" + r.Anchor
	}
	f := map[string]interface{}{
		FieldHref: href,
		FieldURL:  r.URL,
		FieldBody: r.Body,
	}
	// Only the document record is found by its title: otherwise every
	// section of a 通知 would be a hit for 通知. Sections keep the title
	// for display.
	if r.Anchor == "" {
		f[FieldTitle] = r.Title
		f[FieldChars] = r.Title + "\n" + r.Body
	} else {
		f[FieldShownTitle] = r.Title
		f[FieldChars] = r.Section + "\n" + r.Body
	}
	set := func(name, v string) {
		if v != "" {
			f[name] = v
		}
	}
	set(FieldSection, r.Section)
	// Only the document record is found by its 文号, for the same reason as its title; every
	// record shows it.
	if r.Anchor == "" {
		set(FieldDocNumber, r.DocNumber)
	} else {
		set(FieldShownDocNo, r.DocNumber)
	}
	if len(r.Parts) > 1 {
		if b, err := json.Marshal(r.Parts); err == nil {
			f[FieldParts] = string(b)
		}
	}
	set(FieldType, r.Type)
	set(FieldGenre, r.Genre)
	set(FieldStatus, r.Status)
	set(FieldLevel, r.Level)
	set(FieldVillage, r.Village)
	list := func(name string, vs []string) {
		var keep []string
		for _, v := range vs {
			if v != "" {
				keep = append(keep, v)
			}
		}
		if len(keep) > 0 {
			f[name] = keep
		}
	}
	list(FieldIssuer, r.Issuers)
	list(FieldDept, r.Departments)
	list(FieldTopic, r.Topics)
	if r.Anchor == "" {
		list(FieldDocKey, docKeys(r))
		set(FieldTitleKey, analysis.TitleKey(r.Title))
	}
	list(FieldAnchors, anchors(r))
	if !r.Date.IsZero() {
		f[FieldDate] = r.Date
		f[FieldYear] = strconv.Itoa(r.Date.Year())
	}
	return f
}

// anchors are the record's own anchor and those of its parts, once each:
// a law's record groups 第十条 to 第十四条, and 第十一条 must find it.
func anchors(r Record) []string {
	var out []string
	add := func(a string) {
		if a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	add(r.Anchor)
	for _, p := range r.Parts {
		add(p.Anchor)
	}
	return out
}

// docKeys indexes the caller's key and our own normalisation of both
// fields, so a query normalised by NormalizeDocNumber always meets it.
func docKeys(r Record) []string {
	var keys []string
	for _, k := range []string{r.DocKey, analysis.NormalizeDocNumber(r.DocKey), analysis.NormalizeDocNumber(r.DocNumber)} {
		if k == "" {
			continue
		}
		dup := false
		for _, have := range keys {
			dup = dup || have == k
		}
		if !dup {
			keys = append(keys, k)
		}
	}
	return keys
}
