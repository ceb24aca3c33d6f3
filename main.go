// Command gilscope is a web playground that shows, live, how Python threads
// contend for the GIL: it runs a simulated interpreter and streams its events
// to a timeline in the browser.
//
// Usage:
//
//	gilscope [command] [flags]
//
// With no command it runs "serve". Run "gilscope help" for the commands.
//
// main.go only turns signals into a context and the result of run into an
// exit status. The command table is in commands.go, each command in its own
// cmd_<name>.go.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signalContext()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// signalled is the cause of a context canceled by a signal. A command that
// stops because of it says so on stderr and returns it, and gilscope exits
// 128 + the signal's number, as a shell reports a process killed by it (130
// for SIGINT, 143 for SIGTERM).
type signalled struct{ sig syscall.Signal }

func (s signalled) Error() string { return s.sig.String() + " signal received" }

func (s signalled) exitCode() int { return 128 + int(s.sig) }

// signalContext returns a context canceled, with cause signalled, by the
// first SIGINT or SIGTERM. After it the default handling is restored, so a
// second Ctrl-C kills a shutdown that hangs. stop releases the signals.
func signalContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-ch:
			signal.Stop(ch)
			cancel(signalled{sig.(syscall.Signal)})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		cancel(nil)
	}
}
