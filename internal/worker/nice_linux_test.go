package worker

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPoolNice checks that every thread of a worker given a niceness has
// it, those its runtime started for a run included.
func TestPoolNice(t *testing.T) {
	p := newTestPool(t, 1, Limits{Jobs: 2, Nice: 19})
	var c collect
	if _, err := p.Run(context.Background(), job(threads), &c); err != nil {
		t.Fatal(err)
	}
	pids := p.PIDs()
	if len(pids) == 0 {
		t.Fatal("no worker left to look at")
	}
	for _, pid := range pids {
		stats, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "task", "*", "stat"))
		if len(stats) < 2 {
			t.Errorf("worker %d: %d threads", pid, len(stats))
		}
		for _, f := range stats {
			data, err := os.ReadFile(f)
			if err != nil {
				continue // the thread has ended
			}
			// Fields after the command name, which is in parentheses:
			// state is the 3rd field of stat, nice the 19th.
			fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
			if nice := fields[19-3]; nice != "19" {
				t.Errorf("%s: niceness %s, want 19", f, nice)
			}
		}
	}
}
