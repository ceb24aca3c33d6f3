// pages.go defines the HTML page route family: the playground at /, and the
// 404 page for every URL that names nothing.

package server

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/web"
)

// Product names and texts shown on every page.
const (
	productName = "gilscope"
	tagline     = "Watch Python threads fight over the GIL, live."
)

// views holds the view models of the pages. They depend only on the assets,
// so they are built once, at construction.
type views struct {
	playground web.PlaygroundPage
	notFound   web.NotFoundPage
}

// newViews builds the page view models, resolving the hashed asset URLs.
func newViews(a *assets) (views, error) {
	head, err := newHead(a, productName)
	if err != nil {
		return views{}, err
	}
	header := web.Header{Product: productName, Tagline: tagline, HomeURL: "/"}
	notFoundHead := head
	notFoundHead.Title = "Page not found · " + productName
	return views{
		playground: web.PlaygroundPage{
			Head:          head,
			Header:        header,
			ControlsLabel: "Run controls",
			Editor:        web.Pane{Title: "Program"},
			Timeline:      web.Pane{Title: "Timeline"},
			TimelineLabel: "Timeline of threads, cores and the GIL",
			Output:        web.Pane{Title: "Output"},
			Cores:         web.NumberField{Value: machine.DefaultCores, Min: 1, Max: machine.MaxCores},
		},
		notFound: web.NotFoundPage{
			Head:     notFoundHead,
			Header:   header,
			Heading:  "Page not found",
			Message:  "There is nothing at this address.",
			HomeText: "Back to the playground",
		},
	}, nil
}

// Assets the page shell links, besides faviconName.
const (
	scriptName = "app.js"
	styleName  = "app.css"
)

// newHead returns the <head> view model with the given title, or an error if
// an asset the shell links is missing.
func newHead(a *assets, title string) (web.Head, error) {
	script, errScript := a.URL(scriptName)
	style, errStyle := a.URL(styleName)
	icon, errIcon := a.URL(faviconName)
	if err := errors.Join(errScript, errStyle, errIcon); err != nil {
		return web.Head{}, fmt.Errorf("page shell: %w", err)
	}
	return web.Head{Title: title, ScriptURL: script, StyleURL: style, IconURL: icon}, nil
}

// handlePlayground serves the main page.
func (s *Server) handlePlayground(w http.ResponseWriter, r *http.Request) {
	s.renderPage(w, r, http.StatusOK, web.Playground(s.views.playground))
}

// handleNotFound answers 404: the HTML page for browsers (clients that
// accept text/html), a line of plain text for everything else.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if acceptsHTML(r) {
		s.renderPage(w, r, http.StatusNotFound, web.NotFound(s.views.notFound))
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// acceptsHTML reports whether r's Accept header names text/html, as every
// browser's navigation request does.
func acceptsHTML(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept") {
		if strings.Contains(v, "text/html") {
			return true
		}
	}
	return false
}

// renderPage renders c into a buffer and sends it with status, gzipped if
// the client accepts it, so a render error becomes a clean 500 rather than
// half a page. Pages are not cached: they name the current asset version.
func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.requestLog(r).Error("rendering page", slog.Any("error", fmt.Errorf("%s: %w", r.URL.Path, err)))
		s.internalError(w, r)
		return
	}
	body, coding := gzipPage(r, buf.Bytes())
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
