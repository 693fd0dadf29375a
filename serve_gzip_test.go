package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/generator/build"
)

// TestServeGzipsTheExampleSite is `curl -H 'Accept-Encoding: gzip'` against `gongkai serve` of
// the example site: the 昆明 page comes gzipped, and a browser that has it gets a 304.
func TestServeGzipsTheExampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	dest := filepath.Join(t.TempDir(), "public")
	base := startServer(t, serving(build.Options{Source: ".", Dest: dest}, false)).base
	url := base + "/policies/2018-kunming-shequ-zhili/"
	waitFor(t, url, "昆明", 60*time.Second)

	// As curl sends it: the client's own transport would ask for gzip and undo it unseen.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	fetch := func(header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", url, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	_, plain := fetch()
	resp, body := fetch("Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Vary") != "Accept-Encoding" {
		t.Fatalf("Content-Encoding %q, Vary %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
	}
	zr, err := gzip.NewReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || string(unzipped) != string(plain) {
		t.Fatalf("the gzip body does not decode to the page (%v)", err)
	}
	t.Logf("昆明 page: %d bytes, %d gzipped", len(plain), len(body))
	if len(body) > len(plain)/3 {
		t.Errorf("gzip gave %d of %d bytes", len(body), len(plain))
	}
	etag := resp.Header.Get("ETag")
	if again, _ := fetch("Accept-Encoding", "gzip", "If-None-Match", etag); again.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match %s: status %d, want 304", etag, again.StatusCode)
	}

	// The static search client reads several objects of a pack in one request, with gzip
	// accepted as browsers always send it: the parts must be the pack's bytes.
	packs, _ := filepath.Glob(filepath.Join(dest, "_search", "static", "k", "*.bin"))
	if len(packs) == 0 {
		t.Fatal("the example site has no search packs")
	}
	pack, err := os.ReadFile(packs[0])
	if err != nil || len(pack) < 100 {
		t.Fatalf("pack %s: %d bytes, %v", packs[0], len(pack), err)
	}
	req, _ := http.NewRequest("GET", base+"/_search/static/k/"+filepath.Base(packs[0]), nil)
	req.Header.Set("Range", fmt.Sprintf("bytes=0-9,50-%d", len(pack)-1))
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	pr, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Body.Close()
	_, params, _ := mime.ParseMediaType(pr.Header.Get("Content-Type"))
	if pr.StatusCode != http.StatusPartialContent || pr.Header.Get("Content-Encoding") != "" || pr.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Fatalf("pack ranges: status %d, Content-Type %q, Content-Encoding %q, Cache-Control %q", pr.StatusCode,
			pr.Header.Get("Content-Type"), pr.Header.Get("Content-Encoding"), pr.Header.Get("Cache-Control"))
	}
	mr := multipart.NewReader(pr.Body, params["boundary"])
	for _, want := range [][]byte{pack[:10], pack[50:]} {
		part, err := mr.NextPart()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(part)
		if !bytes.Equal(got, want) {
			t.Errorf("pack part %s differs from the file", part.Header.Get("Content-Range"))
		}
	}
}
