// Package trace is gilscope's event model and everything derived from an event
// stream alone: the span layer, the statistics, the validator and the exporters
// (Chrome trace, JSONL). It imports nothing of the project, as Go's internal/trace
// does not: the machine produces events, the server, the CLI and the tests consume
// them through this package.
package trace

// ThreadInfo names a thread of a run.
type ThreadInfo struct {
	ID   int32
	Name string
}

// Trace is what the statistics and the exporters read of a run: its events, the
// time it ended, the cores it had and the model it ran under.
type Trace struct {
	Model   string
	Cores   int
	EndTime Time
	Events  []Event
	// Threads names the run's threads (a thread_start's name may have been
	// clipped; a name here wins).
	Threads []ThreadInfo
}
