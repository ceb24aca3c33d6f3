// os_linux.go defines what the worker needs of Linux: CPU clocks, resource
// limits, and killing a worker with its parent.

package worker

import (
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// rusageThread is Linux's RUSAGE_THREAD: the calling thread's usage.
const rusageThread = 1

func cpuOf(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threadClock measures the CPU time of the calling OS thread (the caller
// has locked its goroutine to it).
type threadClock struct{ start time.Duration }

func newThreadClock() threadClock { return threadClock{start: cpuOf(rusageThread)} }

func (c threadClock) used() time.Duration { return cpuOf(rusageThread) - c.start }

// processCPU is the CPU time this process has used, every thread included.
func processCPU() time.Duration { return cpuOf(syscall.RUSAGE_SELF) }

// setLimits sets this process's address-space and CPU limits: past the CPU
// limit the kernel sends SIGXCPU once a second, and SIGKILL at the hard
// limit, grace later. Zero leaves a limit alone.
func setLimits(addressSpace int64, cpu, grace time.Duration) error {
	if addressSpace > 0 {
		lim := syscall.Rlimit{Cur: uint64(addressSpace), Max: uint64(addressSpace)}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
			return err
		}
	}
	if cpu > 0 {
		soft := uint64((cpu + time.Second - 1) / time.Second)
		hard := soft + uint64((grace+time.Second-1)/time.Second)
		if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: soft, Max: hard}); err != nil {
			return err
		}
	}
	return nil
}

// dieWithParent makes the kernel kill a worker when the server's thread
// that started it ends, so no worker outlives a server killed with -9.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// onCPULimit calls f when the process reaches its soft CPU limit (SIGXCPU).
func onCPULimit(f func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGXCPU)
	go func() {
		<-c
		f()
	}()
}
