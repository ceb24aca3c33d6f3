// routes.go defines gilscope's URL space: the middleware stacks and every
// route, in one place. The handlers live in one file per route family.

package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// routes builds the router. Every response passes through the root stack
// (request id, access log, panic recovery, security headers). Short requests
// additionally get the page stack, with its timeout; long-lived routes such
// as the /ws websocket must be registered at the root, outside that group,
// and use s.sessions so that shutdown can close them.
func (s *Server) routes() *chi.Mux {
	r := chi.NewRouter()
	r.Use(s.assignRequestID, s.logRequests, s.recoverPanics, securityHeaders, middleware.GetHead, tagClient)
	r.NotFound(s.handleNotFound)

	r.Get("/ws", s.handleWS) // long-lived: no page timeout
	r.Get("/ws/room", s.handleRoomWS)

	r.Group(func(r chi.Router) {
		r.Use(s.pageMiddleware()...)
		r.Get("/", s.handlePlayground)
		r.Get("/s/{id}", s.handleSharedPage)
		r.Get("/tour", s.handleTour)
		r.Get("/tour/{n}", s.handleTourChapter)
		r.Get("/r/{code}", s.handlePlayground) // a room: static/room.js joins it
		r.With(s.requireJSON).Post("/api/share", s.handleShare)
		r.Get("/api/share/{id}", s.handleGetShare)
		r.Get("/api/examples", s.handleExamples)
		r.Get("/metrics", s.handleMetrics)
		r.Get("/healthz", s.handleHealth)
		r.Get("/favicon.ico", s.handleFavicon)
		r.Get(staticPrefix+"{version}/*", s.handleStatic)
	})
	r.Group(func(r chi.Router) {
		r.Use(s.readBodies, withTimeout(runTimeout), s.recoverPanics) // a run may take maxRunCPU and a wait
		r.With(s.requireJSON).Post("/api/run", s.handleRun)
	})
	r.Group(func(r chi.Router) {
		r.Use(allowFraming) // outside the timeout, which cannot delete headers
		r.Use(s.pageMiddleware()...)
		r.Get("/embed/{id}", s.handleEmbed)
	})
	return r
}

// pageMiddleware is the stack for short requests: the rate limit of
// pages, the body deadline, a
// deadline on the answer, and panic recovery inside it. The body is read
// outside http.TimeoutHandler, whose writer cannot set read deadlines.
// http.TimeoutHandler runs its handler on another goroutine and re-panics
// without the original stack, so recovering inside the timeout keeps the
// stack in the log.
func (s *Server) pageMiddleware() []func(http.Handler) http.Handler {
	return []func(http.Handler) http.Handler{s.limitPages, s.readBodies, withTimeout(pageTimeout), s.recoverPanics}
}
