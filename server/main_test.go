package server

import (
	"log/slog"
	"os"
	"sync"
	"testing"

	"github.com/gilscope/gilscope/internal/pgtest"
	"github.com/gilscope/gilscope/internal/worker"
)

// TestMain makes the test binary a worker when a pool starts it as one, and
// closes the tests' pool at the end.
func TestMain(m *testing.M) {
	if os.Getenv("GILSCOPE_TEST_WORKER") == "1" {
		os.Exit(worker.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	code := pgtest.Main(m) // stops the PostgreSQL cluster the room benchmark may start
	if testWorkers != nil {
		testWorkers.Close()
	}
	os.Exit(code)
}

var (
	testWorkersOnce sync.Once
	testWorkers     *worker.Pool
	testWorkersErr  error
)

// testPool returns the worker pool the tests' servers share: workers are
// this test binary, started as workers by TestMain.
func testPool(t testing.TB) *worker.Pool {
	t.Helper()
	testWorkersOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			testWorkersErr = err
			return
		}
		testWorkers, testWorkersErr = NewWorkerPool([]string{exe}, append(os.Environ(), "GILSCOPE_TEST_WORKER=1"),
			slog.New(slog.DiscardHandler))
	})
	if testWorkersErr != nil {
		t.Fatalf("starting the workers: %v", testWorkersErr)
	}
	return testWorkers
}
