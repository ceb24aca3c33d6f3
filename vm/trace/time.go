package trace

import "fmt"

// Time is a moment of simulated time: nanoseconds since the run started. The
// machine counts in finer units (picoseconds) inside; events, spans and statistics
// are in Time and Duration.
type Time int64

// Duration is a length of simulated time in nanoseconds.
type Duration int64

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
)

// Sub returns t-u.
func (t Time) Sub(u Time) Duration { return Duration(t - u) }

// Add returns t+d.
func (t Time) Add(d Duration) Time { return t + Time(d) }

// Micros returns d in microseconds.
func (d Duration) Micros() float64 { return float64(d) / float64(Microsecond) }

// Seconds returns d in seconds.
func (d Duration) Seconds() float64 { return float64(d) / float64(Second) }

// String writes d the way the statistics do: 1.5 ms, 20 µs, 800 ns.
func (d Duration) String() string { return fmtDur(d) }

// String writes t as a duration from the start of the run.
func (t Time) String() string { return fmt.Sprint(Duration(t)) }
