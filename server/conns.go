// conns.go defines connLimiter, the listener that bounds the open
// connections, in all and per client address, and refuses the others with a
// short HTTP answer.

package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Bounds of a refusal: how long a refused connection may take to receive
// its answer and say goodbye, and how many may be doing so at once (beyond
// that they are closed without an answer).
const (
	refusalLinger   = time.Second
	maxRefusalsOpen = 64
)

// connLimiter is a net.Listener that keeps at most total connections open,
// and at most perAddr from one client address. A connection over either
// bound is answered at once, without reading its request, and closed:
// 503 (kind busy) when the server is full, 429 (kind limit) when its
// address is. Unlike golang.org/x/net/netutil.LimitListener it never
// blocks Accept, which would make every client wait for one address.
type connLimiter struct {
	net.Listener
	total, perAddr int
	refused        func(kind string) // counts a refusal
	refusing       chan struct{}     // a token per refusal in progress

	mu     sync.Mutex
	open   int
	byAddr map[string]int
}

func newConnLimiter(ln net.Listener, total, perAddr int, refused func(kind string)) *connLimiter {
	return &connLimiter{Listener: ln, total: total, perAddr: perAddr, refused: refused,
		refusing: make(chan struct{}, maxRefusalsOpen), byAddr: map[string]int{}}
}

// Accept returns the next connection within the bounds, refusing the others.
func (l *connLimiter) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		addr := hostOf(c.RemoteAddr())
		if status := l.admit(addr); status != 0 {
			l.refuse(c, status)
			continue
		}
		return &limitedConn{Conn: c, leave: sync.OnceFunc(func() { l.leave(addr) })}, nil
	}
}

// openConns reports the connections open.
func (l *connLimiter) openConns() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open
}

// admit counts a connection from addr in, or returns the status that
// refuses it.
func (l *connLimiter) admit(addr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.open >= l.total:
		return http.StatusServiceUnavailable
	case l.byAddr[addr] >= l.perAddr:
		return http.StatusTooManyRequests
	}
	l.open++
	l.byAddr[addr]++
	return 0
}

func (l *connLimiter) leave(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.open--
	if l.byAddr[addr]--; l.byAddr[addr] <= 0 {
		delete(l.byAddr, addr)
	}
}

// refuse answers c with status in the background and closes it.
func (l *connLimiter) refuse(c net.Conn, status int) {
	e := apiError{Message: "your address has as many connections open as one address may", Kind: "limit"}
	if status == http.StatusServiceUnavailable {
		e = apiError{Message: "the server has as many connections open as it can; try again in a few seconds",
			Kind: "busy", RetryAfter: retryAfter.Seconds()}
	}
	l.refused(e.Kind)
	select {
	case l.refusing <- struct{}{}:
	default:
		c.Close()
		return
	}
	go func() {
		defer func() { <-l.refusing }()
		defer c.Close()
		c.SetDeadline(time.Now().Add(refusalLinger))
		body, _ := json.Marshal(map[string]apiError{"error": e})
		fmt.Fprintf(c, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nRetry-After: %s\r\nConnection: close\r\n\r\n%s",
			status, http.StatusText(status), len(body), strconv.Itoa(int(retryAfter.Seconds())), body)
		// Half-close and read what the client sent, so that closing does
		// not reset the connection before the client reads the answer.
		if tc, ok := c.(interface{ CloseWrite() error }); ok {
			tc.CloseWrite()
		}
		io.Copy(io.Discard, io.LimitReader(c, maxHeaderBytes))
	}()
}

// hostOf returns the IP of a remote address (the address itself if it has
// no port).
func hostOf(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// limitedConn is a connection counted by a connLimiter until it is closed
// (by net/http, or by whoever hijacked it).
type limitedConn struct {
	net.Conn
	leave func()
}

func (c *limitedConn) Close() error {
	c.leave()
	return c.Conn.Close()
}
