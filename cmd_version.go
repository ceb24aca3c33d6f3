// cmd_version.go defines the version command.

package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
)

// version prints the module version, the VCS revision when the build
// recorded one, and the Go version.
func (c *cli) version(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	if err := c.parseFlags(fs, args); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(c.stdout, versionLine(info))
	return nil
}

// versionLine formats build info as "gilscope <version> [<revision>[-dirty]] <go>".
// A nil info (a binary built without module support) gives "(unknown)".
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "gilscope (unknown)"
	}
	line := "gilscope " + info.Main.Version
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev != "" {
		line += " " + rev[:min(len(rev), 12)] + dirty
	}
	return line + " " + info.GoVersion
}
