package static

import (
	"fmt"
	"strings"
	"testing"
)

// A content name must never hold a digit run: 18643897705f, a hex name of a
// ×10 laws build, read as a mobile number and the privacy guard refused to
// publish the site.
func TestContentNamesHoldNoDigits(t *testing.T) {
	for i := range 20000 {
		name := contentName("k", []byte(fmt.Sprint(i)))
		base := strings.TrimSuffix(strings.TrimPrefix(name, "k/"), ".bin")
		if len(base) != 2*hashLen || strings.ContainsAny(base, "0123456789") {
			t.Fatalf("contentName(%d) = %q: want %d letters a–p", i, name, 2*hashLen)
		}
	}
}
