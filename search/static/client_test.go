package static

import (
	"bytes"
	"compress/gzip"
	"os"
	"testing"

	"github.com/gongkai/gongkai/generator/minify"
)

// clientScript is the browser client the theme serves at /js/search.js.
const clientScript = "../../themes/default/static/js/search.js"

// maxClientGzip is the budget for the client as served: minified
// (as the build publishes it) and compressed.
const maxClientGzip = 15000

func TestClientScriptSize(t *testing.T) {
	src, err := os.ReadFile(clientScript)
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	_, _ = zw.Write(minify.Asset(clientScript, src))
	_ = zw.Close()
	if z.Len() > maxClientGzip {
		t.Errorf("%s is %d bytes minified and gzipped, over the budget of %d", clientScript, z.Len(), maxClientGzip)
	}
}
