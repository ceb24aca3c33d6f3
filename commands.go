// commands.go defines the command table and its dispatch: run, usage errors
// and exit codes. Each command lives in its own cmd_<name>.go file; adding one
// means adding its entry to commands.

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// defaultCommand runs when gilscope is started with no command, or with
// flags but no command.
const defaultCommand = "serve"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2 // bad command line
)

// command is one subcommand of gilscope.
type command struct {
	name string
	help string // one line, shown by "gilscope help"
	run  func(ctx context.Context, args []string) error
}

// cli holds what every command needs from the process. Commands are its
// methods, so tests can run them with their own writers.
type cli struct {
	stdout io.Writer
	stderr io.Writer // also where the server logs
}

// commands returns the command table, in the order help lists it.
func (c *cli) commands() []command {
	return []command{
		{name: "serve", help: "start the web server (the default command)", run: c.serve},
		{name: "run", help: "run a Python program on the simulated machine", run: c.runProgram},
		{name: "models", help: "list the interpreter models", run: c.models},
		{name: "version", help: "print the version", run: c.version},
		{name: "worker", help: "run one simulation for the server (started by serve)", run: c.worker},
		{name: "help", help: "print this help", run: c.help},
	}
}

// run executes the command line args (without the program name). It returns
// a usageError for a bad command line and flag.ErrHelp after printing help.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := &cli{stdout: stdout, stderr: stderr}
	name, rest := defaultCommand, args
	switch {
	case len(args) == 0:
	case isHelpFlag(args[0]):
		name, rest = "help", args[1:]
	case !strings.HasPrefix(args[0], "-"):
		name, rest = args[0], args[1:]
	}
	for _, cmd := range c.commands() {
		if cmd.name == name {
			return cmd.run(ctx, rest)
		}
	}
	return usageErrorf("unknown command %q", name)
}

// isHelpFlag reports whether arg asks for help in one of the usual ways.
func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help":
		return true
	}
	return false
}

// help prints the usage of gilscope and its commands to stdout.
func (c *cli) help(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usageErrorf("help: unexpected arguments %q", args)
	}
	fmt.Fprintf(c.stdout, "gilscope shows, live, how Python threads contend for the GIL.\n\n")
	fmt.Fprintf(c.stdout, "Usage:\n  gilscope [command] [flags]\n\nCommands:\n")
	for _, cmd := range c.commands() {
		fmt.Fprintf(c.stdout, "  %-10s %s\n", cmd.name, cmd.help)
	}
	fmt.Fprintf(c.stdout, "\nRun 'gilscope <command> -h' for a command's flags.\n")
	return nil
}

// parseFlags parses args into fs. A bad flag or a stray argument is a
// usageError; -h prints fs's flags to stdout and returns flag.ErrHelp.
func (c *cli) parseFlags(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard) // errors are reported once, by exitCode
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(c.stdout, "Usage: gilscope %s [flags]\n\nFlags:\n", fs.Name())
		fs.SetOutput(c.stdout)
		fs.PrintDefaults()
		return flag.ErrHelp
	case err != nil:
		return usageErrorf("%s: %v", fs.Name(), err)
	case fs.NArg() > 0:
		return usageErrorf("%s: unexpected arguments %q", fs.Name(), fs.Args())
	}
	return nil
}

// parseFlagsArgs is parseFlags for commands that take positional arguments.
func (c *cli) parseFlagsArgs(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(c.stdout, "Usage: gilscope %s [flags] FILE.py\n\nFlags:\n", fs.Name())
		fs.SetOutput(c.stdout)
		fs.PrintDefaults()
		return flag.ErrHelp
	case err != nil:
		return usageErrorf("%s: %v", fs.Name(), err)
	}
	return nil
}

// usageError reports a bad command line; it exits with status exitUsage.
type usageError struct {
	msg string
}

func (e usageError) Error() string { return e.msg }

// usageErrorf returns a usageError with a formatted message.
func usageErrorf(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

// exitCode reports err on stderr, if it needs reporting, and returns the
// process exit status for it.
func exitCode(err error, stderr io.Writer) int {
	var usage usageError
	var status exitStatus
	var sig signalled
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &status):
		return int(status)
	case errors.As(err, &sig): // the command has said why it stopped
		return sig.exitCode()
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "gilscope: %v\nRun 'gilscope help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "gilscope: %v\n", err)
		return exitError
	}
}
