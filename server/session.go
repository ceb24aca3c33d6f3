// session.go defines a live session: what is said on one websocket. The
// session goroutine owns all playback state (no locks): it handles the
// browser's messages, moves the playhead with the playback clock, and sends
// what lies before the playhead, coalesced to the browser's resolution. The
// simulation runs ahead of it in its own goroutine (liverun.go) and waits
// when it is too far ahead, so a browser that falls behind slows the
// simulation down rather than losing events.

package server

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// Playback.
const (
	// frameInterval is the playback clock's tick: how often the playhead
	// moves and what lies behind it is sent.
	frameInterval = 50 * time.Millisecond
	// minSendInterval is how often, at most, events are sent while
	// playing as fast as the simulation goes; events held back by it go
	// when it is over.
	minSendInterval = 10 * time.Millisecond
	// maxEventsPerMessage bounds the events of one message; more are split
	// into consecutive messages.
	maxEventsPerMessage = 4096
	// traceAhead is how much playback time one instruction window covers:
	// at speed v it is v·traceAhead of simulated time, within
	// [minTraceWindow, maxTraceWindow] ns.
	traceAhead     = 4 * time.Second
	minTraceWindow = 10_000
	maxTraceWindow = 1_000_000
	// maxStepWindows bounds the windows an instruction step searches for
	// the chosen thread's next instruction.
	maxStepWindows = 8
)

// errIdle ends a session the browser has not spoken on for sessionIdleTimeout.
var errIdle = errors.New("the session was idle too long")

// Pending operations: what the playhead waits for the simulation to reach.
const (
	opNone = iota
	opSeek
	opStepEvent
	opStepInstr
)

type pendingOp struct {
	kind    int
	target  trace.Time // opSeek: the time sought
	play    bool       // opSeek: play once there (a resume)
	thread  int32      // opStepInstr: whose instruction
	from    trace.Time // opStepInstr: where the search goes on
	windows int        // opStepInstr: windows searched
}

// session is one browser's live session. Only its own goroutine touches it.
type session struct {
	s    *Server
	c    *wsConn
	addr string
	log  *slog.Logger

	runSeq  int
	run     *liveRun
	view    *sharedEvents // the run's events at resolution view.res, shared with its other readers
	co      coalescer     // coalesces the events the session encodes itself
	trace   *instrTrace   // the instruction window being played
	next    *instrTrace   // the window after it, traced ahead
	ended   bool          // the end (or failure) of run has been sent
	listed  bool          // the compiled message of run has been sent
	noInstr bool          // a trace of run failed: no more instr events for it

	pos     trace.Time // the playhead: the browser has every event before it
	carry   float64    // fraction of a ns the playhead has still to move
	sentTo  trace.Time // events messages tile [0, sentTo)
	sentIdx int        // run.events[:sentIdx] have been sent
	instrTo trace.Time // instr messages have been sent up to here
	playing bool
	speed   float64 // ns per second; 0 is as fast as the simulation goes
	res     float64 // the browser's resolution, ns per pixel
	pending pendingOp
	stats   playheadStats
	sum     *summary // how the run ended, once it has (summary computes it once)
	// exactEnd makes the next events message keep the last event of each
	// resource before its end: a step shows the event it stopped at.
	exactEnd bool

	lastTick, lastSend time.Time
	// held is set when events were held back by minSendInterval: the
	// session sends them when it is over, not at the next frame.
	held      bool
	lastPos   positionMessage
	lastPosAt time.Time
}

func newSession(s *Server, c *wsConn, addr string, log *slog.Logger) *session {
	return &session{s: s, c: c, addr: addr, log: log}
}

// serve runs the session until the browser leaves, it idles out or ctx is
// done; it always stops the simulations it started.
func (ss *session) serve(ctx context.Context) error {
	defer ss.stopRun()
	if err := ss.send(ctx, ss.hello()); err != nil {
		return err
	}
	tick := time.NewTicker(frameInterval)
	defer tick.Stop()
	idle := time.NewTimer(sessionIdleTimeout)
	defer idle.Stop()
	resend := time.NewTimer(minSendInterval)
	defer resend.Stop()
	for {
		var progress, traced <-chan struct{}
		var heldC <-chan time.Time
		if ss.held {
			resend.Reset(time.Until(ss.lastSend.Add(minSendInterval)))
			heldC = resend.C
		}
		if ss.run != nil {
			progress = ss.run.progress
		}
		if ss.trace != nil {
			traced = ss.trace.progress
		}
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-ss.c.dead:
			return errClientGone
		case data, ok := <-ss.c.in:
			if !ok {
				return errClientGone
			}
			idle.Reset(sessionIdleTimeout)
			if err := ss.handle(ctx, data); err != nil {
				return err
			}
		case <-idle.C:
			ss.sendError(ctx, 0, apiError{Message: "closing the session: nothing was received for " + sessionIdleTimeout.String(), Kind: "limit"})
			return errIdle
		case <-tick.C:
		case <-heldC:
		case <-progress:
		case <-traced:
		}
		if err := ss.advance(ctx); err != nil {
			return err
		}
	}
}

func (ss *session) hello() helloMessage {
	h := helloMessage{header: newHeader("hello", 0), Version: machine.SimulatorVersion,
		Defaults:  defaultsInfo{Model: machine.DefaultModel, Cores: machine.DefaultCores},
		StepKinds: stepKinds(),
		Limits: limitsInfo{SourceBytes: maxSourceBytes, MessageBytes: maxBodyBytes, MaxTime: machine.MaxSimulatedTime,
			Cores: machine.MaxCores, SwitchInterval: machine.MaxSwitchInterval,
			CPUSeconds: maxRunCPU.Seconds(), Threads: machine.MaxThreads, Events: maxRunEvents,
			IdleSeconds: sessionIdleTimeout.Seconds(), InstrMaxSpeed: instrMaxSpeed,
			MessageEvents: maxEventsPerMessage, FrameIntervalS: frameInterval.Seconds()}}
	for _, m := range machine.Models() {
		h.Models = append(h.Models, modelInfo{Name: m.Name, Description: m.Description, Clock: m.Clock()})
	}
	return h
}

// send queues a message, waiting while the queue is full.
func (ss *session) send(ctx context.Context, msg any) error {
	return ss.c.send(ctx, marshal(msg))
}

func (ss *session) sendError(ctx context.Context, run int, e apiError) error {
	ss.s.metrics.error(e.Kind)
	return ss.send(ctx, errorMessage{header: newHeader("error", run), Error: e})
}

// handle acts on one message from the browser. A malformed message is
// answered with an error and otherwise ignored.
func (ss *session) handle(ctx context.Context, data []byte) error {
	if data == nil {
		return ss.sendError(ctx, 0, *protocolError("messages must be text frames holding JSON"))
	}
	m, e := parseClientMessage(data)
	if e != nil {
		if e.Kind != "protocol" { // a bad workload: it replaces the run all the same
			ss.stopRun()
			ss.runSeq++
			return ss.sendError(ctx, ss.runSeq, *e)
		}
		return ss.sendError(ctx, 0, *e)
	}
	now := time.Now()
	switch m.Type {
	case msgRun:
		return ss.startRun(ctx, m)
	case msgPlay:
		ss.playing, ss.pending, ss.lastTick = true, pendingOp{}, now
	case msgPause:
		ss.playing, ss.pending = false, pendingOp{}
	case msgSpeed:
		ss.speed = *m.Speed
	case msgView:
		ss.res = m.Resolution
	case msgSeek:
		ss.playing = false
		ss.seek(*m.T, false)
	case msgStep:
		ss.playing = false
		ss.pending = pendingOp{kind: opStepEvent}
		if m.Mode == "instruction" {
			ss.pending = pendingOp{kind: opStepInstr, thread: m.Thread, from: ss.pos}
		}
	}
	if err := ss.sendPosition(ctx, true); err != nil {
		return err
	}
	return ss.sendStats(ctx)
}

// seek moves the playhead to t: at once if the browser has what lies before
// t, else as the simulation gets there.
func (ss *session) seek(t trace.Time, play bool) {
	ss.pending = pendingOp{}
	if t <= ss.sentTo {
		ss.pos = t
		ss.instrTo = min(ss.instrTo, t) // instr may be wanted again there
		return
	}
	ss.pending = pendingOp{kind: opSeek, target: t, play: play}
}

// startRun replaces the current run with a new one.
func (ss *session) startRun(ctx context.Context, m clientMessage) error {
	ss.stopRun()
	ss.runSeq++
	if !ss.s.clients.allow(ss.addr) {
		return ss.sendError(ctx, ss.runSeq, apiError{Message: "too many runs from your address; slow down", Kind: "limit", RetryAfter: 1})
	}
	ss.run = startLiveRun(ss.s, ctx, ss.runSeq, *m.Workload)
	ss.ended, ss.noInstr, ss.listed = false, false, false
	ss.stats, ss.sum = newPlayheadStats(*m.Workload), nil
	ss.pos, ss.carry, ss.sentTo, ss.sentIdx, ss.instrTo = 0, 0, 0, 0, 0
	ss.speed, ss.res = 0, m.Resolution
	if m.Speed != nil {
		ss.speed = *m.Speed
	}
	ss.playing, ss.pending, ss.lastTick = !m.Paused, pendingOp{}, time.Now()
	if m.From != nil && *m.From > 0 {
		ss.playing = false
		ss.seek(*m.From, !m.Paused)
	}
	return nil
}

// stopRun stops the current run and trace, if any, and waits for them.
func (ss *session) stopRun() {
	ss.stopTrace()
	if ss.run != nil {
		ss.run.stop()
		ss.run, ss.view = nil, nil
	}
}

func (ss *session) stopTrace() {
	for _, t := range []*instrTrace{ss.trace, ss.next} {
		if t != nil {
			t.stop()
		}
	}
	ss.trace, ss.next = nil, nil
}

// advance moves the playhead and sends what the browser lacks: events up to
// the playhead, instructions at slow speeds, the position, the end.
func (ss *session) advance(ctx context.Context) error {
	r := ss.run
	if r == nil {
		return nil
	}
	now := time.Now()
	sn := r.snapshot()
	if sn.done && r.failed != nil {
		if !ss.ended {
			ss.ended = true
			return ss.sendError(ctx, r.id, *r.failed)
		}
		return nil
	}
	if !ss.listed { // the listing goes first; there are no events before it
		code := r.listing()
		if code == nil {
			return nil
		}
		ss.listed = true
		if err := ss.send(ctx, compiledMessage{header: newHeader("compiled", r.id), Code: code}); err != nil {
			return err
		}
	}
	limit := sn.upTo // the playhead never passes the simulation
	if sn.done {
		limit = sn.end
	}
	instr := ss.wantInstr() // before a step resolves, so that its instruction is sent
	ss.movePlayhead(now, limit, sn.done)
	ss.resolvePending(sn, limit)
	ss.lastTick = now
	ss.held = false
	if ss.pos > ss.sentTo {
		if ss.playing && ss.speed == 0 && now.Sub(ss.lastSend) < minSendInterval {
			ss.held = true
		} else {
			if err := ss.sendEvents(ctx, sn, ss.pos, now); err != nil {
				return err
			}
			ss.lastSend = now
		}
	}
	if instr || ss.wantInstr() {
		if err := ss.sendInstr(ctx); err != nil {
			return err
		}
	}
	if sn.done && !ss.ended {
		ss.ended = true
		if err := ss.send(ctx, endMessage{header: newHeader("end", r.id), Summary: *ss.summary()}); err != nil {
			return err
		}
	}
	ss.exactEnd = false
	if err := ss.sendPosition(ctx, false); err != nil {
		return err
	}
	return ss.sendStats(ctx)
}

// summary returns how the run ended, computing it once. Call it once the
// run is done.
func (ss *session) summary() *summary {
	if ss.sum == nil {
		sum := ss.run.summary()
		ss.sum = &sum
	}
	return ss.sum
}

// sendStats sends the statistics of the run before the playhead when they
// are due: at most every statsInterval while it moves, at once when it
// stops somewhere new. At the end of the run they are the summary's: the
// whole run's, as "gilscope run --json" reports them.
func (ss *session) sendStats(ctx context.Context) error {
	r := ss.run
	if r == nil || !ss.listed {
		return nil
	}
	now, sn := time.Now(), r.snapshot()
	// The whole run's statistics follow the end message: until the session
	// has sent it (advance, from its own snapshot), a position at the end
	// gets the prefix's, and the final ones replace them after it.
	final := ss.ended && sn.done && ss.pos >= sn.end
	if sn.done && r.failed != nil || !ss.stats.due(ss.pos, final, ss.playing || ss.pending.kind != opNone, now) {
		return nil
	}
	var st *machine.Stats
	if final {
		st = ss.summary().Stats
	} else {
		st = ss.stats.at(r.sharedStats(), sn.events, ss.pos)
	}
	ss.stats.sent, ss.stats.sentT, ss.stats.sentFinal, ss.stats.sentAt = true, ss.pos, final, now
	return ss.send(ctx, statsMessage{header: newHeader("stats", r.id), T: ss.pos, Stats: st})
}

// movePlayhead advances a playing playhead by the playback clock, keeping it
// behind limit and, in slow motion, behind the instruction trace.
func (ss *session) movePlayhead(now time.Time, limit trace.Time, done bool) {
	if !ss.playing {
		return
	}
	if ss.speed == 0 {
		ss.pos = limit
	} else {
		ss.carry += ss.speed * now.Sub(ss.lastTick).Seconds()
		whole := trace.Time(ss.carry)
		ss.carry -= float64(whole)
		from := ss.pos
		ss.pos += whole
		if ss.wantInstr() { // the window holding from must be traced that far
			ss.ensureTrace(from)
			if ss.trace != nil {
				_, _, cover := ss.trace.snapshot()
				ss.pos = max(min(ss.pos, cover), from)
			}
		}
	}
	if ss.pos >= limit {
		ss.pos = limit
		ss.playing = !done
	}
}

// resolvePending moves the playhead for a seek or step waiting on the
// simulation, and ends the wait when it can.
func (ss *session) resolvePending(sn runSnapshot, limit trace.Time) {
	switch p := &ss.pending; p.kind {
	case opSeek:
		ss.pos = min(p.target, limit)
		if ss.pos == p.target || sn.done {
			ss.playing, ss.lastTick = p.play, time.Now()
			*p = pendingOp{}
		}
	case opStepEvent:
		if t, ok := nextOfInterest(sn.events, ss.pos); ok {
			ss.pos, ss.exactEnd = t+1, true
			*p = pendingOp{}
		} else {
			// Nothing of interest yet: move over what has been simulated, so
			// that the simulation, which may be waiting for it to be sent,
			// goes on.
			ss.pos = max(ss.pos, limit)
			if sn.done {
				*p = pendingOp{}
			}
		}
	case opStepInstr:
		ss.stepInstr(sn, limit)
	}
}

// stepStops reports whether a step stops at an event of kind k: at anything
// but refcount changes, allocations and instructions. The page's step back
// stops at the same kinds, which it learns from the hello (stepKinds).
func stepStops(k machine.Kind) bool {
	switch k {
	case machine.EvRef, machine.EvAlloc, machine.EvFree, machine.EvInstr:
		return false
	}
	return true
}

// stepKinds names the kinds of event a step stops at.
func stepKinds() []string {
	var names []string
	for _, k := range machine.Kinds() {
		if stepStops(k) {
			names = append(names, k.String())
		}
	}
	return names
}

// nextOfInterest returns the time of the first event at or after t that a
// step stops at.
func nextOfInterest(events eventLog, t trace.Time) (trace.Time, bool) {
	i := events.Search(func(e *machine.Event) bool { return e.T >= t })
	for p := range events.Slice(i, events.Len()).Pieces() {
		for k := range p {
			if stepStops(p[k].Kind) {
				return p[k].T, true
			}
		}
	}
	return 0, false
}

// stepInstr looks for the chosen thread's next instruction, window by window.
func (ss *session) stepInstr(sn runSnapshot, limit trace.Time) {
	p := &ss.pending
	if ss.noInstr {
		*p = pendingOp{}
		return
	}
	ss.ensureTrace(p.from)
	events, to, cover := ss.trace.snapshot()
	for i := events.Search(func(e *machine.Event) bool { return e.T >= ss.pos }); i < events.Len() && events.At(i).T < cover; i++ {
		if e := events.At(i); e.Thread == p.thread {
			ss.pos, ss.exactEnd = e.T+1, true
			*p = pendingOp{}
			return
		}
	}
	if cover < to {
		return // the trace is still working
	}
	p.windows++
	if to >= limit && sn.done || p.windows >= maxStepWindows {
		*p = pendingOp{} // nothing more to find
		return
	}
	p.from = to
}

// wantInstr reports whether the browser should get instr events now.
func (ss *session) wantInstr() bool {
	if ss.noInstr || ss.run == nil {
		return false
	}
	slow := ss.playing && ss.speed > 0 && ss.speed <= instrMaxSpeed
	return slow || ss.pending.kind == opStepInstr
}

// ensureTrace makes sure an instruction window covering t exists.
// Once the window is traced and the playhead is half way through it, the
// next window is traced ahead (every window simulates the run from its
// start, which takes a while far into a long run).
func (ss *session) ensureTrace(t trace.Time) {
	if ss.trace != nil {
		_, to, cover := ss.trace.snapshot()
		if ss.trace.from <= t && t < to {
			if ss.next == nil && cover >= to && t >= ss.trace.from+(to-ss.trace.from)/2 {
				ss.next = startTrace(ss.s, ss.run.ctx, ss.run.wl, to, to+ss.traceWindow())
			}
			return
		}
		if to <= ss.trace.from && cover >= to { // a failed trace: give up on instructions
			ss.noInstr = true
		}
		ss.trace.stop()
		ss.trace = nil
	}
	if next := ss.next; next != nil {
		ss.next = nil
		if _, to, _ := next.snapshot(); next.from <= t && t < to && !ss.noInstr {
			ss.trace = next
			return
		}
		next.stop()
	}
	if !ss.noInstr { // windows on a grid of their length: sessions at one speed share them (cache.go)
		w := ss.traceWindow()
		ss.trace = startTrace(ss.s, ss.run.ctx, ss.run.wl, t-t%w, t-t%w+w)
	}
}

// traceWindow is the length of an instruction window at the current speed.
func (ss *session) traceWindow() trace.Time {
	w := trace.Time(ss.speed * traceAhead.Seconds())
	return min(max(w, minTraceWindow), maxTraceWindow)
}

// sendEvents sends the events before t1 that the browser lacks, in messages
// that tile [sentTo, t1), coalesced when one covers more than a pixel. When
// others read the same log, coalesced events come from the encoding they
// share (frames.go). woke is when the session began the advance, for the
// latency's breakdown.
func (ss *session) sendEvents(ctx context.Context, sn runSnapshot, t1 trace.Time, woke time.Time) error {
	i0 := ss.sentIdx
	i1 := i0 + sn.events.Slice(i0, sn.events.Len()).Search(func(e *machine.Event) bool { return e.T >= t1 })
	res := 0.0
	if float64(t1-ss.sentTo) > ss.res {
		res = ss.res
	}
	var out eventsOf
	if v := ss.sharedView(res); v != nil {
		out = v.eventsShared(sn, ss.sentTo, t1)
	} else {
		out = ss.co.encodeRange(sn.events, ss.sentTo, t1, res, !ss.exactEnd)
	}
	var timing *frameTiming
	if i1 > i0 && ss.s.latencyHook != nil {
		timing = &frameTiming{source: ss.run.wl.Source, born: ss.run.bornAt(i0), woke: woke, encoded: time.Now()}
	}
	if err := ss.sendTiled(ctx, "events", ss.sentTo, t1, out, timing); err != nil {
		return err
	}
	ss.sentIdx, ss.sentTo = i1, t1
	ss.run.consume(i1)
	return nil
}

// sharedView returns the log's encoding at resolution res that its readers
// share, or nil when the session encodes its own events: it reads the log
// alone, or the events are not coalesced with lookahead.
func (ss *session) sharedView(res float64) *sharedEvents {
	if res < 1 || ss.exactEnd {
		return nil
	}
	if ss.view != nil && ss.view.res == res {
		return ss.view
	}
	ss.view = nil
	if ss.run.readers() > 1 {
		ss.view = ss.run.sharedAt(res)
	}
	return ss.view
}

// sendTiled sends events (time-ordered, in [t0, t1)) as messages of type
// typ of at most maxEventsPerMessage events that tile [t0, t1). Events at
// the same time stay in one message. timing, if set, is the messages'
// latency measurement.
func (ss *session) sendTiled(ctx context.Context, typ string, t0, t1 trace.Time, events eventsOf, timing *frameTiming) error {
	total := events.len()
	for i := 0; ; {
		n, end := total, t1
		if n-i > maxEventsPerMessage {
			n = i + maxEventsPerMessage
			for n < total && events.at(n) == events.at(n-1) {
				n++
			}
			if n < total {
				end = events.at(n)
			}
		}
		m := outgoing{frame: newEventsFrame(newHeader(typ, ss.run.id), t0, end, events, i, n)}
		if timing != nil {
			t := *timing
			t.made = time.Now()
			m.timing = &t
		}
		if err := ss.c.queue(ctx, m); err != nil {
			return err
		}
		i, t0 = n, end
		if i == total {
			return nil
		}
	}
}

// sendInstr sends the instructions of the current window that lie before
// the playhead and have not been sent.
func (ss *session) sendInstr(ctx context.Context) error {
	if ss.trace == nil {
		return nil
	}
	events, _, cover := ss.trace.snapshot()
	lo, hi := max(ss.instrTo, ss.trace.from), min(ss.pos, cover)
	if hi <= lo {
		return nil
	}
	res := 0.0
	if float64(hi-lo) > ss.res {
		res = ss.res
	}
	out := ss.co.encodeRange(events, lo, hi, res, !ss.exactEnd)
	if err := ss.sendTiled(ctx, "instr", lo, hi, out, nil); err != nil {
		return err
	}
	ss.instrTo = hi
	return nil
}

// sendPosition sends the playback position if it changed (or always, when
// force is set, in answer to a command).
func (ss *session) sendPosition(ctx context.Context, force bool) error {
	if ss.run == nil {
		return nil
	}
	sn := ss.run.snapshot()
	simulated := sn.upTo
	if sn.done {
		simulated = sn.end
	}
	p := positionMessage{header: newHeader("position", ss.run.id), T: ss.pos, Playing: ss.playing || ss.pending.kind != opNone,
		Speed: ss.speed, Simulated: simulated}
	if !force && p == ss.lastPos {
		return nil
	}
	if !force && p.Playing == ss.lastPos.Playing {
		since := time.Since(ss.lastPosAt)
		if since < minSendInterval || p.T == ss.lastPos.T && since < frameInterval {
			return nil // moving: say so every 10 ms; only the simulation moved: once a frame
		}
	}
	ss.lastPos, ss.lastPosAt = p, time.Now()
	return ss.send(ctx, p)
}
