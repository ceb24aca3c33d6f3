// share.go defines the share route family: POST /api/share stores a
// workload (and the view it was shared from) under a content-addressed id,
// GET /api/share/{id} returns it, and GET /s/{id} and /embed/{id} open the
// playground, or the timeline alone, on it.

package server

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/go-chi/chi/v5"

	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/web"
)

// Share ids: shareIDLen characters of Crockford's base32 alphabet (no i, l,
// o, u: easy to read aloud) from the SHA-256 of the record, 50 bits; on the
// rare collision, longShareIDLen characters.
const (
	shareIDLen     = 10
	longShareIDLen = 20
)

const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

var idEncoding = base32.NewEncoding(idAlphabet).WithPadding(base32.NoPadding)

// view is the state of the playground a link opens on.
type view struct {
	T       int64   `json:"t,omitempty"`       // simulated ns at the playhead
	Zoom    float64 `json:"zoom,omitempty"`    // simulated ns per pixel
	Speed   float64 `json:"speed,omitempty"`   // simulated ns per second
	Thread  int32   `json:"thread,omitempty"`  // the selected thread
	Present bool    `json:"present,omitempty"` // presentation mode
	Compare string  `json:"compare,omitempty"` // the second model, when comparing
}

// check rejects a view no page could have made.
func (v *view) check() *apiError {
	switch {
	case v == nil:
		return nil
	case v.T < 0 || v.Zoom < 0 || v.Speed < 0 || v.Thread < 0:
		return badRequest("view: times, zoom, speed and thread must not be negative")
	case v.Compare != "":
		if _, err := machine.LookupModel(v.Compare); err != nil {
			return badRequest("view: compare: %v", err)
		}
	}
	return nil
}

// shareRequest is the body of POST /api/share. Its workload is required:
// a link to nothing is refused.
type shareRequest struct {
	Workload *workload `json:"workload"`
	View     *view     `json:"view,omitempty"`
}

// shareRecord is what is stored, and what GET /api/share/{id} answers.
// Created is left out of the id's hash.
type shareRecord struct {
	Workload  workload `json:"workload"`
	View      *view    `json:"view,omitempty"`
	Simulator string   `json:"simulator"`
	Created   string   `json:"created,omitempty"`
}

// shareResponse answers POST /api/share.
type shareResponse struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

// handleShare stores a workload and answers its id once the record is
// durable.
func (s *Server) handleShare(w http.ResponseWriter, r *http.Request) {
	if !s.clients.allow(clientAddr(r)) {
		s.metrics.error("limit")
		tooManyRequests(w)
		return
	}
	var req shareRequest
	if e := decodeBody(r, &req); e != nil {
		s.fail(w, e)
		return
	}
	if req.Workload == nil {
		s.fail(w, badRequest("a share needs a workload"))
		return
	}
	if e := normalize(req.Workload); e != nil {
		s.fail(w, e)
		return
	}
	if e := req.View.check(); e != nil {
		s.fail(w, e)
		return
	}
	if !s.shares.allow(clientAddr(r)) {
		w.Header().Set("Retry-After", strconv.Itoa(3600/maxSharesPerHour))
		s.fail(w, &apiError{Message: fmt.Sprintf("your address has shared %d links in the last hour, the most it may", maxSharesPerHour),
			Kind: "limit", status: http.StatusTooManyRequests})
		return
	}
	rec := shareRecord{Workload: *req.Workload, View: req.View, Simulator: machine.SimulatorVersion}
	id, err := s.putShare(r, rec)
	if errors.Is(err, errStoreFull) {
		s.fail(w, &apiError{Message: err.Error(), Kind: "limit", status: http.StatusInsufficientStorage})
		return
	}
	if err != nil {
		s.requestLog(r).Error("storing a share", slog.Any("error", err))
		s.internalError(w, r)
		return
	}
	writeJSON(w, http.StatusOK, shareResponse{ID: id, URL: s.linkURL(r, "/s/"+id)})
}

// errStoreFull refuses a new share when the store has reached maxStoreBytes.
var errStoreFull = errors.New("the server stores as many shared links as it can; links already made still work")

// putShare stores rec under its content-addressed id and returns the id. The
// same content always gets the same id: a record already stored keeps its
// creation time. A new record is refused with errStoreFull when the store
// has reached s.storeBudget.
func (s *Server) putShare(r *http.Request, rec shareRecord) (string, error) {
	key, err := json.Marshal(rec) // Created is empty: the hash is of the content
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(key)
	full := idEncoding.EncodeToString(sum[:])
	rec.Created = time.Now().UTC().Format(time.RFC3339)
	data, err := json.Marshal(rec)
	if err != nil {
		return "", err
	}
	for _, n := range []int{shareIDLen, longShareIDLen} {
		id := full[:n]
		old, err := s.store.Get(r.Context(), id)
		switch {
		case errors.Is(err, store.ErrNotFound):
			if err := s.checkStoreRoom(r); err != nil {
				return "", err
			}
			err = s.store.Put(r.Context(), id, data)
			if errors.Is(err, store.ErrConflict) { // stored meanwhile: compare again
				continue
			}
			return id, err
		case err != nil:
			return "", err
		case sameContent(old, key):
			return id, nil
		}
	}
	return "", fmt.Errorf("share id %s: collision on every length", full)
}

// checkStoreRoom returns errStoreFull if the store has reached its budget.
func (s *Server) checkStoreRoom(r *http.Request) error {
	size, err := s.store.Size(r.Context())
	switch {
	case err != nil:
		return err
	case size >= s.storeBudget:
		return errStoreFull
	}
	return nil
}

// sameContent reports whether a stored record has the content key describes.
func sameContent(stored, key []byte) bool {
	var rec shareRecord
	if json.Unmarshal(stored, &rec) != nil {
		return false
	}
	rec.Created = ""
	b, err := json.Marshal(rec)
	return err == nil && string(b) == string(key)
}

// linkURL returns the URL of path on the public URL, if one is configured,
// else on the host r was sent to, or path alone if the Host header is not a
// plain host.
func (s *Server) linkURL(r *http.Request, path string) string {
	if s.publicURL != "" {
		return s.publicURL + path
	}
	if !isPlainHost(r.Host) {
		return path
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

// canonicalShareID reads an id as Crockford's base32 is read: letters in
// either case, and i, l as 1 and o as 0, which a reader may have typed for
// them.
func canonicalShareID(id string) string {
	return strings.Map(func(c rune) rune {
		switch c = unicode.ToLower(c); c {
		case 'i', 'l':
			return '1'
		case 'o':
			return '0'
		}
		return c
	}, id)
}

// validShareID reports whether id could be a share id.
func validShareID(id string) bool {
	if len(id) != shareIDLen && len(id) != longShareIDLen {
		return false
	}
	for _, c := range id {
		if !strings.ContainsRune(idAlphabet, c) {
			return false
		}
	}
	return true
}

// loadShare returns the record stored under the URL's {id}, or false after
// answering 404 (or 500).
func (s *Server) loadShare(w http.ResponseWriter, r *http.Request, page bool) (string, *shareRecord, bool) {
	id := canonicalShareID(chi.URLParam(r, "id"))
	var data []byte
	err := store.ErrNotFound
	if validShareID(id) {
		data, err = s.store.Get(r.Context(), id)
	}
	var rec shareRecord
	if err == nil {
		err = json.Unmarshal(data, &rec)
	}
	switch {
	case errors.Is(err, store.ErrNotFound) && page:
		s.handleNotFound(w, r)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, apiError{Message: "no shared workload has this id", Kind: "request"})
	case err != nil:
		s.requestLog(r).Error("loading a share", slog.String("id", id), slog.Any("error", err))
		s.internalError(w, r)
	default:
		return id, &rec, true
	}
	return "", nil, false
}

// handleGetShare answers a stored record.
func (s *Server) handleGetShare(w http.ResponseWriter, r *http.Request) {
	if _, rec, ok := s.loadShare(w, r, false); ok {
		writeJSON(w, http.StatusOK, rec)
	}
}

// initialState is the JSON the page opens on from a link (web.PlaygroundPage.Initial).
type initialState struct {
	ID string `json:"id"`
	shareRecord
	// Stale says that today's simulator differs from the one that made the
	// link: the run may not look as it did when it was shared.
	Stale bool `json:"stale,omitempty"`
}

// handleSharedPage opens the playground on a stored workload.
func (s *Server) handleSharedPage(w http.ResponseWriter, r *http.Request) {
	s.sharedPage(w, r, false)
}

// handleEmbed opens the timeline alone on a stored workload, for framing in
// other sites (allowFraming lifts the framing ban on this route).
func (s *Server) handleEmbed(w http.ResponseWriter, r *http.Request) {
	s.sharedPage(w, r, true)
}

func (s *Server) sharedPage(w http.ResponseWriter, r *http.Request, embed bool) {
	id, rec, ok := s.loadShare(w, r, true)
	if !ok {
		return
	}
	initial, err := json.Marshal(initialState{ID: id, shareRecord: *rec, Stale: !machine.RunsAlike(rec.Simulator)})
	if err != nil {
		s.internalError(w, r)
		return
	}
	page := s.views.playground
	page.Initial = string(initial)
	page.Embed = embed
	s.renderPage(w, r, http.StatusOK, web.Playground(page))
}

// allowFraming lets any site frame the response (the embed view). It must run
// outside http.TimeoutHandler, whose buffered headers can add but not delete.
func allowFraming(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", contentSecurityPolicy(r.Host, "*"))
		w.Header().Del("X-Frame-Options")
		next.ServeHTTP(w, r)
	})
}
