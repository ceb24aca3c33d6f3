//go:build !linux

// os_other.go stands in for os_linux.go elsewhere: wall clocks instead of
// CPU clocks, and no resource limits (the run's own bounds still hold).

package worker

import (
	"os"
	"os/exec"
	"time"
)

type threadClock struct{ start time.Time }

func newThreadClock() threadClock { return threadClock{start: time.Now()} }

func (c threadClock) used() time.Duration { return time.Since(c.start) }

var processStart = time.Now()

func processCPU() time.Duration { return time.Since(processStart) }

func setAddressSpace(bytes int64) error { return nil }

func setCPULimit(total time.Duration) error { return nil }

func setNice(nice int) error { return nil }

func dieWithParent(cmd *exec.Cmd) {}

func onCPULimit(f func()) {}

func growPipe(f *os.File) {}
