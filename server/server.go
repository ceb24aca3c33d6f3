// Package server is gilscope's HTTP front end: it serves the playground page,
// its static assets and the health check, and owns graceful shutdown.
//
// server.go defines the Server, its Config, and the limits it enforces.
// routes.go maps every URL; each route family has its own file: pages.go
// (the HTML pages), static.go (the hashed assets), health.go (/healthz).
// middleware.go and security.go hold what every response passes through,
// serve.go and sessions.go the listener and graceful shutdown.
// docs/server.md explains the design.
package server

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
)

// Limits. Every bound the server enforces is named here.
const (
	// readHeaderTimeout bounds how long a client may take to send the
	// request line and headers (slowloris protection).
	readHeaderTimeout = 10 * time.Second

	// idleTimeout bounds how long a keep-alive connection may wait for its
	// next request.
	idleTimeout = 2 * time.Minute

	// maxHeaderBytes bounds the size of a request's headers.
	maxHeaderBytes = 64 << 10

	// pageTimeout bounds the time to answer one short request (a page, an
	// asset, the health check). Long-lived routes such as the /ws websocket
	// are registered outside it; see routes.
	pageTimeout = 10 * time.Second

	// shutdownTimeout bounds how long Serve waits, once its context is done,
	// for in-flight requests and sessions to finish before it closes the
	// remaining connections.
	shutdownTimeout = 15 * time.Second

	// assetMaxAge is how long browsers may cache a content-hashed asset.
	// The URL changes whenever the content does, so a year is safe.
	assetMaxAge = 365 * 24 * time.Hour

	// faviconMaxAge is how long browsers may cache /favicon.ico, whose URL
	// does not change with its content.
	faviconMaxAge = 24 * time.Hour

	// versionHexDigits is the length of the asset version in static URLs:
	// a prefix of the hex SHA-256 of all assets (64 bits).
	versionHexDigits = 16
)

// Config holds the dependencies of a Server. All fields are required.
type Config struct {
	// Logger receives one line per request and every error with its
	// context. Clients never see error details.
	Logger *slog.Logger

	// Static holds the browser assets, served under content-hashed URLs.
	// It must contain the files the page shell links: app.js, app.css and
	// favicon.svg. Production passes static.FS().
	Static fs.FS
}

// Server is the gilscope web server. Create one with New; its Handler is
// safe for concurrent use, and Serve may be called once.
type Server struct {
	log      *slog.Logger
	assets   *assets
	views    views
	sessions *sessionGroup
	mux      *chi.Mux
}

// New validates cfg and returns a Server ready to serve. It loads and hashes
// every static asset up front, so a missing or unservable asset is an error
// here rather than a broken page later.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		return nil, errors.New("server: Config.Logger is nil")
	}
	if cfg.Static == nil {
		return nil, errors.New("server: Config.Static is nil")
	}
	a, err := loadAssets(cfg.Static)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	v, err := newViews(a)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{
		log:      cfg.Logger,
		assets:   a,
		views:    v,
		sessions: newSessionGroup(),
	}
	s.mux = s.routes()
	return s, nil
}

// Handler returns the server's root HTTP handler, with all middleware.
func (s *Server) Handler() http.Handler {
	return s.mux
}
