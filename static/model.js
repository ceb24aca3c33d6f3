// model.js defines RunStore, the browser's copy of one run: it takes the
// protocol's messages (docs/protocol.md), keeps every resource's state
// transitions in flat, time-sorted, columnar arrays, derives spans from them
// exactly as vm/trace/spans.go does, to draw them, and answers stateAt(t).
// It keeps the latest statistics the server sent (serverStats): the events
// it holds may be coalesced, so it counts nothing itself. It also formats
// simulated time (fmtDur, fmtTime); explain.js words the explanations.
//
// Nothing here touches the DOM; timeline.js draws a RunStore and panels.js
// shows its objects, bytecode and statistics. See docs/HACKING.md, "Timeline".

/** Thread states, as in vm/trace/event.go (index = the Go value). */
export const STATES = ["", "runnable", "running_gil", "running", "wait_gil", "blocked", "done"];
export const S_RUNNABLE = 1, S_RUNNING_GIL = 2, S_RUNNING = 3, S_WAIT_GIL = 4, S_BLOCKED = 5, S_DONE = 6;

/** GIL release reasons as stored in a hold span's kind (0: still held). */
export const RELEASES = ["", "voluntary", "forced", "interval"];

/** Event kinds that become markers and stay in RunStore.instants. */
const INSTANT_KINDS = new Set(["thread_start", "drop_request", "forced_switch", "futile_wakeup",
  "lock_acquire", "lock_release", "output", "exception", "end", "ref_race", "use_after_free",
  "leak", "deadlock", "gc_pause"]);

/** Kinds that are refcount anomalies (an object's history gets a mark). */
export const ANOMALIES = new Set(["ref_race", "use_after_free", "leak"]);

/**
 * Col is a growable typed column. Spans and histories are kept as a few Cols
 * each (structure of arrays), so 10^6 spans cost a few typed arrays, not 10^6
 * objects, and a binary search touches one contiguous array.
 */
/** MAX_SUM_KEYS bounds the keys a SpanList keeps prefix sums for. */
const MAX_SUM_KEYS = 16;

class Col {
  constructor(Type, cap = 16) { this.Type = Type; this.a = new Type(cap); }
  /** set stores v at i, growing the column to fit. */
  set(i, v) {
    if (i >= this.a.length) {
      const b = new this.Type(Math.max(this.a.length * 2, i + 1));
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
}

/**
 * SpanList is a flat list of spans [start, end) sorted by start and not
 * overlapping. The last span may be open (end = Infinity): it lasts until the
 * store's current end. Columns: kind (a thread state or a release reason), a
 * (core, or a thread id), b (a reason index, or a thread id), obj (the lock or
 * object waited on), merged (how many changes the server folded into it).
 */
export class SpanList {
  /**
   * keyMode names what tells spans apart when drawn: "state" (kind: thread
   * lanes), "thread" (a: the GIL's holder) or "threadState" (a<<3 | kind:
   * cores). For each key the list keeps the prefix sums of its closed spans'
   * durations (sums: Map key → Float64Array-backed Col, entry i = the total
   * over spans [0, i)), so a renderer can weigh the states inside any range
   * of spans in O(keys) without visiting them. Past MAX_SUM_KEYS keys it stops
   * (sums = null) and renderers visit every span.
   */
  constructor(keyMode = "state") {
    this.n = 0;
    this.keyMode = keyMode;
    this.sums = new Map();
    this._start = new Col(Float64Array); this._end = new Col(Float64Array);
    this._kind = new Col(Uint8Array); this._a = new Col(Int32Array); this._b = new Col(Int32Array);
    this._obj = new Col(Float64Array); this._merged = new Col(Int32Array);
  }
  /** keyOf returns span i's drawing key (see keyMode). */
  keyOf(i) {
    const m = this.keyMode;
    return m === "state" ? this._kind.a[i] : m === "thread" ? this._a.a[i] << 3 : (this._a.a[i] << 3) | this._kind.a[i];
  }
  /** _sum records the duration of span i, just closed, in the prefix sums. */
  _sum(i) {
    if (!this.sums) return;
    const key = this.keyOf(i), d = this._end.a[i] - this._start.a[i];
    if (!this.sums.has(key)) {
      if (this.sums.size >= MAX_SUM_KEYS) { this.sums = null; return; }
      this.sums.set(key, new Col(Float64Array, Math.max(16, i + 2))); // zeros: the key had no time before
    }
    for (const [k, col] of this.sums) col.set(i + 1, col.a.length > i ? col.a[i] + (k === key ? d : 0) : (k === key ? d : 0));
  }
  /** weightsIn calls fn(key, duration) for each key's total time over closed spans [i, j). */
  weightsIn(i, j, fn) {
    for (const [k, col] of this.sums) {
      const a = col.a, hi = j < a.length ? a[j] : 0, lo = i < a.length ? a[i] : 0;
      if (hi > lo) fn(k, hi - lo);
    }
  }
  get start() { return this._start.a; }
  get end() { return this._end.a; }
  get kind() { return this._kind.a; }
  get a() { return this._a.a; }
  get b() { return this._b.a; }
  get obj() { return this._obj.a; }
  get merged() { return this._merged.a; }
  /** open appends an open span starting at t. */
  open(t, kind, a = 0, b = 0, obj = 0, merged = 1) {
    const i = this.n++;
    this._start.set(i, t); this._end.set(i, Infinity); this._kind.set(i, kind);
    this._a.set(i, a); this._b.set(i, b); this._obj.set(i, obj); this._merged.set(i, merged);
  }
  /** isOpen reports whether the last span is still open. */
  isOpen() { return this.n > 0 && this._end.a[this.n - 1] === Infinity; }
  /** close ends the open span at t; a zero-length span is dropped unless keepEmpty. */
  close(t, keepEmpty = false) {
    if (!this.isOpen()) return;
    const i = this.n - 1;
    if (t <= this._start.a[i] && !keepEmpty) { this.n--; return; }
    this._end.a[i] = t;
    this._sum(i);
  }
  /** firstVisible returns the index of the first span that ends after t (binary search). */
  firstVisible(t) {
    const end = this._end.a;
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (end[m] > t) hi = m; else lo = m + 1;
    }
    return lo;
  }
  /** firstStartAt returns the index of the first span that starts at or after t (binary search). */
  firstStartAt(t) {
    const start = this._start.a;
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (start[m] < t) lo = m + 1; else hi = m;
    }
    return lo;
  }

  /** at returns the index of the span containing t, or -1. */
  at(t) {
    const i = this.firstVisible(t);
    return i < this.n && this._start.a[i] <= t ? i : -1;
  }
  /** span returns span i as an object (for hover and explanations, not for drawing). */
  span(i, now = Infinity) {
    return { i, start: this.start[i], end: Math.min(this.end[i], now), kind: this.kind[i],
      a: this.a[i], b: this.b[i], obj: this.obj[i], merged: this.merged[i], open: this.end[i] === Infinity };
  }
}

/** History is a time-sorted list of (t, value…) samples: a refcount or a thread's position. */
class History {
  constructor(width) { this.n = 0; this.t = new Col(Float64Array); this.v = []; for (let k = 0; k < width; k++) this.v.push(new Col(Float64Array)); }
  push(t, ...vals) {
    const i = this.n++;
    this.t.set(i, t);
    for (let k = 0; k < vals.length; k++) this.v[k].set(i, vals[k]);
  }
  last(k) { return this.n ? this.v[k].a[this.n - 1] : undefined; }
  /** at returns the index of the last sample at or before t, or -1. */
  at(t) {
    const ts = this.t.a;
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (ts[m] <= t) lo = m + 1; else hi = m;
    }
    return lo - 1;
  }
  value(k, i) { return this.v[k].a[i]; }
}

/** num returns v if it is a number, else d: a field absent from an event is 0. */
export const num = (v, d = 0) => (typeof v === "number" ? v : d);

/**
 * RunStore holds one run. Feed it protocol messages with handle(msg), or call
 * reset/setCode/add/finish directly. Events must arrive in time order (batches
 * tile time); the store keeps, per thread, GIL, core, lock and object, the
 * state transitions as flat sorted arrays:
 *   threads: Map id → {id, name, process (1 = main), spans: SpanList (kind = state,
 *            a = core, b = reason index), pos: History(line, pc, code), marks and
 *            anomalies: [instant index]}
 *   gils:    Map id → {id, process, holds: SpanList (kind = release reason, a = thread)}
 *   cores:   [SpanList (kind = state, a = thread)]
 *   locks:   Map id → {id, holds: SpanList (a = thread)}
 *   objects: Map id → {id, type, alloc, free, refs: History(count, true count, delta, thread),
 *            threads: Set, anomalies: [instant index], drift (true − simulated count), owner}
 *   The true count is the simulated one plus the updates lost in ref_race events
 *   (their delta); use_after_free and leak state it outright (real).
 *   instants: every event that is a mark (drop requests, switches, anomalies …), in time order.
 * Listeners added with onChange(fn) run after every add/reset/finish.
 */
export class RunStore {
  constructor(info = {}) { this._listeners = []; this.reset(info); }

  /**
   * reset empties the store for a new run. info is optional: {run, model,
   * cores, code (the compiled message's code list), hello (the hello
   * message)}, or a `compiled` or `hello` message itself, or a workload
   * ({model, cores, …}).
   */
  reset(info = {}) {
    if (info.type === "compiled") info = { run: info.run, code: info.code, model: info.model, cores: info.cores };
    else if (info.type === "hello") info = { hello: info };
    this.run = info.run ?? 0;
    this.model = info.model ?? "";
    this.cores = [];
    this.ncores = num(info.cores, 0);
    for (let c = 0; c < this.ncores; c++) this.cores.push(new SpanList("threadState"));
    this.hello = info.hello ?? null;
    this.code = [];
    for (const c of info.code || []) this.code[c.id] = c;
    this.threads = new Map();
    this.gils = new Map();
    this.locks = new Map();
    this.objects = new Map();
    this.instants = [];
    this.deadlocks = [];    // the deadlock events, for drawing without scanning instants
    this.pauses = [];       // gc_pause events (Value: the pause, ns)
    this.globalMarks = [];  // instants of no thread worth a mark (leaks), as instant indices
    this.reasons = [""];
    this._reasonIdx = new Map([["", 0]]);
    this.end = 0;           // the latest simulated time known, ns
    this.finished = null;   // the end message's summary, once it came
    this.endTime = undefined; // its end_time, ns
    this.eventCount = 0;
    this._shared = null;
    this.serverStats = null; // the latest stats message's {t, stats}: the run's figures before t
    this._emit();
  }

  /** setCode takes the compiled message's code list ({id, name, qualname, firstline, instructions}). */
  setCode(code) {
    this.code = [];
    for (const c of code || []) this.code[c.id] = c;
    this._emit();
  }

  /**
   * handle takes one server message: hello, compiled, events, instr, stats or end
   * (others are ignored, as are messages of another run than the one reset named).
   */
  handle(msg) {
    if (!msg || (this.run && msg.run && msg.run !== this.run)) return;
    switch (msg.type) {
      case "hello": this.hello = msg; break;
      case "compiled": this.setCode(msg.code); break;
      case "events": this.add(msg.events || [], msg.t1); break;
      case "instr": this.setInstr(msg.t0, msg.t1, msg.events); break;
      case "stats": this.serverStats = { t: msg.t, stats: msg.stats }; this._emit(); break;
      case "end": this.finish(msg.summary || {}); break;
    }
  }

  /**
   * add appends a batch of events (in time order, after everything already
   * added). until, if given, is the batch's t1: time known to be event-free up
   * to there, so the store's end moves to it.
   */
  add(events, until) {
    for (const e of events) this._add(e);
    if (typeof until === "number" && until > this.end) this.end = until;
    this._emit();
  }

  /** finish records the end summary: threads' names, the end time, the cores. */
  finish(summary) {
    this.finished = summary;
    if (typeof summary.end_time === "number") {
      // The run's wall time (events may trail it by a little). The store's end does not
      // move to it: the simulation may be far ahead of what has been played, and a
      // state must not be drawn past the events that have arrived.
      this.endTime = summary.end_time;
    }
    if (summary.model) this.model = summary.model;
    for (const t of summary.threads || []) this._thread(t.id).name = t.name;
    this._ensureCores(num(summary.cores));
    this._emit();
  }

  /** onChange registers fn to run after the store changes; returns a function that removes it. */
  onChange(fn) {
    this._listeners.push(fn);
    return () => { this._listeners = this._listeners.filter((f) => f !== fn); };
  }

  _emit() { for (const f of this._listeners || []) f(this); }

  _reason(r) {
    if (!r) return 0;
    let i = this._reasonIdx.get(r);
    if (i === undefined) { i = this.reasons.length; this.reasons.push(r); this._reasonIdx.set(r, i); }
    return i;
  }

  _ensureCores(n) {
    while (this.cores.length < n) this.cores.push(new SpanList("threadState"));
    this.ncores = Math.max(this.ncores, n);
  }

  _thread(id, process = 1) {
    let th = this.threads.get(id);
    if (!th) {
      th = { id, name: id === 1 ? "MainThread" : `Thread ${id}`, process, done: false,
        spans: new SpanList(), pos: new History(3), marks: [], anomalies: [] };
      this.threads.set(id, th);
    }
    return th;
  }

  _gil(id, process = 1) {
    let g = this.gils.get(id);
    if (!g) { g = { id, process, holds: new SpanList("thread") }; this.gils.set(id, g); }
    return g;
  }

  _lock(id) {
    let l = this.locks.get(id);
    if (!l) { l = { id, holds: new SpanList("thread") }; this.locks.set(id, l); }
    return l;
  }

  _object(id, type) {
    let o = this.objects.get(id);
    if (!o) {
      o = { id, type: type || "object", alloc: -1, free: -1, refs: new History(4), threads: new Set(),
        anomalies: [], drift: 0, owner: undefined };
      this.objects.set(id, o);
    }
    if (type) o.type = type;
    return o;
  }

  _add(e) {
    const t = e.t;
    if (t > this.end) this.end = t;
    this.eventCount++;
    // a thread's process: its thread_start's (1 = the main process)
    if (e.kind === "thread_start" && e.thread > 0) this._thread(e.thread).process = Math.max(1, num(e.process, 1));
    const process = e.thread > 0 ? this._thread(e.thread, 1).process : 1;
    if (e.thread > 0) {
      const th = this._thread(e.thread);
      if (e.line > 0 || e.pc > 0 || e.code > 0) {
        const line = num(e.line), pc = num(e.pc), code = num(e.code);
        const h = th.pos, n = h.n;
        if (n && h.t.a[n - 1] === t && h.last(0) === line && h.last(1) === pc && !h.last(2)) {
          h.v[2].a[n - 1] = code; // an event without its code (forced_switch) followed by one with it
        } else if (n === 0 || h.last(0) !== line || h.last(1) !== pc || h.last(2) !== code) {
          h.push(t, line, pc, code);
        }
      }
    }
    switch (e.kind) {
      case "thread_state": this._state(e); break;
      case "gil_acquire": {
        const g = this._gil(num(e.gil), process);
        g.holds.close(t, true); // an acquire of a held GIL closes the hold (invalid stream)
        g.holds.open(t, 0, e.thread, 0, 0, num(e.merged, 1));
        break;
      }
      case "gil_release": {
        const g = this._gil(num(e.gil), process);
        const h = g.holds;
        if (h.isOpen() && h.a[h.n - 1] === e.thread) {
          h.kind[h.n - 1] = Math.max(0, RELEASES.indexOf(e.cause));
          h.close(t, true);
        }
        break;
      }
      case "lock_acquire": {
        const l = this._lock(num(e.lock));
        l.holds.close(t, true);
        l.holds.open(t, 0, e.thread);
        break;
      }
      case "lock_release": {
        const l = this._lock(num(e.lock));
        if (l.holds.isOpen()) l.holds.close(t, true);
        break;
      }
      case "alloc": {
        const o = this._object(num(e.obj), e.type);
        o.alloc = t; o.drift = 0;
        o.refs.push(t, num(e.count), num(e.count), 0, e.thread);
        break;
      }
      case "free": {
        const o = this._object(num(e.obj), e.type);
        o.free = t;
        // a premature free (lost decrements): real references remained
        if (num(e.real) > 0) o.drift = num(e.real);
        o.refs.push(t, 0, o.drift, 0, e.thread);
        break;
      }
      case "ref": {
        const o = this._object(num(e.obj), e.type);
        o.refs.push(t, num(e.count), num(e.count) + o.drift, num(e.delta), e.thread);
        if (e.thread > 0) o.threads.add(e.thread);
        break;
      }
      case "ref_race": {
        // Thread's update (delta) was lost, overwritten by the overwriter's: the true
        // count keeps it, the simulated one (count) does not.
        const o = this._object(num(e.obj), e.type);
        o.drift += num(e.delta);
        o.refs.push(t, num(e.count), num(e.count) + o.drift, 0, e.thread);
        if (e.thread > 0) o.threads.add(e.thread);
        if (e.overwriter > 0) o.threads.add(e.overwriter);
        break;
      }
      case "use_after_free": { // real: the references that really remained
        const o = this._object(num(e.obj), e.type);
        o.drift = num(e.real) - (o.refs.n ? o.refs.last(0) : 0);
        o.refs.push(t, o.refs.n ? o.refs.last(0) : 0, num(e.real), 0, e.thread);
        break;
      }
      case "leak": { // count: the simulated count; real: the references that exist
        const o = this._object(num(e.obj), e.type);
        o.drift = num(e.real) - num(e.count);
        o.refs.push(t, num(e.count), num(e.real), 0, 0);
        break;
      }
      case "ref_merge": { // biased counting: Thread, the owner, merged the shared count
        const o = this._object(num(e.obj), e.type);
        o.owner = e.thread;
        o.refs.push(t, num(e.count), num(e.count) + o.drift, 0, e.thread);
        break;
      }
      case "gc_pause":
        this.pauses.push(e);
        break;
    }
    if (INSTANT_KINDS.has(e.kind) || !KNOWN_KINDS.has(e.kind)) this._instant(e);
  }

  _instant(e) {
    const i = this.instants.length;
    this.instants.push(e);
    if (e.kind === "deadlock") this.deadlocks.push(e);
    if (e.kind === "thread_start") {
      const th = this._thread(e.thread);
      if (e.name) th.name = e.name;
    }
    if (e.thread > 0) {
      const th = this._thread(e.thread);
      th.marks.push(i);
      if (ANOMALIES.has(e.kind)) th.anomalies.push(i);
    } else if (ANOMALIES.has(e.kind)) {
      this.globalMarks.push(i); // leaks: found at the end, by no thread
    }
    if (ANOMALIES.has(e.kind) && e.obj) this._object(e.obj, e.type).anomalies.push(i);
  }

  _state(e) {
    const th = this._thread(e.thread);
    if (th.done) return;
    const state = Math.max(0, STATES.indexOf(e.state));
    const running = state === S_RUNNING_GIL || state === S_RUNNING;
    const core = running ? num(e.core, -1) : -1;
    const reason = this._reason(e.wait);
    const sp = th.spans;
    if (sp.isOpen()) {
      const i = sp.n - 1;
      if (sp.kind[i] === state && sp.b[i] === reason && sp.a[i] === core) return; // sameState
      const oldCore = sp.a[i];
      sp.close(e.t);
      const oc = this.cores[oldCore];
      if (oc && oc.isOpen() && oc.a[oc.n - 1] === e.thread) oc.close(e.t);
    }
    if (state === S_DONE) { th.done = true; th.doneAt = e.t; return; }
    // the span's obj is what the thread waits on: a lock or object, or the thread it
    // waits for (target, for a join or a start)
    sp.open(e.t, state, core, reason, num(e.obj) || num(e.target), num(e.merged, 1));
    if (core >= 0) {
      this._ensureCores(core + 1);
      const cs = this.cores[core];
      cs.close(e.t); // a core runs one thread; best effort on invalid streams
      cs.open(e.t, state, e.thread, 0, 0, num(e.merged, 1));
    }
  }

  // ---- queries ---------------------------------------------------------------

  /** threadList returns the threads sorted by process, then id. */
  threadList() {
    return [...this.threads.values()].sort((a, b) => a.process - b.process || a.id - b.id);
  }

  /** gilList returns the GILs sorted by process, then number. */
  gilList() {
    return [...this.gils.values()].sort((a, b) => a.process - b.process || a.id - b.id);
  }

  /** instr returns the instruction at pc of code id, or null. */
  instr(code, pc) {
    const c = this.code[code];
    if (!c || !c.instructions || pc < 0) return null;
    const ins = c.instructions[pc];
    if (ins && (ins.offset === undefined || ins.offset === 2 * pc)) return ins;
    return c.instructions.find((x) => x.offset === 2 * pc) || null;
  }

  /**
   * codeOf returns the code id of event e: its own, else (events that omit it)
   * the code of its thread's position at the same time, line and pc.
   */
  codeOf(e) {
    if (e.code > 0) return e.code;
    const th = this.threads.get(e.thread);
    if (!th) return 0;
    for (let i = th.pos.at(e.t); i >= 0 && th.pos.t.a[i] === e.t; i--) {
      if (th.pos.value(0, i) === num(e.line) && th.pos.value(1, i) === num(e.pc) && th.pos.value(2, i) > 0) return th.pos.value(2, i);
    }
    return 0;
  }

  /**
   * checkpointWhere describes where a forced switch happened. The machine
   * reports the last instruction executed (f_lasti), while the check point is
   * the instruction about to run: when the reported one is not a check-point
   * opcode but the next one is (the fall-through into JUMP_BACKWARD), that one
   * is named.
   */
  checkpointWhere(e) {
    const code = this.codeOf(e), pc = num(e.pc, -1);
    const isCheck = (ins) => ins && /^(RESUME|JUMP_BACKWARD|CALL)/.test(ins.opname);
    const here = this.instr(code, pc), next = this.instr(code, pc + 1);
    if (here && !isCheck(here) && isCheck(next)) return this.where(next.line, pc + 1, code);
    return this.where(e.line, pc, code);
  }

  /** where describes a code position: "JUMP_BACKWARD on line 4 of count". */
  where(line, pc, code) {
    const ins = this.instr(code, pc);
    const fn = this.code[code];
    let s = ins ? `${ins.opname} on line ${line || ins.line}` : (line > 0 ? `line ${line}` : "library code");
    if (fn && fn.name && fn.name !== "<module>") s += ` of ${fn.qualname || fn.name}()`;
    if (!code && line > 0) s += " (library code)";
    return s;
  }

  /** refcountAt returns object id's {count, trueCount, freed} at t, or null before it existed. */
  refcountAt(id, t) {
    const o = this.objects.get(id);
    if (!o) return null;
    const i = o.refs.at(t);
    if (i < 0) return null;
    return { count: o.refs.value(0, i), trueCount: o.refs.value(1, i), freed: o.free >= 0 && o.free <= t };
  }

  /** sharedObjects returns objects touched by two or more threads or marked by an anomaly, most active first. */
  sharedObjects(limit = 40) {
    const key = `${this.eventCount}/${limit}`;
    if (this._shared && this._shared.key === key) return this._shared.list;
    const out = [];
    for (const o of this.objects.values()) if (o.threads.size >= 2 || o.anomalies.length) out.push(o);
    out.sort((a, b) => b.anomalies.length - a.anomalies.length || b.refs.n - a.refs.n || a.id - b.id);
    this._shared = { key, list: out.slice(0, limit) };
    return this._shared.list;
  }

  /**
   * stateAt returns the world at time t: every thread's state, reason, core
   * and current line/pc/code (and opname; `known` says how sure: see positionAt),
   * each GIL's and lock's holder, each core's thread, and the refcounts of the
   * shared objects.
   */
  stateAt(t) {
    const threads = [];
    for (const th of this.threadList()) {
      const sp = th.spans;
      const i = sp.at(t);
      let state = "", reason = "", core = -1, obj = 0, since = 0;
      if (i >= 0) {
        state = STATES[sp.kind[i]]; reason = this.reasons[sp.b[i]]; core = sp.a[i]; obj = sp.obj[i]; since = sp.start[i];
      } else if (th.done && t >= th.doneAt) {
        state = "done"; since = th.doneAt;
      }
      const { line, pc, code, known } = this.positionAt(th.id, t, i);
      const ins = this.instr(code, pc);
      threads.push({ id: th.id, name: th.name, process: th.process, state, reason, core, obj, since, line, pc, code,
        opname: ins ? ins.opname : "", known });
    }
    const gils = this.gilList().map((g) => {
      const i = g.holds.at(t);
      return { id: g.id, process: g.process, holder: i >= 0 && g.holds.end[i] > t ? g.holds.a[i] : 0 };
    });
    const locks = [...this.locks.values()].map((l) => {
      const i = l.holds.at(t);
      return { id: l.id, holder: i >= 0 && l.holds.end[i] > t ? l.holds.a[i] : 0 };
    });
    const cores = this.cores.map((cs, c) => {
      const i = cs.at(t);
      return { core: c, thread: i >= 0 && cs.end[i] > t ? cs.a[i] : 0, state: i >= 0 ? STATES[cs.kind[i]] : "" };
    });
    const objects = this.sharedObjects().map((o) => ({ id: o.id, type: o.type, ...(this.refcountAt(o.id, t) || { count: 0, trueCount: 0, freed: false }) }));
    return { t, threads, gils, locks, cores, objects };
  }

  /**
   * positionAt returns thread id's position at time t as {line, pc, code,
   * known}. Instruction events (`instr` messages, sent only at slow speeds)
   * say exactly which instruction a thread is about to run; other events
   * carry positions only now and then. So: the last instr sample at or
   * before t, unless a later ordinary event says otherwise ("exact"); else a
   * stopped thread's last position ("exact" at t, else "earlier"); a running
   * thread moves between samples: the one nearest to t within its running
   * span ("nearest"), or the last one before ("earlier"). i, if known, is
   * the index of the thread's span holding t.
   */
  positionAt(id, t, i) {
    const th = this.threads.get(id);
    const none = { line: 0, pc: -1, code: 0, known: "" };
    if (!th) return none;
    if (i === undefined) i = th.spans.at(t);
    const pos = th.pos, ts = pos.t.a;
    const p = pos.at(t);
    const sample = (k, known) => (k < 0 ? { ...none, known } : { line: pos.value(0, k), pc: pos.value(1, k), code: pos.value(2, k), known });
    const ins = th.instr;
    if (ins && ins.t.length) {
      const j = upper(ins.t, t) - 1;
      if (j >= 0 && (p < 0 || ts[p] <= ins.t[j])) return { line: ins.line[j], pc: ins.pc[j], code: ins.code[j], known: "exact" };
    }
    if (p >= 0 && ts[p] === t) return sample(p, "exact");
    const sp = th.spans;
    if (i < 0 || !(sp.kind[i] === S_RUNNING_GIL || sp.kind[i] === S_RUNNING)) return sample(p, "earlier");
    const start = sp.start[i], end = Math.min(sp.end[i], this.end);
    const before = p >= 0 && ts[p] > start ? p : -1;
    const after = p + 1 < pos.n && ts[p + 1] <= end ? p + 1 : -1;
    if (before >= 0 && (after < 0 || t - ts[before] <= ts[after] - t)) return sample(before, "nearest");
    if (after >= 0) return sample(after, "nearest");
    return sample(p, "earlier");
  }

  /**
   * lineAt returns the last line of the program's own code (code > 0) that
   * thread id was at, at or before t: from its instructions (slow motion) or
   * its events, whichever is later; 0 if none.
   */
  lineAt(id, t) {
    const th = this.threads.get(id);
    if (!th) return 0;
    let at = -Infinity, line = 0;
    const pos = th.pos;
    for (let i = pos.at(t); i >= 0; i--) {
      if (pos.value(2, i) > 0 && pos.value(0, i) > 0) { at = pos.t.a[i]; line = pos.value(0, i); break; }
    }
    const ins = th.instr;
    if (ins) {
      for (let j = upper(ins.t, t) - 1; j >= 0; j--) {
        if (ins.code[j] > 0 && ins.line[j] > 0) { if (ins.t[j] >= at) line = ins.line[j]; break; }
      }
    }
    return line;
  }

  /**
   * setInstr takes an `instr` message: the instr events of [t0, t1), which
   * replace whatever the store held for that stretch (after a backward seek
   * the server may send a stretch again).
   */
  setInstr(t0, t1, events) {
    const by = new Map();
    for (const e of events || []) {
      if (!(e.thread > 0)) continue;
      if (!by.has(e.thread)) by.set(e.thread, []);
      by.get(e.thread).push(e);
    }
    const ids = new Set([...by.keys()]);
    for (const th of this.threads.values()) if (th.instr) ids.add(th.id);
    for (const id of ids) {
      const th = this._thread(id);
      const ins = th.instr || (th.instr = { t: [], line: [], pc: [], code: [] });
      const lo = upper(ins.t, t0 - 1), hi = upper(ins.t, t1 - 1);
      const add = by.get(id) || [];
      const put = (a, f) => a.slice(0, lo).concat(add.map(f), a.slice(hi)); // no spread: windows can be long
      ins.t = put(ins.t, (e) => e.t);
      ins.line = put(ins.line, (e) => num(e.line));
      ins.pc = put(ins.pc, (e) => num(e.pc, -1));
      ins.code = put(ins.code, (e) => num(e.code));
    }
    this._emit();
  }
}

const KNOWN_KINDS = new Set([...INSTANT_KINDS, "thread_state", "gil_acquire", "gil_release", "ref", "alloc", "free", "instr", "ref_merge"]);

/** upper returns the index of the first element of sorted array a greater than x. */
function upper(a, x) {
  let lo = 0, hi = a.length;
  while (lo < hi) { const m = (lo + hi) >>> 1; if (a[m] <= x) lo = m + 1; else hi = m; }
  return lo;
}

/** fmtDur formats a duration in ns as Go's fmtDur does: "12 ns", "3.4 µs", "5.00 ms", "1.234 s". */
export function fmtDur(ns) {
  if (ns === 0) return "0";
  if (ns < 1e3) return `${Math.round(ns)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(3)} s`;
}

/** fmtTime formats a point in simulated time with precision to suit a scale of `res` ns per pixel. */
export function fmtTime(ns, res = 1) {
  if (ns < 1e6 && res < 1e3) return `${(ns / 1e3).toFixed(res < 10 ? 3 : 1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(res < 1e3 ? 4 : res < 1e4 ? 3 : 2)} ms`;
  return `${(ns / 1e9).toFixed(res < 1e6 ? 6 : 3)} s`;
}

/** threadName returns "thread 2 (Thread-1 (count))". */
export function threadName(store, id) {
  const th = store.threads.get(id);
  if (!th) return `thread ${id}`;
  return th.name && th.name !== `Thread ${id}` ? `thread ${id} (${th.name})` : `thread ${id}`;
}

/**
 * deadlockCycle returns the wait-for cycle of a deadlock event as
 * [{thread, lock, holder, label, name}] (lock 0 for a join; name the lock's
 * variable, "" if none): the event's `cycle` edges, or, when it has none (no
 * cycle: the threads wait on something nobody holds), the threads blocked on
 * a lock or a join at that time and each lock's holder, from the store.
 */
export function deadlockCycle(store, e) {
  const at = e.t;
  const holderOf = (lock) => {
    const l = store.locks.get(lock);
    if (!l) return 0;
    const i = l.holds.at(at);
    return i >= 0 && l.holds.end[i] >= at ? l.holds.a[i] : 0;
  };
  const waitOf = (tid) => {
    const th = store.threads.get(tid);
    if (!th) return 0;
    const i = th.spans.at(at);
    return i >= 0 && th.spans.kind[i] === S_BLOCKED ? th.spans.obj[i] : 0;
  };
  if (Array.isArray(e.cycle) && e.cycle.length) {
    return e.cycle.map((c) => ({ thread: num(c.thread), lock: num(c.lock), holder: num(c.holder),
      name: c.label || "", label: c.lock ? (c.label ? `lock ${c.label} (#${c.lock})` : `lock #${c.lock}`) : "join" }));
  }
  const out = [];
  for (const th of store.threadList()) {
    const obj = waitOf(th.id);
    const i = th.spans.at(at);
    const reason = i >= 0 ? store.reasons[th.spans.b[i]] : "";
    if (!obj) continue;
    if (reason === "join") out.push({ thread: th.id, lock: 0, holder: obj, label: "join", name: "" });
    else if (["lock", "cond", "acquire"].includes(reason)) out.push({ thread: th.id, lock: obj, holder: holderOf(obj), label: `lock #${obj}`, name: "" });
  }
  return out;
}
