package httpapi

import (
	"testing"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/internal/indextest"
)

// buildIndex writes records into a fresh index under t.TempDir and opens it.
func buildIndex(t testing.TB, opts search.Options, records ...search.Record) *search.Index {
	t.Helper()
	return indextest.Open(t, opts, records...)
}
