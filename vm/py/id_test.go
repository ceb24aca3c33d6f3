package py

import "testing"

// TestIDsDistinct: a heap object numbered as a static one (a small int) has
// another id, since live objects' ids must differ (copy.deepcopy's memo
// relies on it).
func TestIDsDistinct(t *testing.T) {
	small := smallInts[2-smallIntMin].hdr()
	heap := &Header{ID: small.ID}
	if idOf(small) == idOf(heap) {
		t.Errorf("a heap object numbered %d has the id of the small int 2: %#x", heap.ID, idOf(heap))
	}
}
