// api_run.go defines POST /api/run: run a workload to its end and answer its
// output and statistics (and events, when asked), for scripts and tests.

package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gilscope/gilscope/internal/worker"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// Causes of a run stopped by a limit; the machine prints them on stderr.
var (
	errCPULimit = errors.New("it used all the host CPU time a run may take")
	// errWallLimit stops an /api/run that has taken as long in wall time as
	// an answer may wait (maxRunCPU + runWallSlack once it has a slot): on a
	// loaded server a run's CPU time comes slower.
	errWallLimit  = errors.New("it took all the time an answer may wait (the server is busy)")
	errEventLimit = fmt.Errorf("it made more than %d events (the limit)", maxRunEvents)
	// errAnswerEvents is why an /api/run asked for its events stopped when
	// they would not fit in an answer.
	errAnswerEvents = fmt.Errorf("it made more than %d events, the most an answer holds; "+
		"ask without events for the statistics, or play it in a live session", maxAnswerEvents)
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
	EndTime  trace.Time      `json:"end_time"`
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
	resp, e, busy := s.runShared(r.Context(), &req.workload, req.Events)
	if busy != nil {
		s.failBusy(w, busy)
		return
	}
	if resp == nil && e == nil { // too many events for an answer: the run stops where it would not fit
		if err := s.runs.acquire(r.Context(), s.queueWait); err != nil {
			s.failBusy(w, err)
			return
		}
		defer s.runs.release(r.Context())
		resp, e = s.runToEnd(r.Context(), &req.workload, req.Events)
	}
	if e != nil {
		s.fail(w, e)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// collected is the Handler of a run to its end: it counts the events
// (the worker computes the statistics), keeps them if the answer is to
// hold them, and stops the run past its CPU time, or past maxLogEvents
// (the simulator stops it at its own bound first).
type collected struct {
	// keep says the answer holds the events: the first maxAnswerEvents of
	// them, the simulator stopping the run soon after (its MaxEvents), so
	// that the answer is a function of the run alone.
	keep   bool
	n      int
	events []machine.Event
	limit  error
	cpu    time.Duration
}

func (c *collected) Listing([]worker.CodeObject) {}

func (c *collected) Events(batch []machine.Event, _ trace.Time, cpu time.Duration) error {
	switch {
	case c.limit != nil:
	case cpu > c.cpu:
		c.limit = errCPULimit
	case c.n+len(batch) > maxLogEvents:
		c.limit = errEventLimit
	default:
		c.n += len(batch)
		if c.keep {
			room := max(maxAnswerEvents-len(c.events), 0)
			c.events = append(c.events, batch[:min(room, len(batch))]...)
		}
	}
	return c.limit
}

// runToEnd simulates wl within the host CPU limit and maxRunEvents. The
// program is compiled once, by the runner: a syntax error is a located 400.
func (s *Server) runToEnd(ctx context.Context, wl *workload, withEvents bool) (*runResponse, *apiError) {
	// The CPU limit is the worker's CPU time; the context bounds the wall
	// time as well, for a run starved of CPU by others.
	ctx, cancel := context.WithTimeoutCause(ctx, s.cpuLimit+runWallSlack, errCPULimit)
	defer cancel()
	c := &collected{cpu: s.cpuLimit, keep: withEvents}
	start := time.Now()
	j := job(wl, false)
	j.Stats = true
	eventLimit := errEventLimit
	if withEvents {
		j.MaxEvents, eventLimit = maxAnswerEvents, errAnswerEvents
	}
	out, err := s.simulate(ctx, j, c)
	if err != nil {
		return nil, &errInternal
	}
	if out.Syntax != nil {
		return nil, syntaxError(out.Syntax)
	}
	res := out.Result
	s.metrics.run("api", res.End, int64(res.EndTime), res.Instructions, int64(c.n), time.Since(start))
	if cause := context.Cause(ctx); c.limit == nil && errors.Is(cause, errCPULimit) {
		c.limit = cause
	}
	if c.limit == nil && res.End == "max-events" { // the simulator stopped it at its bound
		c.limit = eventLimit
	}
	resp := &runResponse{Stdout: out.Stdout, Stderr: out.Stderr, ExitCode: res.ExitCode,
		End: res.End, EndTime: res.EndTime, Stats: out.Stats}
	if c.limit != nil {
		resp.Limit = "the run was stopped: " + c.limit.Error()
		s.metrics.error("limit")
	}
	if withEvents {
		resp.Events = c.events
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
