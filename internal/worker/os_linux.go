// os_linux.go defines what the worker needs of Linux: CPU clocks, resource
// limits, and killing a worker with its parent.

package worker

import (
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
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

// setAddressSpace sets this process's RLIMIT_AS; zero leaves it alone.
func setAddressSpace(bytes int64) error {
	if bytes <= 0 {
		return nil
	}
	return syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: uint64(bytes), Max: uint64(bytes)})
}

// setCPULimit sets the soft RLIMIT_CPU to total, rounded up to seconds:
// past it the kernel sends SIGXCPU once a second. The hard limit is left
// alone, so that the soft one can be raised again for the next job.
func setCPULimit(total time.Duration) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_CPU, &lim); err != nil {
		return err
	}
	lim.Cur = min(uint64((total+time.Second-1)/time.Second), lim.Max)
	return syscall.Setrlimit(syscall.RLIMIT_CPU, &lim)
}

// setNice sets the niceness of every thread of this process; zero leaves
// it alone. Linux keeps a niceness per thread and a new thread takes its
// creator's, so once every thread has it, so do those the runtime starts
// later. A thread started while the list is read is caught by reading it
// again.
func setNice(nice int) error {
	if nice == 0 {
		return nil
	}
	done := map[int]bool{}
	for {
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			return err
		}
		fresh := 0
		for _, t := range tasks {
			tid, err := strconv.Atoi(t.Name())
			if err != nil || done[tid] {
				continue
			}
			if err := syscall.Setpriority(syscall.PRIO_PROCESS, tid, nice); err != nil && !errors.Is(err, syscall.ESRCH) {
				return err
			}
			done[tid] = true
			fresh++
		}
		if fresh == 0 {
			return nil
		}
	}
}

// dieWithParent makes the kernel kill a worker when the server's thread
// that started it ends, so no worker outlives a server killed with -9.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// onCPULimit calls f each time the process is past its soft CPU limit
// (SIGXCPU, once a second).
func onCPULimit(f func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGXCPU)
	go func() {
		for range c {
			f()
		}
	}()
}

// pipeSize is the capacity asked for the pipe a worker writes its frames
// to (Linux's default is 64 KB, about one batch): the worker goes on
// simulating while the server is late reading, rather than waiting at
// every batch.
const pipeSize = 1 << 20

// growPipe gives the pipe f is an end of pipeSize bytes, or what the
// system allows (fs.pipe-max-size); it does nothing if it cannot.
func growPipe(f *os.File) {
	const setPipeSize = 1031                   // F_SETPIPE_SZ
	if c, err := f.SyscallConn(); err == nil { // not f.Fd, which would make reads block a thread
		c.Control(func(fd uintptr) { syscall.Syscall(syscall.SYS_FCNTL, fd, setPipeSize, pipeSize) })
	}
}
