// limits.go defines how the server bounds its load: the slots for concurrent
// simulations, shared fairly between client addresses, and the token
// buckets per client address (costly requests, pages, shares). The bounds
// themselves are constants in server.go.

package server

import (
	"context"
	"errors"
	"math"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// errBusy is returned when no run slot came free within the wait.
var errBusy = errors.New("the server is running as many simulations as it can; try again in a few seconds")

// errShareFull is returned when the caller's address held its share of the
// run slots for the whole wait. It is an errBusy, and answered as one.
var errShareFull error = shareFullError{}

type shareFullError struct{}

func (shareFullError) Error() string {
	return "your address is running as many simulations at once as one address may; try again when one has ended"
}

func (shareFullError) Is(target error) bool { return target == errBusy }

// runSlots is a counting semaphore bounding the simulations working at once,
// shared fairly between client addresses: an address holds at most perAddr
// slots, and a slot that comes free goes to the waiting address that holds
// the fewest (the earliest of those). The address is the one the context
// carries (withClient); a context without one is not bounded per address.
// It is safe for concurrent use.
type runSlots struct {
	size, perAddr int
	inUse         atomic.Int32 // read without mu by busy

	mu      sync.Mutex
	held    map[string]int // slots held per address; absent when none
	waiting []*slotWaiter  // in arrival order
}

// slotWaiter is an acquire waiting for a slot; granted is closed when it has
// one.
type slotWaiter struct {
	addr    string
	granted chan struct{}
}

// newRunSlots returns size slots of which one address may hold perAddr.
func newRunSlots(size, perAddr int) *runSlots {
	return &runSlots{size: size, perAddr: max(1, perAddr), held: map[string]int{}}
}

// slotsPerAddress is an address's share of size slots.
func slotsPerAddress(size int) int { return int(float64(size) * maxSlotShare) }

// acquire takes a slot for the address ctx carries, waiting up to wait
// (forever if wait is 0) or until ctx is done. When the wait runs out it
// returns errShareFull if the address held its share meanwhile, else
// errBusy.
func (r *runSlots) acquire(ctx context.Context, wait time.Duration) error {
	w := &slotWaiter{addr: clientOf(ctx), granted: make(chan struct{})}
	r.mu.Lock()
	r.waiting = append(r.waiting, w)
	r.dispatch()
	r.mu.Unlock()
	var timeout <-chan time.Time
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-w.granted:
		return nil
	case <-timeout:
		return r.giveUp(w, errBusy)
	case <-ctx.Done():
		return r.giveUp(w, context.Cause(ctx))
	}
}

// giveUp withdraws w, returning err; if w was granted a slot meanwhile it
// keeps it (nil) on a timeout, and gives it back when ctx is done.
func (r *runSlots) giveUp(w *slotWaiter, err error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	select {
	case <-w.granted:
		if errors.Is(err, errBusy) {
			return nil
		}
		r.put(w.addr)
		return err
	default:
	}
	r.waiting = slices.DeleteFunc(r.waiting, func(x *slotWaiter) bool { return x == w })
	if errors.Is(err, errBusy) && w.addr != "" && r.held[w.addr] >= r.perAddr {
		return errShareFull
	}
	return err
}

// release gives back a slot that acquire took under ctx (for the same
// address).
func (r *runSlots) release(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.put(clientOf(ctx))
}

// put returns addr's slot and hands free slots to waiters. Call with mu held.
func (r *runSlots) put(addr string) {
	if r.held[addr]--; r.held[addr] <= 0 {
		delete(r.held, addr)
	}
	r.inUse.Add(-1)
	r.dispatch()
}

// dispatch grants free slots to the waiters below their address's share,
// fewest held first. Call with mu held.
func (r *runSlots) dispatch() {
	for int(r.inUse.Load()) < r.size {
		best := -1
		for i, w := range r.waiting {
			n := r.held[w.addr]
			if (w.addr == "" || n < r.perAddr) && (best < 0 || n < r.held[r.waiting[best].addr]) {
				best = i
			}
		}
		if best < 0 {
			return
		}
		w := r.waiting[best]
		r.waiting = slices.Delete(r.waiting, best, best+1)
		r.held[w.addr]++
		r.inUse.Add(1)
		close(w.granted)
	}
}

// busy reports the slots in use.
func (r *runSlots) busy() int { return int(r.inUse.Load()) }

// clientKey is the context key of the client address.
type clientKey struct{}

// withClient returns ctx carrying addr, the client address that runs
// started under ctx are counted against.
func withClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// clientOf returns the address ctx carries, or "".
func clientOf(ctx context.Context) string {
	addr, _ := ctx.Value(clientKey{}).(string)
	return addr
}

// tagClient puts the request's client address in its context, for the run
// slots of every simulation the request starts.
func tagClient(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(withClient(r.Context(), clientAddr(r))))
	})
}

// rateLimiter is a token bucket per client address. It is safe for
// concurrent use. Buckets that are full again are forgotten, so memory stays
// bounded by the clients active in the last clientBurst/clientRate seconds.
type rateLimiter struct {
	rate, burst float64
	mu          sync.Mutex
	buckets     map[string]*bucket
	lastSweep   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// newRateLimiter returns a limiter allowing rate requests per second per
// address, in bursts of up to burst. A rate of +Inf allows everything.
func newRateLimiter(rate, burst float64) *rateLimiter {
	return &rateLimiter{rate: rate, burst: burst, buckets: map[string]*bucket{}}
}

// allow takes a token from addr's bucket, reporting whether there was one.
func (l *rateLimiter) allow(addr string) bool {
	if math.IsInf(l.rate, 1) {
		return true
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	b := l.buckets[addr]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[addr] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// sweep forgets, at most once a minute, the buckets that have refilled.
func (l *rateLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	for addr, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
			delete(l.buckets, addr)
		}
	}
}

// clientAddr is the address a request is rate-limited by: the peer's IP.
// Forwarding headers are not trusted; a deployment behind a proxy must limit
// there.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limitPages answers 429 to an address that has spent its page bucket
// (pageRate, pageBurst).
func (s *Server) limitPages(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.pages.allow(clientAddr(r)) {
			s.metrics.error("limit")
			tooManyRequests(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// tooManyRequests answers 429 with a Retry-After hint.
func tooManyRequests(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, apiError{Message: "too many requests from your address; slow down", Kind: "limit"})
}
