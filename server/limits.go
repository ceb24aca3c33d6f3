// limits.go defines how the server bounds its load: the slots for concurrent
// simulations and the per-client-address rate limiter. The bounds themselves
// are constants in server.go.

package server

import (
	"context"
	"errors"
	"math"
	"net"
	"net/http"
	"sync"
	"time"
)

// errBusy is returned when every run slot stayed busy for runQueueWait.
var errBusy = errors.New("the server is running as many simulations as it can; try again in a few seconds")

// runSlots is a counting semaphore bounding the simulations working at once.
// It is safe for concurrent use.
type runSlots struct {
	slots chan struct{}
}

func newRunSlots(n int) *runSlots {
	return &runSlots{slots: make(chan struct{}, n)}
}

// acquire takes a slot, waiting up to wait (forever if wait is 0) or until
// ctx is done. It returns errBusy when the wait ran out.
func (r *runSlots) acquire(ctx context.Context, wait time.Duration) error {
	select {
	case r.slots <- struct{}{}:
		return nil
	default:
	}
	var timeout <-chan time.Time
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case r.slots <- struct{}{}:
		return nil
	case <-timeout:
		return errBusy
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// release gives back a slot taken by acquire.
func (r *runSlots) release() { <-r.slots }

// busy reports the slots in use.
func (r *runSlots) busy() int { return len(r.slots) }

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

// tooManyRequests answers 429 with a Retry-After hint.
func tooManyRequests(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, apiError{Message: "too many requests from your address; slow down", Kind: "limit"})
}
