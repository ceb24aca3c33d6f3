// workload.go defines the workload every run starts from (the JSON object of
// docs/protocol.md), its decoding and validation against the limits, and the
// JSON error answers of the API.

package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"strconv"
	"strings"

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
	opts := machine.Options{Model: w.Model, Cores: w.Cores, SwitchInterval: w.SwitchInterval, MaxTime: w.MaxTime}
	if err := opts.Validate(); err != nil {
		e := badRequest("%s", err)
		if pe, ok := err.(*machine.ParamError); ok && pe.Limit {
			e.Kind = "limit"
		}
		return e
	}
	w.Model, w.Cores = opts.Model, opts.Cores
	return nil
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

// decodeJSON decodes one JSON object into v, refusing other values (null
// among them), trailing data, and keys that are not spelled exactly as one
// of v's fields: encoding/json would take {"Source": …} for "source".
func decodeJSON(data []byte, v any) *apiError {
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return badRequest("malformed JSON: want an object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("malformed JSON: %v", err)
	}
	if dec.More() {
		return badRequest("malformed JSON: data after the value")
	}
	var tree any
	json.Unmarshal(data, &tree) // valid: decoded above
	if err := exactKeys(tree, reflect.TypeOf(v)); err != nil {
		return badRequest("malformed JSON: %v", err)
	}
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// exactKeys returns an error naming the first key of the decoded JSON value
// x that is not spelled exactly as a field of the type t it was decoded
// into. Types that decode themselves are not looked into.
func exactKeys(x any, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return nil
	}
	var elems map[string]any
	switch x := x.(type) {
	case map[string]any:
		elems = x
	case []any:
		elems = map[string]any{}
		for i, e := range x {
			elems[strconv.Itoa(i)] = e
		}
	}
	fields := map[string]reflect.Type(nil)
	if t.Kind() == reflect.Struct {
		fields = jsonFields(t)
	}
	for k, e := range elems {
		et := t
		switch {
		case fields != nil:
			if et = fields[k]; et == nil {
				return fmt.Errorf("unknown field %q", k)
			}
		case t.Kind() == reflect.Map || t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
			et = t.Elem()
		default:
			return nil
		}
		if err := exactKeys(e, et); err != nil {
			return err
		}
	}
	return nil
}

// jsonFields maps the JSON names of struct type t's fields, those promoted
// from embedded structs included, to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields, promoted := map[string]reflect.Type{}, map[string]reflect.Type{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		embedded := f.Type
		if embedded.Kind() == reflect.Pointer {
			embedded = embedded.Elem()
		}
		switch {
		case name == "-":
		case f.Anonymous && name == "" && embedded.Kind() == reflect.Struct:
			maps.Copy(promoted, jsonFields(embedded))
		case !f.IsExported():
		case name == "":
			fields[f.Name] = f.Type
		default:
			fields[name] = f.Type
		}
	}
	maps.Insert(promoted, maps.All(fields)) // the outer struct's fields win
	return promoted
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
