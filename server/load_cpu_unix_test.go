//go:build unix

package server

import (
	"syscall"
	"time"
)

// selfCPU returns the CPU time this process has used: the server and the
// load benchmark's clients, not the worker processes.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
