// gallery.go defines GET /api/examples: the examples gallery.

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gilscope/gilscope/examples"
)

// gallery is the answer of /api/examples, encoded and compressed once, at
// construction: the examples do not change while the process lives, and the
// page fetches them on every first load.
type gallery struct {
	answer asset
	etag   string // a hash of the JSON
}

// newGallery encodes the examples, in order: [{id, title, description,
// models, workload}].
func newGallery() (*gallery, error) {
	b, err := json.Marshal(examples.All())
	if err != nil {
		return nil, fmt.Errorf("encoding the examples: %w", err)
	}
	b = append(b, '\n') // as writeJSON's encoder ends its answers
	sum := sha256.Sum256(b)
	return &gallery{
		answer: asset{content: b, contentType: "application/json", encoded: compress(b)},
		etag:   hex.EncodeToString(sum[:])[:versionHexDigits],
	}, nil
}

// handleExamples answers the gallery. Browsers revalidate it on every use
// (no-cache), which costs a 304 until the server's examples change.
func (s *Server) handleExamples(w http.ResponseWriter, r *http.Request) {
	serveAsset(w, r, s.gallery.answer, "no-cache", s.gallery.etag)
}
