// Package minify shrinks the theme's JavaScript and CSS before they are
// published: readers are often on a cheap phone and a metered connection,
// and the search client must stay under 15 KB gzipped, of which comments and
// indentation are a fifth.
package minify

import (
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

var m = newMinifier()

func newMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("text/css", css.Minify)
	return m
}

// Asset returns the minified form of a static file named name (its
// extension picks the language). Other files, and a file the minifier cannot
// parse (a site's own theme may hold anything), come back unchanged: a
// readable file is better than a failed build.
func Asset(name string, data []byte) []byte {
	var mediatype string
	switch path.Ext(name) {
	case ".js", ".mjs":
		mediatype = "text/javascript"
	case ".css":
		mediatype = "text/css"
	default:
		return data
	}
	out, err := m.Bytes(mediatype, data)
	if err != nil {
		return data
	}
	return out
}
