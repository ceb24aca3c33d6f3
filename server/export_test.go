package server

import (
	"testing"

	"github.com/gilscope/gilscope/internal/worker"
)

// WorkersForTest is the tests' worker pool, for the browser tests of package
// server_test: their servers run simulations in worker processes, as
// production does.
func WorkersForTest(t testing.TB) worker.Runner { return testPool(t) }
