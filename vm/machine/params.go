// params.go owns the parameters a user chooses for a run: their defaults, their
// bounds, and the one check of them that the CLI, the HTTP API, the websocket
// and Run itself make. The server sends the defaults and bounds to the page in
// its hello, so no other file writes them down.

package machine

import (
	"fmt"
	"math"
)

// Defaults and bounds of a run's parameters.
const (
	// DefaultCores is the number of simulated cores when none is given.
	DefaultCores = 2
	// MaxCores bounds Options.Cores.
	MaxCores = 64
	// MaxSimulatedTime bounds Options.MaxTime, in seconds of simulated time; a
	// run given no MaxTime ends there.
	MaxSimulatedTime = 120
	// MaxSwitchInterval bounds Options.SwitchInterval, in seconds.
	MaxSwitchInterval = 1
	// MaxThreads bounds the threads (and the processes) one run may have: a
	// thread bomb ends in RuntimeError, as it does when an OS refuses a thread.
	MaxThreads = 256
)

// ParamError is a run parameter outside its bounds. Param names it as the
// workload of docs/protocol.md does ("model", "cores", "switch_interval",
// "max_time", ...).
type ParamError struct {
	Param string
	Msg   string
	// Limit says the bound is one the service sets (how long a run may go on),
	// not one without which the value would mean nothing.
	Limit bool
}

func (e *ParamError) Error() string { return e.Msg }

// Validate fills in the defaults of o's parameters (Model, Cores) and checks
// every parameter against its bounds. Run calls it; the CLI and the server
// call it first, to answer with the error before a run is started, and to key
// equal runs alike.
func (o *Options) Validate() error {
	if o.Model == "" {
		o.Model = DefaultModel
	}
	if _, ok := models[o.Model]; !ok {
		return &ParamError{Param: "model", Msg: fmt.Sprintf("unknown model %q", o.Model)}
	}
	if o.Cores == 0 {
		o.Cores = DefaultCores
	}
	if o.Cores < 1 || o.Cores > MaxCores {
		return &ParamError{Param: "cores", Msg: fmt.Sprintf("cores must be between 1 and %d", MaxCores)}
	}
	// !(x >= 0 && x <= hi) also refuses NaN.
	if !(o.SwitchInterval >= 0 && o.SwitchInterval <= MaxSwitchInterval) {
		return &ParamError{Param: "switch_interval", Msg: fmt.Sprintf("switch_interval must be between 0 and %d second", MaxSwitchInterval)}
	}
	if !(o.MaxTime >= 0 && o.MaxTime <= MaxSimulatedTime) {
		return &ParamError{Param: "max_time", Limit: true,
			Msg: fmt.Sprintf("max_time must be between 0 and %d seconds of simulated time", MaxSimulatedTime)}
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"time_slice", o.TimeSlice}, {"wake_latency", o.WakeLatency}} {
		if !(p.v >= 0 && p.v <= MaxSimulatedTime) {
			return &ParamError{Param: p.name, Msg: fmt.Sprintf("%s must be between 0 and %d seconds", p.name, MaxSimulatedTime)}
		}
	}
	if o.MaxMemory < 0 {
		return &ParamError{Param: "max_memory", Msg: "max_memory must not be negative"}
	}
	if a, b := o.Instructions[0], o.Instructions[1]; math.IsNaN(a) || math.IsNaN(b) || a < 0 || b < a {
		return &ParamError{Param: "instructions", Msg: "the instructions window must be a range of non-negative times"}
	}
	return nil
}
