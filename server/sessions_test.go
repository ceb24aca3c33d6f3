// sessions_test.go tests the session group, the shutdown hook for websockets.

package server

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSessionGroup(t *testing.T) {
	g := newSessionGroup()
	ctx, leave, ok := g.join(context.Background())
	if !ok {
		t.Fatal("join refused before shutdown")
	}
	if ctx.Err() != nil {
		t.Fatal("session context done before shutdown")
	}

	g.close()
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("session context not canceled by close")
	}
	if cause := context.Cause(ctx); !errors.Is(cause, errShuttingDown) {
		t.Errorf("cause = %v, want errShuttingDown", cause)
	}
	if _, _, ok := g.join(context.Background()); ok {
		t.Error("join accepted a session after close")
	}

	short, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := g.wait(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("wait with an active session = %v, want deadline exceeded", err)
	}
	leave()
	leave() // idempotent
	if err := g.wait(context.Background()); err != nil {
		t.Errorf("wait after leave = %v", err)
	}
	g.close() // idempotent
}

func TestSessionContextFollowsParent(t *testing.T) {
	g := newSessionGroup()
	parent, cancel := context.WithCancel(context.Background())
	ctx, leave, _ := g.join(parent)
	defer leave()
	cancel()
	<-ctx.Done()
	if errors.Is(context.Cause(ctx), errShuttingDown) {
		t.Error("a session ended by its client reports a shutdown")
	}
}

func TestLeaveCancelsSessionContext(t *testing.T) {
	g := newSessionGroup()
	ctx, leave, _ := g.join(context.Background())
	leave()
	if ctx.Err() == nil {
		t.Error("session context still live after leave")
	}
	g.close()
	if errors.Is(context.Cause(ctx), errShuttingDown) {
		t.Error("close after leave changed the cause")
	}
}
