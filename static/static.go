// Package static holds the browser assets of gilscope (scripts, styles,
// icons), embedded in the binary so that one file deploys the whole app.
//
// The server serves them under content-hashed URLs; see package server.
package static

import (
	"embed"
	"io/fs"
)

// files is the embedded asset tree: the scripts, styles and icons at the top
// of this directory (not the Go source). A new kind of file or a subdirectory
// needs its pattern added here.
//
//go:embed *.js *.css *.svg vendor/*.js
var files embed.FS

// FS returns the embedded assets as a read-only file system, rooted so that
// "app.js" names static/app.js.
func FS() fs.FS {
	return files
}
