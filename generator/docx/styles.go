package docx

// styles holds what the converter needs from styles.xml: the numbering a paragraph style carries,
// since Chinese templates often number 一、 and （一） through heading styles, not direct numPr.
type styles struct {
	byID         map[string]*node // paragraph styleId → w:style
	defaultStyle string
}

type numRef struct {
	numID string
	ilvl  int
	set   bool // a numId was found (possibly "0", which switches numbering off)
}

func parseStyles(root *node) *styles {
	s := &styles{byID: map[string]*node{}}
	if root == nil {
		return s
	}
	for _, st := range root.children("style") {
		if st.attr("type") != "paragraph" {
			continue
		}
		id := st.attr("styleId")
		s.byID[id] = st
		if st.on("default") || st.attr("default") == "1" || st.attr("default") == "true" {
			s.defaultStyle = id
		}
	}
	return s
}

// numbering returns the numbering a paragraph style gives, following w:basedOn.
func (s *styles) numbering(styleID string) numRef {
	if styleID == "" {
		styleID = s.defaultStyle
	}
	ref := numRef{}
	ilvlSet := false
	for depth := 0; styleID != "" && depth < 20; depth++ {
		st := s.byID[styleID]
		if st == nil {
			break
		}
		if np := st.path("pPr", "numPr"); np != nil {
			if id := np.child("numId"); id != nil && !ref.set {
				ref.numID, ref.set = id.attr("val"), true
			}
			if lv := np.child("ilvl"); lv != nil && !ilvlSet {
				ref.ilvl, ilvlSet = atoiDefault(lv.attr("val"), 0), true
			}
		}
		if ref.set && ilvlSet {
			break
		}
		styleID = st.val("basedOn")
	}
	return ref
}
