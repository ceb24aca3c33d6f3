//go:build race

package server

// raceEnabled says the tests run under the race detector, which makes the
// simulator ten times slower: sweeps over every example run one of them.
const raceEnabled = true
