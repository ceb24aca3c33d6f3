// limits_test.go tests how the server shares itself between clients: the run
// slots per address.

package server

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// as returns a context carrying the client address addr.
func as(addr string) context.Context { return withClient(context.Background(), addr) }

// TestRunSlotsFairShare checks that one address cannot hold more than its
// share of the slots, while others still get theirs.
func TestRunSlotsFairShare(t *testing.T) {
	tests := []struct {
		desc    string
		holders []string // addresses holding a slot each, in order
		next    string   // the address asking next
		wantErr error
	}{
		{"an address below its share", []string{"a"}, "a", nil},
		{"an address at its share", []string{"a", "a"}, "a", errShareFull},
		{"another address meanwhile", []string{"a", "a"}, "b", nil},
		{"every slot busy", []string{"a", "a", "b", "b"}, "c", errBusy},
		{"no address: no share", []string{"", "", ""}, "", nil},
	}
	for _, tt := range tests {
		r := newRunSlots(4, 2)
		for _, h := range tt.holders {
			if err := r.acquire(as(h), time.Millisecond); err != nil {
				t.Fatalf("%s: holder %q: %v", tt.desc, h, err)
			}
		}
		err := r.acquire(as(tt.next), 10*time.Millisecond)
		if !errors.Is(err, tt.wantErr) || (tt.wantErr == errBusy && errors.Is(err, errShareFull)) {
			t.Errorf("%s: acquire = %v, want %v", tt.desc, err, tt.wantErr)
		}
		if err == nil && r.busy() != len(tt.holders)+1 {
			t.Errorf("%s: busy = %d", tt.desc, r.busy())
		}
	}
}

// TestRunSlotsGoToFewest checks that a slot coming free goes to the waiting
// address holding the fewest, not to the first in line.
func TestRunSlotsGoToFewest(t *testing.T) {
	r := newRunSlots(3, 3)
	for _, h := range []string{"a", "a", "b"} {
		r.acquire(as(h), 0)
	}
	got := make(chan string, 2)
	for _, addr := range []string{"a", "c"} { // a asks first
		go func() {
			if r.acquire(as(addr), 0) == nil {
				got <- addr
			}
		}()
		for !r.isWaiting(addr) {
			time.Sleep(time.Millisecond)
		}
	}
	r.release(as("a"))
	if first := <-got; first != "c" {
		t.Errorf("the free slot went to %q, want c (holding none)", first)
	}
	r.release(as("b"))
	if second := <-got; second != "a" {
		t.Errorf("the next slot went to %q, want a", second)
	}
}

// isWaiting reports whether addr has an acquire waiting.
func (r *runSlots) isWaiting(addr string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, w := range r.waiting {
		if w.addr == addr {
			return true
		}
	}
	return false
}

// TestAPIRunFairShare checks that an address holding its share of the slots
// is refused with busy, and that another address is served meanwhile.
func TestAPIRunFairShare(t *testing.T) {
	s, _ := newTestServer(t)
	s.queueWait = 50 * time.Millisecond
	s.runs = newRunSlots(4, 1)
	s.runs.acquire(as("192.0.2.1"), 0) // a run of the first address
	tests := []struct {
		desc   string
		addr   string
		status int
		want   string
	}{
		{"the address at its share", "192.0.2.1:1000", http.StatusServiceUnavailable, `"kind":"busy"`},
		{"another address meanwhile", "192.0.2.2:1000", http.StatusOK, `"stdout":"hi\n"`},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(http.MethodPost, "/api/run", strings.NewReader(`{"source": "print('hi')"}`))
		r.Header.Set("Content-Type", "application/json")
		r.RemoteAddr = tt.addr
		w := send(s.Handler(), r)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%s: %d %s, want %d with %s", tt.desc, w.Code, w.Body, tt.status, tt.want)
		}
	}
}

// TestRateLimitPages checks that GETs of one address are slowed down after
// their burst, while another address is served meanwhile.
func TestRateLimitPages(t *testing.T) {
	s, _ := newTestServer(t)
	s.pages = newRateLimiter(0.001, 3)
	steps := []struct {
		desc, target, addr string
		status             int
	}{
		{"the page", "/", "192.0.2.1:1", 200},
		{"an asset", "/favicon.ico", "192.0.2.1:2", 200},
		{"the health check", "/healthz", "192.0.2.1:3", 200},
		{"over the burst", "/", "192.0.2.1:4", 429},
		{"another route, same bucket", "/api/examples", "192.0.2.1:5", 429},
		{"another address meanwhile", "/", "192.0.2.2:1", 200},
	}
	for _, st := range steps {
		r := httptest.NewRequest(http.MethodGet, st.target, nil)
		r.RemoteAddr = st.addr
		w := send(s.Handler(), r)
		if w.Code != st.status {
			t.Errorf("%s: %d, want %d", st.desc, w.Code, st.status)
		}
		if st.status == 429 && (w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), `"kind":"limit"`)) {
			t.Errorf("%s: answer %v %s", st.desc, w.Header(), w.Body)
		}
	}
}

// TestShareLimits checks the share quota of an address and the bound on the
// store: each answers a clear error while others, and links already made,
// are still served.
func TestShareLimits(t *testing.T) {
	s, _ := newTestServer(t)
	s.shares = newRateLimiter(0.0001, 2)
	steps := []struct {
		desc   string
		addr   string
		source string
		full   bool // lower the store's budget to its size first
		status int
		want   string
	}{
		{"a first share", "192.0.2.1:1", "1", false, 200, `"id"`},
		{"a second", "192.0.2.1:1", "2", false, 200, `"id"`},
		{"over the address's quota", "192.0.2.1:1", "3", false, 429, `"kind":"limit"`},
		{"another address meanwhile", "192.0.2.2:1", "3", false, 200, `"id"`},
		{"a new link in a full store", "192.0.2.2:1", "4", true, 507, `"kind":"limit"`},
		{"a link already made, in a full store", "192.0.2.3:1", "1", true, 200, `"id"`},
	}
	for _, st := range steps {
		if st.full {
			s.storeBudget, _ = s.store.Size(context.Background())
		}
		r := httptest.NewRequest(http.MethodPost, "/api/share", strings.NewReader(`{"workload": {"source": "`+st.source+`"}}`))
		r.Header.Set("Content-Type", "application/json")
		r.RemoteAddr = st.addr
		w := send(s.Handler(), r)
		if w.Code != st.status || !strings.Contains(w.Body.String(), st.want) {
			t.Errorf("%s: %d %s, want %d with %s", st.desc, w.Code, w.Body, st.status, st.want)
		}
	}
}
