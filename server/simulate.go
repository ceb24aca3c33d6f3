// simulate.go connects the server to its simulations: every run (a live
// session's, an instruction window's, /api/run's) goes through Server.runner,
// which in production is a pool of worker processes (internal/worker), so a
// program that crashes the simulator ends one worker, not the server.

package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gilscope/gilscope/internal/worker"
)

// job returns the worker job that simulates wl.
func job(wl *workload, listing bool) *worker.Job {
	return &worker.Job{Filename: programFile, Source: wl.Source, Model: wl.Model, Cores: wl.Cores, Seed: wl.Seed,
		SwitchInterval: wl.SwitchInterval, MaxTime: wl.MaxTime, MaxEvents: maxRunEvents, Listing: listing}
}

// syntaxError is the located 400 of a program that does not compile.
func syntaxError(se *worker.SyntaxError) *apiError {
	return &apiError{Message: se.Message, Line: se.Line, Col: se.Col, EndLine: se.EndLine, EndCol: se.EndCol,
		Kind: "syntax", status: http.StatusBadRequest}
}

// errInternal is what a user is told when the simulator failed on their
// run (the details go to the log).
var errInternal = apiError{Message: "the simulator failed on this program; the error is logged", Kind: "internal",
	status: http.StatusInternalServerError}

// simulate runs j through the server's runner, logging a simulator failure.
func (s *Server) simulate(ctx context.Context, j *worker.Job, h worker.Handler) (*worker.Outcome, error) {
	out, err := s.runner.Run(ctx, j, h)
	if out != nil {
		s.metrics.runCPU.Add(int64(out.CPU))
	}
	if err != nil {
		s.metrics.error("internal")
		s.log.Error("the simulator failed", "model", j.Model, "error", err)
	}
	return out, err
}

// Limits of the worker processes (docs/server.md, "Workers"). A run's own
// bounds stop a program first with a Python error; these catch what gets
// past them, in the worker alone.
const (
	// workerAddressSpace is a worker's RLIMIT_AS. The Go runtime reserves
	// about 1.3 GB of address space up front; the rest is heap.
	workerAddressSpace = 6 << 30
	// workerMemory is the heap size a worker's garbage collector aims to
	// stay under.
	workerMemory = 2 << 30
	// workerStack bounds a goroutine's stack in a worker: a runaway
	// recursion of the simulator is a fatal stack overflow of that worker.
	workerStack = 256 << 20
	// workerCPU bounds the host CPU time of one run in a worker (its
	// RLIMIT_CPU, raised before each run): the run's maxRunCPU, compiling
	// included, then a margin for the run to be stopped and reported; a
	// worker whose run has not stopped two seconds after it exits.
	workerCPU = maxRunCPU + 5*time.Second
	// warmWorkers is how many idle workers are kept started.
	warmWorkers = 2
	// workerJobs is how many runs a worker serves before it makes way for
	// a new one. Only a run that ended with its result leaves its worker
	// in service; a fresh process per run would add its start-up (about
	// 60 ms of CPU) to every run. The bound limits what a long-lived
	// worker could accumulate (a leak in the simulator, a fragmented heap).
	workerJobs = 64
	// workerNice is a worker's niceness: the sessions' frames, in the
	// server's process, go out before a simulation's next step. Where the
	// two compete for the CPUs (the load benchmark's 17 simulations
	// starting at once with 200 sessions), a worker at the server's
	// priority took as large a share as each of the server's threads, and
	// the frames waited behind them. At 10 a thread of the server weighs
	// about 9 workers; at 19 it weighed 68, and on an overloaded machine a
	// busy server left its simulations next to nothing. The simulations
	// still have every cycle the sessions leave idle.
	workerNice = 10
)

// NewWorkerPool returns the pool of worker processes a server runs its
// simulations in, with the server's limits. command starts one worker (in
// production, the gilscope executable and "worker"); env is its
// environment (nil: this process's). Close the pool after the server.
func NewWorkerPool(command, env []string, log *slog.Logger) (*worker.Pool, error) {
	return worker.NewPool(worker.PoolConfig{Command: command, Env: env, Warm: warmWorkers, Log: log,
		Limits: worker.Limits{AddressSpace: workerAddressSpace, Memory: workerMemory, CPU: workerCPU, Stack: workerStack,
			Jobs: workerJobs, Nice: workerNice}})
}
