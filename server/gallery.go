// gallery.go defines GET /api/examples: the examples gallery.

package server

import (
	"net/http"

	"github.com/gilscope/gilscope/examples"
)

// handleExamples answers the gallery, in order: [{id, title, description,
// models, workload}].
func (s *Server) handleExamples(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, examples.All())
}
