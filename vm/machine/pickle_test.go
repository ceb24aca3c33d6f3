// pickle.loads reads bytes a program may have changed: every byte of a pickle
// replaced in turn is read, or refused with an exception, never a crash.

package machine

import (
	"strings"
	"testing"
)

const pickleMutations = `
import pickle
class P:
    def __init__(self): self.a = [1, (2, 3), {'k': ValueError('x')}]
data = pickle.dumps([P(), range(3), 2**80, 'abc', {1, 2}, P])
refused = read = 0
for i in range(len(data)):
    for v in (0, 1, 7, 255):
        b = data[:i] + bytes([v]) + data[i + 1:]
        try:
            pickle.loads(b)
            read += 1
        except Exception as e:
            refused += 1
print('read', read > 0, 'refused', refused > 0)
`

func TestPickleLoadsChangedBytes(t *testing.T) {
	var out, errw strings.Builder
	r, err := Run("main.py", []byte(pickleMutations), Options{Seed: 1, MaxTime: 60}, &out, &errw)
	if err != nil {
		t.Fatal(err)
	}
	if r.ExitCode != 0 || out.String() != "read True refused True\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.ExitCode, out.String(), errw.String())
	}
}
