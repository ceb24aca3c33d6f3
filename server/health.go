// health.go defines the health check route, /healthz.

package server

import (
	"io"
	"net/http"
)

// handleHealth answers 200 "ok" while the server is serving, for load
// balancers and container orchestrators. It is never cached.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, "ok\n")
}
