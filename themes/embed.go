// Package themes embeds the default theme into the binary, so that a site needs no theme folder
// of its own; a site's themes/NAME overlays it file by file.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the default theme's files, rooted at the theme folder.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder exists
	}
	return sub
}
