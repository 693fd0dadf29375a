package analysis

import (
	"strings"
	"testing"
)

func TestValidateSynonyms(t *testing.T) {
	bad := [][][]string{
		{{"居委会"}},
		{{"居委会", ""}},
		{{"居委会", "。"}},
		{{"居委会", strings.Repeat("长", 65)}},
	}
	for _, groups := range bad {
		if err := ValidateSynonyms(groups); err == nil {
			t.Errorf("validateSynonyms(%q) = nil, want error", groups)
		}
	}
	if err := ValidateSynonyms(DefaultSynonyms()); err != nil {
		t.Errorf("DefaultSynonyms invalid: %v", err)
	}
}
