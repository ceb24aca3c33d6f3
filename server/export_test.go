package server

import (
	"testing"

	"github.com/gilscope/gilscope/internal/worker"
)

// WorkersForTest is the tests' worker pool, for the browser tests of package
// server_test: their servers run simulations in worker processes, as
// production does.
func WorkersForTest(t testing.TB) worker.Runner { return testPool(t) }

// RaceEnabled says the tests run under the race detector, for the tests of
// package server_test that run the whole tour.
const RaceEnabled = raceEnabled
