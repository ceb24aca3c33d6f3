// workload.go defines the workload every run starts from (the JSON object of
// docs/protocol.md), its decoding and validation against the limits, and the
// JSON error answers of the API.

package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/vm/machine"
)

// workload is a program and the machine it runs on; the gallery's type, so an
// example's workload is sent as it is.
type workload = examples.Workload

// programFile is the file name a workload's source has in tracebacks.
const programFile = "main.py"

// apiError is the body of every error answer, {"error": apiError}, and the
// error of a websocket error message. Line and Col locate a syntax error.
type apiError struct {
	Message    string  `json:"message"`
	Line       int32   `json:"line,omitempty"`
	Col        int32   `json:"col,omitempty"`
	EndLine    int32   `json:"end_line,omitempty"`
	EndCol     int32   `json:"end_col,omitempty"`
	Kind       string  `json:"kind,omitempty"` // "syntax", "limit", "busy", "protocol", "request"
	RetryAfter float64 `json:"retry_after,omitempty"`

	status int // the HTTP status that goes with it
}

func (e *apiError) Error() string { return e.Message }

// badRequest returns a 400 apiError with a formatted message.
func badRequest(format string, args ...any) *apiError {
	return &apiError{Message: fmt.Sprintf(format, args...), Kind: "request", status: http.StatusBadRequest}
}

// normalize fills a workload's defaults and checks it against the limits, so
// that equal runs have equal workloads (and equal share ids).
func normalize(w *workload) *apiError {
	if len(w.Source) > maxSourceBytes {
		return &apiError{Message: fmt.Sprintf("the program is %d bytes; the limit is %d KB", len(w.Source), maxSourceBytes>>10),
			Kind: "limit", status: http.StatusRequestEntityTooLarge}
	}
	if w.Model == "" {
		w.Model = machine.DefaultModel
	}
	if _, err := machine.LookupModel(w.Model); err != nil {
		return badRequest("unknown model %q", w.Model)
	}
	if w.Cores == 0 {
		w.Cores = 2
	}
	if w.Cores < 1 || w.Cores > machine.MaxCores {
		return badRequest("cores must be between 1 and %d", machine.MaxCores)
	}
	if !(w.SwitchInterval >= 0 && w.SwitchInterval <= 1) { // also rejects NaN
		return badRequest("switch_interval must be between 0 and 1 second")
	}
	if !(w.MaxTime >= 0 && w.MaxTime <= maxSimulatedTime) {
		return &apiError{Message: fmt.Sprintf("max_time must be between 0 and %d seconds of simulated time", maxSimulatedTime),
			Kind: "limit", status: http.StatusBadRequest}
	}
	return nil
}

// options returns the machine options of a normalized workload.
func options(w *workload) machine.Options {
	return machine.Options{Model: w.Model, Cores: w.Cores, Seed: w.Seed,
		SwitchInterval: w.SwitchInterval, MaxTime: w.MaxTime}
}

// decodeBody decodes a JSON request body of at most maxBodyBytes into v.
func decodeBody(r *http.Request, v any) *apiError {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return badRequest("reading the request: %v", err)
	}
	if len(body) > maxBodyBytes {
		return &apiError{Message: fmt.Sprintf("the request is larger than %d KB", maxBodyBytes>>10),
			Kind: "limit", status: http.StatusRequestEntityTooLarge}
	}
	return decodeJSON(body, v)
}

// decodeJSON decodes one JSON value, refusing unknown fields and trailing data.
func decodeJSON(data []byte, v any) *apiError {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("malformed JSON: %v", err)
	}
	if dec.More() {
		return badRequest("malformed JSON: data after the value")
	}
	return nil
}

// writeJSON sends v as a JSON answer with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// writeError sends {"error": e} with e's status (400 if unset).
func writeError(w http.ResponseWriter, status int, e apiError) {
	if status == 0 {
		status = http.StatusBadRequest
	}
	writeJSON(w, status, map[string]apiError{"error": e})
}
