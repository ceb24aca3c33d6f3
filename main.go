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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, restore the default handling, so a second
	// Ctrl-C kills a shutdown that hangs.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}
