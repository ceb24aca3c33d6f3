// This file defines the simulator's version, which a shared link records so that an
// old link can say when today's simulator would run it differently.

package machine

import (
	"fmt"
	"strings"
)

// SimulatorRevision is bumped whenever a change to the simulator (the interpreter,
// a model, the scheduler, the costs) can change the events or output of some run.
const SimulatorRevision = 7

// SimulatorVersion names the simulator and its event model, e.g. "sim1-ev1": two
// runs of the same workload under the same SimulatorVersion give the same events.
var SimulatorVersion = fmt.Sprintf("sim%d-ev%d", SimulatorRevision, EventVersion)

// RunsAlike reports whether a run recorded under simulator version v (a shared
// link's) runs today as it did then: the same simulator revision. The event model's
// version changes how events are written down, not what a run does.
func RunsAlike(v string) bool {
	rev, _, _ := strings.Cut(v, "-")
	return rev == fmt.Sprintf("sim%d", SimulatorRevision)
}
