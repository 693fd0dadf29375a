package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// TestSwapperConcurrent searches from many goroutines through the handler
// while another goroutine keeps swapping freshly opened indexes in.
func TestSwapperConcurrent(t *testing.T) {
	dirs := make([]string, 2)
	for i, body := range []string{"公告甲", "公告乙"} {
		dirs[i] = filepath.Join(t.TempDir(), "index")
		w, err := search.NewWriter(dirs[i], search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Add(search.Record{ID: "r", URL: "/r/", Title: "公告", Body: body}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Close(""); err != nil {
			t.Fatal(err)
		}
	}
	first, err := search.Open(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	sw := NewSwapper(first)
	defer sw.Close()
	h := NewHandler(sw.Current, func(http.ResponseWriter, *http.Request, *PageData) {})

	const searchers, rounds, swaps = 8, 60, 20
	var wg sync.WaitGroup
	errs := make(chan string, searchers*rounds)
	for g := 0; g < searchers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/search?q=%E5%85%AC%E5%91%8A", nil))
				var body struct{ Total int }
				if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &body) != nil || body.Total != 1 {
					errs <- rec.Body.String()
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < swaps; i++ {
			ix, err := search.Open(dirs[i%2])
			if err != nil {
				errs <- err.Error()
				return
			}
			if err := sw.Swap(ix); err != nil {
				errs <- err.Error()
			}
		}
	}()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
