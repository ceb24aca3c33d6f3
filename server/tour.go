// tour.go defines the guided tour's route family: GET /tour, the index of
// chapters, and GET /tour/{n}, chapter n (examples.Tour). The pages are
// rendered from view models built once, at construction; static/tour.js
// runs each chapter's program over the websocket, as the playground does.

package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/web"
)

// Assets of the tour's pages.
const (
	tourScriptName = "tour.js"
	tourStyleName  = "tour.css"
)

// tourPages holds the view models of the index and of every chapter.
type tourPages struct {
	index    web.TourPage
	chapters []web.TourPage // chapter n at n-1
}

// newTourPages builds the tour's view models.
func newTourPages(a *assets) (*tourPages, error) {
	head, err := newHead(a, "A guided tour of the GIL · "+productName)
	if err != nil {
		return nil, err
	}
	if head.ScriptURL, err = a.URL(tourScriptName); err != nil {
		return nil, fmt.Errorf("tour: %w", err)
	}
	style, err := a.URL(tourStyleName)
	if err != nil {
		return nil, fmt.Errorf("tour: %w", err)
	}
	header := web.Header{Product: productName, Tagline: tagline, HomeURL: "/"}
	chs := examples.Tour()
	links := make([]web.TourLink, len(chs))
	for i, c := range chs {
		links[i] = web.TourLink{N: c.N, Title: c.Title, URL: tourURL(c.N)}
	}
	t := &tourPages{index: web.TourPage{Head: head, Header: header, StyleURL: style, Chapters: links}}
	for i, c := range chs {
		data, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("tour: chapter %d: %w", c.N, err)
		}
		v := &web.TourChapter{N: c.N, Of: len(chs), Title: c.Title, Text: c.Text, Source: c.Source, Data: string(data)}
		if i > 0 {
			v.PrevURL = tourURL(c.N - 1)
		}
		if i+1 < len(chs) {
			v.NextURL = tourURL(c.N + 1)
		}
		h := head
		h.Title = fmt.Sprintf("%d. %s · A guided tour of the GIL", c.N, c.Title)
		t.chapters = append(t.chapters, web.TourPage{Head: h, Header: header, StyleURL: style, Chapters: links, Chapter: v})
	}
	return t, nil
}

// tourURL is the address of chapter n.
func tourURL(n int) string { return "/tour/" + strconv.Itoa(n) }

// handleTour serves the index.
func (s *Server) handleTour(w http.ResponseWriter, r *http.Request) {
	s.renderPage(w, r, http.StatusOK, web.Tour(s.tour.index))
}

// handleTourChapter serves chapter {n}; any other n is the 404 page.
func (s *Server) handleTourChapter(w http.ResponseWriter, r *http.Request) {
	n, ok := chapterNumber(chi.URLParam(r, "n"), len(s.tour.chapters))
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	s.renderPage(w, r, http.StatusOK, web.Tour(s.tour.chapters[n-1]))
}

// chapterNumber reads the {n} of /tour/{n}: a number from 1 to count,
// written as tourURL writes it (no sign, no leading zero), so each chapter
// has one address.
func chapterNumber(seg string, count int) (int, bool) {
	n, err := strconv.Atoi(seg)
	if err != nil || n < 1 || n > count || seg != strconv.Itoa(n) {
		return 0, false
	}
	return n, true
}
