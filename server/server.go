// Package server is gilscope's HTTP front end: it serves the playground page,
// its static assets, the live websocket sessions (/ws) and the HTTP API, and
// owns graceful shutdown.
//
// server.go defines the Server, its Config, and the limits it enforces.
// routes.go maps every URL; each route family has its own file: pages.go
// (the HTML pages), static.go (the hashed assets), health.go (/healthz),
// api_run.go (/api/run), share.go (/api/share, /s/, /embed/), gallery.go
// (/api/examples), metrics.go (/metrics), ws.go and session.go (/ws).
// middleware.go and security.go hold what every response passes through,
// serve.go, conns.go and sessions.go the listener, its bounds on
// connections, and graceful shutdown; limits.go the run slots and rate
// limiters.
// docs/server.md explains the design, docs/protocol.md the protocol.
package server

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/websocket"

	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/internal/worker"
)

// Limits. Every bound the server enforces is named here.
const (
	// maxOpenConns bounds the connections open at once (websockets
	// included); maxConnsPerAddress bounds those of one client address: a
	// class of thirty behind one address, each browser with its six
	// connections and a websocket, stays below it. A connection over either
	// bound is answered 503 (the server is full) or 429 (the address is)
	// and closed.
	maxOpenConns       = 4096
	maxConnsPerAddress = 256

	// readHeaderTimeout bounds how long a client may take to send the
	// request line and headers (slowloris protection).
	readHeaderTimeout = 10 * time.Second

	// bodyReadTimeout bounds how long a client may take to send a request
	// body (at most maxBodyBytes: 35 KB/s at the least). Websockets are not
	// bounded by it.
	bodyReadTimeout = 15 * time.Second

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
	// remaining connections, logs what it abandoned, and returns nil (the
	// process exits 0).
	shutdownTimeout = 15 * time.Second

	// assetMaxAge is how long browsers may cache a content-hashed asset.
	// The URL changes whenever the content does, so a year is safe.
	assetMaxAge = 365 * 24 * time.Hour

	// faviconMaxAge is how long browsers may cache /favicon.ico, whose URL
	// does not change with its content.
	faviconMaxAge = 24 * time.Hour

	// maxSourceBytes bounds a program's source.
	maxSourceBytes = 64 << 10

	// maxBodyBytes bounds a request body and a websocket message: a
	// workload whose source is maxSourceBytes long, JSON-escaped, plus view
	// state. A longer body is answered 413.
	maxBodyBytes = 8*maxSourceBytes + 4<<10

	// maxRunCPU bounds the host CPU time one run may take: the CPU time its
	// worker process used, compiling included (in process, its thread's).
	// Waiting for the browser costs none. runWallSlack is how much longer
	// in wall time an /api/run may take when other runs share the CPUs.
	maxRunCPU    = 10 * time.Second
	runWallSlack = 4 * time.Second

	// maxConcurrentRuns bounds the simulations working at once. A run that
	// finds them all busy waits up to runQueueWait for one, then is refused
	// with a hint to retry after retryAfter.
	maxConcurrentRuns = 64
	runQueueWait      = 2 * time.Second
	retryAfter        = 5 * time.Second

	// maxSlotShare is the fraction of the run slots one client address may
	// hold at once (16 of 64), so that a few addresses running endless
	// loops cannot keep everyone else waiting. An address at its share
	// waits for one of its own runs to end, like any run waits for a slot;
	// a slot that comes free goes to the waiting address holding the
	// fewest.
	maxSlotShare = 0.25

	// runStopWait is how long an /api/run whose run has taken all its wall
	// time waits for it to stop and report (a worker's kill grace, 2 s, and
	// a margin).
	runStopWait = 3 * time.Second

	// runTimeout bounds a POST /api/run: a wait for a slot, the run, its
	// stop when it takes too long, and its answer.
	runTimeout = runQueueWait + maxRunCPU + runWallSlack + runStopWait + time.Second

	// maxAnswerEvents bounds the events an /api/run answer holds (about
	// 100 bytes of JSON each): a run asked for its events is stopped by the
	// simulator when it has made more (machine.Options.MaxEvents), and the
	// answer holds the first maxAnswerEvents. Without events, an answer's
	// size does not depend on the run's.
	maxAnswerEvents = 100_000

	// maxRunEvents bounds the events one run keeps (a live session keeps
	// them all, for instant seeks; /api/run returns them). A run that makes
	// more is stopped by the simulator (machine.Options.MaxEvents), at a
	// time that depends on the run alone: every viewer, the cache and the
	// CLI's --max-events see the same run.
	maxRunEvents = 1 << 20

	// maxLogEvents is where the server stops a run itself, wherever its
	// events happen to arrive: the simulator stops a run at the end of the
	// step that passed maxRunEvents (or inside a builtin making events by
	// the thousand), so this is a backstop for a step making another
	// maxRunEvents/4 (a GIL holder's step, up to its switch interval, makes
	// thousands).
	maxLogEvents = maxRunEvents + maxRunEvents/4

	// maxHeldEvents bounds the events all live sessions keep together
	// (80 bytes each and their strings: ~3 GB). A run that would go beyond it is
	// stopped with what it has, so one class's sessions cannot exhaust the
	// server's memory for everyone else.
	maxHeldEvents = 32 * maxRunEvents

	// sessionIdleTimeout ends a websocket session when the browser has sent
	// nothing for this long.
	sessionIdleTimeout = 30 * time.Minute

	// clientRate and clientBurst bound the costly requests (runs, shares,
	// websocket connections and run messages) of one client address: a
	// token bucket refilled at clientRate per second holding clientBurst.
	// A class of thirty behind one school address opens the page at once:
	// a websocket and a run each, 60 tokens; then a few runs a second.
	clientRate  = 4
	clientBurst = 120

	// pageRate and pageBurst bound the other requests of one client address
	// (pages, assets, the share and examples reads, health and metrics),
	// in a bucket of their own: a page load is about fifteen requests, so
	// a class of thirty opening the page at once takes 450.
	pageRate  = 20
	pageBurst = 600

	// maxSharesPerHour bounds the share requests of one client address: a
	// bucket holding maxSharesPerHour, refilled over an hour. A class of
	// thirty behind one address may share about seven links each an hour.
	maxSharesPerHour = 200

	// maxStoreBytes bounds the share store as a whole (Store.Size). When it
	// is reached, links already made still open and can be made again, but
	// no new one is stored.
	maxStoreBytes = 1 << 30

	// versionHexDigits is the length of the asset version in static URLs:
	// a prefix of the hex SHA-256 of all assets (64 bits).
	versionHexDigits = 16
)

// Config holds the dependencies of a Server. All fields but Runner are
// required.
type Config struct {
	// Logger receives one line per request and every error with its
	// context. Clients never see error details.
	Logger *slog.Logger

	// Static holds the browser assets, served under content-hashed URLs.
	// It must contain the files the page shell links: app.js, app.css and
	// favicon.svg. Production passes static.FS().
	Static fs.FS

	// Store keeps shared workloads: store.OpenBolt in production,
	// store.NewMemory in tests.
	Store store.Store

	// Runner runs the simulations: a worker.Pool in production, so that a
	// program that crashes the simulator ends a worker process and not the
	// server. Optional: nil runs them in this process (worker.Local).
	Runner worker.Runner

	// PublicURL is the server's URL as browsers reach it, such as
	// https://gilscope.example behind a proxy: share links are made on it,
	// and a websocket is accepted only from a page of its origin. Optional:
	// when empty, links are made on the request's Host, and a websocket's
	// Origin must match its Host.
	PublicURL string

	// Rooms keeps the rooms of presenters and followers: the Postgres
	// store's in production with a database, so that rooms work across
	// replicas. Optional: nil keeps them in this process's memory.
	Rooms store.Rooms

	// SeparateMetrics takes /metrics off Handler: it is served only by
	// ServeMetrics, on a listener of its own that need not be public.
	SeparateMetrics bool
}

// Server is the gilscope web server. Create one with New; its Handler is
// safe for concurrent use, and Serve may be called once.
type Server struct {
	log      *slog.Logger
	assets   *assets
	views    views
	tour     *tourPages
	gallery  *gallery
	sessions *sessionGroup
	store    store.Store
	// publicURL is Config.PublicURL without a trailing slash, or "".
	publicURL string
	upgrader  websocket.Upgrader
	runner    worker.Runner
	runs      *runSlots
	clients   *rateLimiter
	pages     *rateLimiter
	shares    *rateLimiter
	metrics   *metrics
	mux       *chi.Mux
	// cache shares the logs of runs asked for more than once (cache.go).
	cache *runCache
	// rooms relays presenters' states to followers (rooms.go).
	rooms *roomManager

	// cpuLimit is maxRunCPU; tests lower it.
	cpuLimit time.Duration
	// queueWait is runQueueWait; tests lower it.
	queueWait time.Duration
	// storeBudget is maxStoreBytes; tests lower it.
	storeBudget int64
	// shutdownWait is shutdownTimeout; tests lower it.
	shutdownWait time.Duration
	// bodyTimeout is bodyReadTimeout; tests lower it.
	bodyTimeout time.Duration
	// maxConns and maxConnsPerAddr are maxOpenConns and
	// maxConnsPerAddress; tests lower them.
	maxConns, maxConnsPerAddr int
	// heldEvents counts the events live runs keep; heldBudget is
	// maxHeldEvents (tests lower it).
	heldEvents atomic.Int64
	heldBudget int64

	// latencyHook, if set (by the load benchmark), receives for every
	// events message of a run when its oldest event could first be sent
	// and when the message passed each stage to its write. It is called by
	// the connection's writer and must not keep t.
	latencyHook func(t *frameTiming)
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
	if cfg.Store == nil {
		return nil, errors.New("server: Config.Store is nil")
	}
	public, err := parsePublicURL(cfg.PublicURL)
	if err != nil {
		return nil, fmt.Errorf("server: Config.PublicURL: %w", err)
	}
	a, err := loadAssets(cfg.Static)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	v, err := newViews(a)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	g, err := newGallery()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	tour, err := newTourPages(a)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{
		log:             cfg.Logger,
		assets:          a,
		views:           v,
		tour:            tour,
		gallery:         g,
		sessions:        newSessionGroup(),
		store:           cfg.Store,
		publicURL:       strings.TrimSuffix(cfg.PublicURL, "/"),
		upgrader:        newUpgrader(public),
		runner:          cfg.Runner,
		runs:            newRunSlots(maxConcurrentRuns, slotsPerAddress(maxConcurrentRuns)),
		clients:         newRateLimiter(clientRate, clientBurst),
		pages:           newRateLimiter(pageRate, pageBurst),
		shares:          newRateLimiter(maxSharesPerHour/3600.0, maxSharesPerHour),
		storeBudget:     maxStoreBytes,
		metrics:         newMetrics(),
		cpuLimit:        maxRunCPU,
		queueWait:       runQueueWait,
		bodyTimeout:     bodyReadTimeout,
		shutdownWait:    shutdownTimeout,
		maxConns:        maxOpenConns,
		maxConnsPerAddr: maxConnsPerAddress,
		heldBudget:      maxHeldEvents,
	}
	if s.runner == nil {
		s.runner = worker.Local{}
	}
	s.cache = newRunCache(s, maxCacheBytes)
	if cfg.Rooms == nil {
		cfg.Rooms = store.NewMemoryRooms()
	}
	s.rooms = newRoomManager(s, cfg.Rooms)
	s.metrics.handler, s.metrics.separate = s.metrics.newHandler(s), cfg.SeparateMetrics
	s.mux = s.routes()
	return s, nil
}

// parsePublicURL checks a public URL: empty, or an absolute http or https
// URL with a host and nothing after it but a slash.
func parsePublicURL(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, nil
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return nil, err
	case u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return nil, fmt.Errorf("%q is not an http or https URL with a host", raw)
	case strings.TrimSuffix(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return nil, fmt.Errorf("%q has more than a scheme and a host: the server's routes are at its root", raw)
	}
	return u, nil
}

// Handler returns the server's root HTTP handler, with all middleware.
func (s *Server) Handler() http.Handler {
	return s.mux
}

// Precompress compresses the static assets and the gallery now, rather than
// when each is first served: brotli at its best level takes seconds of CPU
// over the whole set, which would otherwise fall on the first visitors. It
// returns when done; a response that needs an asset meanwhile waits for that
// asset alone.
func (s *Server) Precompress() {
	s.assets.precompress()
	s.gallery.answer.encoded.get()
}
