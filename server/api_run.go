// api_run.go defines POST /api/run: run a workload to its end and answer its
// output and statistics (and events, when asked), for scripts and tests.

package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/machine"
)

// Causes of a run stopped by a limit; the machine prints them on stderr.
var (
	errCPULimit   = errors.New("it used all the host CPU time a run may take")
	errEventLimit = fmt.Errorf("it made more than %d events (the limit)", maxRunEvents)
	// errServerEvents stops a live run when all sessions together keep as many
	// events as the server allows.
	errServerEvents = errors.New("the server keeps as many events for its sessions as it can; try again when some have ended")
)

// runRequest is the body of POST /api/run: a workload, and whether to answer
// its events.
type runRequest struct {
	workload
	Events bool `json:"events,omitempty"`
}

// runResponse is the answer of POST /api/run.
type runResponse struct {
	Stdout   string          `json:"stdout"`
	Stderr   string          `json:"stderr"`
	ExitCode int             `json:"exit_code"`
	End      string          `json:"end"`
	EndTime  int64           `json:"end_time"`
	Limit    string          `json:"limit,omitempty"` // the limit that stopped the run, if one did
	Stats    *machine.Stats  `json:"stats"`
	Events   []machine.Event `json:"events,omitempty"`
}

// handleRun runs a workload with the host CPU limit and answers its results.
// A run stopped by a limit is a 200 with what it produced and "limit" saying
// why.
func (s *Server) handleRun(w http.ResponseWriter, r *http.Request) {
	if !s.clients.allow(clientAddr(r)) {
		s.metrics.error("limit")
		tooManyRequests(w)
		return
	}
	var req runRequest
	if e := decodeBody(r, &req); e != nil {
		s.fail(w, e)
		return
	}
	if e := normalize(&req.workload); e != nil {
		s.fail(w, e)
		return
	}
	if err := s.runs.acquire(r.Context(), runQueueWait); err != nil {
		s.failBusy(w, err)
		return
	}
	defer s.runs.release()
	// Compiling is the run's work: it takes a slot and counts against the CPU limit.
	ctx, cancel := context.WithTimeoutCause(r.Context(), s.cpuLimit, errCPULimit)
	defer cancel()
	prog, e := compileWorkload(&req.workload)
	if e != nil {
		s.fail(w, e)
		return
	}
	resp, err := s.runToEnd(ctx, prog, &req.workload, req.Events)
	if err != nil {
		s.requestLog(r).Error("running a workload", "error", err)
		s.internalError(w, r)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// runToEnd simulates prog, wl compiled, within maxRunEvents and the host CPU
// limit that ctx carries.
func (s *Server) runToEnd(ctx context.Context, prog *compile.Program, wl *workload, withEvents bool) (*runResponse, error) {
	var events []machine.Event
	var limit error
	opts := options(wl)
	opts.Context = ctx
	opts.Program = prog
	opts.OnEvents = func(batch []machine.Event, upTo int64) error {
		if len(events)+len(batch) > maxRunEvents {
			limit = errEventLimit
			return limit
		}
		events = append(events, batch...)
		return nil
	}
	var stdout, stderr bytes.Buffer
	start := time.Now()
	res, err := machine.Run(programFile, []byte(wl.Source), opts, &stdout, &stderr)
	if err != nil {
		return nil, err
	}
	s.metrics.run("api", res.End, res.EndTime, res.Instructions, int64(len(events)), time.Since(start))
	if cause := context.Cause(ctx); limit == nil && errors.Is(cause, errCPULimit) {
		limit = cause
	}
	res.Events = events
	resp := &runResponse{Stdout: stdout.String(), Stderr: stderr.String(), ExitCode: res.ExitCode,
		End: res.End, EndTime: res.EndTime, Stats: machine.ComputeStats(res)}
	if limit != nil {
		resp.Limit = "the run was stopped: " + limit.Error()
		s.metrics.error("limit")
	}
	if withEvents {
		resp.Events = events
	}
	return resp, nil
}

// fail answers e, counting it.
func (s *Server) fail(w http.ResponseWriter, e *apiError) {
	s.metrics.error(e.Kind)
	writeError(w, e.status, *e)
}

// failBusy answers 503 with a retry hint when no run slot came free, or
// nothing when the client has gone.
func (s *Server) failBusy(w http.ResponseWriter, err error) {
	if !errors.Is(err, errBusy) {
		return
	}
	s.metrics.error("busy")
	w.Header().Set("Retry-After", strconv.Itoa(int(retryAfter.Seconds())))
	writeError(w, http.StatusServiceUnavailable, apiError{Message: err.Error(), Kind: "busy", RetryAfter: retryAfter.Seconds()})
}
