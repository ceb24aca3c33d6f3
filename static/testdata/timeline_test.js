// timeline_test.js is the module of the test page of static/timeline_test.go:
// it exposes the timeline modules and a few helpers on window.gs, for the Go
// tests to call with chromedp.Evaluate.

import { RunStore, STATES, RELEASES, fmtDur, deadlockCycle } from "/static/model.js";
import { explain } from "/static/explain.js";
import { Timeline, CompareTimeline, THEMES, threadColor } from "/static/timeline.js";
import { mountPanels, statsSummary } from "/static/panels.js";

/** load fetches a run the Go test prepared: {events, code, cores, model, end_time, threads}. */
async function load(name) {
  const r = await fetch(`/data/${name}.json`);
  if (!r.ok) throw new Error(`load ${name}: ${r.status}`);
  return r.json();
}

/**
 * storeOf feeds a run to a new RunStore the way the protocol does: compiled, events in
 * batches, end, and the statistics at the end (Go's, as the server sends them).
 */
function storeOf(run, batch = 50) {
  const s = new RunStore();
  s.reset({ run: 1, model: run.model, cores: run.cores });
  s.handle({ v: 1, type: "compiled", run: 1, code: run.code });
  for (let i = 0; i < run.events.length; i += batch) {
    const evs = run.events.slice(i, i + batch);
    s.handle({ v: 1, type: "events", run: 1, t0: evs[0].t, t1: evs[evs.length - 1].t, events: evs });
  }
  s.handle({ v: 1, type: "end", run: 1, summary: { end_time: run.end_time, threads: run.threads, cores: run.cores, model: run.model } });
  if (run.stats) s.handle({ v: 1, type: "stats", run: 1, t: run.end_time + 1, stats: run.stats });
  return s;
}

/** timelineJSON renders a store's spans in the JSON shape of Go's machine.Timeline. */
function timelineJSON(s) {
  const end = s.end;
  const threads = s.threadList().filter((t) => t.spans.n > 0).sort((a, b) => a.id - b.id).map((t) => {
    const spans = [];
    for (let i = 0; i < t.spans.n; i++) {
      const sp = t.spans.span(i, end);
      if (sp.end <= sp.start) continue; // an open span begun at the very end: Go drops empty spans
      const reason = s.reasons[sp.b], onThread = reason === "join" || reason === "start"; // the span's obj is then a thread
      spans.push({ thread: t.id, state: STATES[sp.kind], reason, start: sp.start, end: sp.end, core: sp.a,
        obj: onThread ? undefined : sp.obj || undefined, target: onThread ? sp.obj || undefined : undefined });
    }
    return { thread: t.id, spans };
  });
  const gils = s.gilList().map((g) => {
    const holds = [];
    for (let i = 0; i < g.holds.n; i++) {
      const h = g.holds.span(i, end);
      holds.push({ gil: g.id, thread: h.a, start: h.start, end: h.end, reason: h.open ? "" : RELEASES[h.kind] });
    }
    return { gil: g.id, holds };
  });
  const cores = s.cores.map((cs, c) => {
    const out = [];
    for (let i = 0; i < cs.n; i++) {
      const sp = cs.span(i, end);
      if (sp.end <= sp.start) continue;
      out.push({ core: c, thread: sp.a, state: STATES[sp.kind], start: sp.start, end: sp.end });
    }
    return out;
  });
  return { end, threads, gils, cores };
}

/** pixel returns the [r, g, b] of canvas at CSS point (x, y). */
function pixel(canvas, x, y) {
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const d = canvas.getContext("2d").getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
  return [d[0], d[1], d[2]];
}

/** hex turns "#rrggbb" into [r, g, b]. */
function hex(c) { return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)); }

/** near reports whether two colours are within tol per channel. */
function near(a, b, tol = 6) { return a.every((v, i) => Math.abs(v - b[i]) <= tol); }

/** regionCount returns [how many device pixels of a CSS rectangle are near colour c, how many there are]. */
function regionCount(canvas, x, y, w, h, c, tol = 10) {
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const d = canvas.getContext("2d").getImageData(Math.round(x * dpr), Math.round(y * dpr), Math.max(1, Math.round(w * dpr)), Math.max(1, Math.round(h * dpr))).data;
  const want = hex(c);
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (near([d[i], d[i + 1], d[i + 2]], want, tol)) n++;
  return [n, d.length / 4];
}

/**
 * synth returns a synthetic but valid event stream with at least nSpans
 * thread-state spans: 4 threads on 2 cores passing one GIL around, with drop
 * requests and forced switches, like a CPU-bound run under a tiny interval.
 */
function synth(nSpans, threads = 4) {
  const ev = [];
  let t = 0, seed = 1;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let id = 1; id <= threads; id++) {
    ev.push({ t, kind: "thread_start", thread: id, core: -1, text: id === 1 ? "MainThread" : `Thread-${id - 1}` });
    ev.push({ t, kind: "thread_state", thread: id, core: -1, state: "wait_gil" });
  }
  let holder = 1, spans = threads;
  ev.push({ t, kind: "gil_acquire", thread: 1, core: 0, value: 1 });
  ev.push({ t, kind: "thread_state", thread: 1, core: 0, state: "running_gil" });
  let core = 0, sw = 1;
  while (spans < nSpans) {
    t += 1000 + Math.floor(rnd() * 20000);
    const next = holder % threads + 1;
    ev.push({ t, kind: "drop_request", thread: next, core: -1, value: holder });
    t += 200 + Math.floor(rnd() * 500);
    ev.push({ t, kind: "forced_switch", thread: holder, core, line: 4, pc: 3, code: 1 });
    ev.push({ t, kind: "gil_release", thread: holder, core, reason: "forced" });
    ev.push({ t, kind: "thread_state", thread: holder, core: -1, state: rnd() < 0.2 ? "blocked" : "wait_gil", reason: "" });
    t += 50 + Math.floor(rnd() * 100);
    core = 1 - core;
    ev.push({ t, kind: "gil_acquire", thread: next, core, value: ++sw });
    ev.push({ t, kind: "thread_state", thread: next, core, state: "running_gil" });
    holder = next;
    spans += 2;
  }
  t += 1000;
  ev.push({ t, kind: "end", thread: 0, core: -1, text: "exit" });
  return { events: ev, code: [{ id: 1, name: "<module>", qualname: "<module>", firstline: 1, instructions: [0, 1, 2, 3, 4].map((i) => ({ offset: 2 * i, line: i + 1, opname: ["RESUME", "LOAD_FAST", "BINARY_OP", "JUMP_BACKWARD", "RETURN_CONST"][i], arg: 0, argrepr: "" })) }], cores: 2, model: "synthetic", end_time: t, threads: [] };
}

/**
 * anomalies returns a small run with the machine's anomaly events, in the
 * form vm/trace writes them: a refcount race (its lost delta and the thread
 * that overwrote it), a use after free, a leak found at the end (thread 0), a
 * GC pause, and a deadlock of two threads over two locks. With withCycle, the
 * deadlock carries its cycle as edges, as the machine writes it; without, the
 * store derives it from the blocked threads.
 */
function anomalies(withCycle) {
  const ev = [
    { t: 0, kind: "thread_start", thread: 1, core: -1, name: "MainThread", process: 1 },
    { t: 0, kind: "thread_state", thread: 1, core: 0, state: "running" },
    { t: 0, kind: "thread_start", thread: 2, core: -1, name: "worker", process: 1 },
    { t: 0, kind: "thread_state", thread: 2, core: 1, state: "running" },
    { t: 1000, kind: "alloc", thread: 1, core: 0, obj: 50, count: 1, type: "list" },
    { t: 1000, kind: "alloc", thread: 1, core: 0, obj: 60, count: 1, type: "dict" },
    { t: 2000, kind: "ref", thread: 1, core: 0, obj: 50, delta: 1, count: 2, type: "list", counter: "local" },
    { t: 2000, kind: "ref", thread: 2, core: 1, obj: 50, delta: 1, count: 3, type: "list", counter: "shared" },
    { t: 2000, kind: "ref_race", thread: 2, core: -1, obj: 50, type: "list", delta: 1, overwriter: 1, count: 2,
      note: "MainThread and worker both loaded the count of list #50 (1) before either stored it; worker's +1 was overwritten" },
    { t: 2050, kind: "ref_merge", thread: 1, core: 0, obj: 50, type: "list", count: 2 },
    { t: 2100, kind: "ref", thread: 1, core: 0, obj: 60, delta: 1, count: 2, type: "dict" },
    { t: 2100, kind: "ref", thread: 2, core: 1, obj: 60, delta: -1, count: 1, type: "dict" },
    { t: 2100, kind: "ref_race", thread: 2, core: -1, obj: 60, type: "dict", delta: -1, overwriter: 1, count: 2,
      note: "MainThread and worker both loaded the count of dict #60 (1) before either stored it; worker's -1 was overwritten" },
    { t: 2500, kind: "ref", thread: 1, core: 0, obj: 50, delta: -1, count: 1, type: "list" },
    { t: 2600, kind: "ref", thread: 1, core: 0, obj: 50, delta: -1, count: 0, type: "list" },
    { t: 2600, kind: "free", thread: 1, core: 0, obj: 50, type: "list", real: 1 },
    { t: 3000, kind: "lock_acquire", thread: 1, core: 0, lock: 10 },
    { t: 3100, kind: "lock_acquire", thread: 2, core: 1, lock: 11 },
    { t: 3500, kind: "gc_pause", thread: 1, core: 0, pause: 300 },
    { t: 4000, kind: "thread_state", thread: 1, core: -1, state: "blocked", wait: "lock", obj: 11 },
    { t: 4100, kind: "thread_state", thread: 2, core: -1, state: "blocked", wait: "lock", obj: 10 },
    { t: 4200, kind: "use_after_free", thread: 2, core: -1, obj: 50, type: "list", real: 1 },
    withCycle
      ? { t: 5000, kind: "deadlock", thread: 0, core: -1,
        cycle: [{ thread: 1, lock: 11, label: "b", holder: 2 }, { thread: 2, lock: 10, label: "a", holder: 1 }],
        note: "MainThread → lock b (#11), held by worker → lock a (#10), held by MainThread" }
      : { t: 5000, kind: "deadlock", thread: 0, core: -1,
        note: "MainThread waits for lock b (#11) at line 9; worker waits for lock a (#10) at line 14" },
    { t: 5000, kind: "leak", thread: 0, core: -1, obj: 60, type: "dict", count: 2, real: 1 },
    { t: 5000, kind: "end", thread: 0, core: -1, cause: "deadlock", exit_code: 1 },
  ];
  return { events: ev, code: [], cores: 2, model: "cpython-3.13t", end_time: 6000, threads: [] };
}

/** quantiles returns the median, p95 and max of xs (ms). */
function quantiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { min: +s[0].toFixed(2), median: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1].toFixed(2), frames: s.length };
}

/**
 * bench loads nSpans synthetic spans and times frames of the timeline (after
 * one warm-up frame, as on a page that has drawn before): fit
 * (everything visible: the most merging), zoom (60 steps in around the
 * middle, then out) and pan (60 steps at 5 % of the run). Each frame is a
 * synchronous draw() followed by a 1-pixel getImageData, which forces the
 * canvas to finish rasterising, so the time includes the painting.
 */
async function bench(nSpans = 100000) {
  const run = synth(nSpans);
  const t0 = performance.now();
  const store = storeOf(run, 5000);
  const loadMs = performance.now() - t0;
  const canvas = document.getElementById("tl");
  const tl = new Timeline(canvas, store);
  const ctx = canvas.getContext("2d");
  const script = [];
  const frame = () => { const a = performance.now(); tl.draw(); script.push(performance.now() - a); ctx.getImageData(0, 0, 1, 1); return performance.now() - a; };
  const end = store.end;
  let spans = 0;
  for (const th of store.threads.values()) spans += th.spans.n;
  let all = spans + store.cores.reduce((a, c) => a + c.n, 0) + [...store.gils.values()].reduce((a, g) => a + g.holds.n, 0);
  tl.setView(0, end); frame();
  await new Promise((ok) => setTimeout(ok, 50)); // the marks' sprites become ImageBitmaps
  const fit = [], zoom = [], pan = [];
  for (let i = 0; i < 30; i++) { tl.setView(0, end); fit.push(frame()); }
  const mid = end / 2;
  for (let i = 0; i < 30; i++) { tl.zoom(0.8, mid); zoom.push(frame()); }
  for (let i = 0; i < 30; i++) { tl.zoom(1.25, mid); zoom.push(frame()); }
  tl.setView(0, end * 0.05);
  for (let i = 0; i < 60; i++) { tl.pan(end * 0.01); pan.push(frame()); }
  tl.destroy();
  const timeIt = (f, n) => { const a = performance.now(); for (let i = 0; i < n; i++) f(i); return +((performance.now() - a) / n).toFixed(3); };
  const stateAtMs = timeIt((i) => store.stateAt(end * i / 100), 100);
  return { script: quantiles(script), stateAtMs, threadSpans: spans, allSpans: all, events: run.events.length, loadMs: +loadMs.toFixed(1), dpr: window.devicePixelRatio,
    canvas: `${canvas.width}x${canvas.height}`, fit: quantiles(fit), zoom: quantiles(zoom), pan: quantiles(pan) };
}

window.gs = { RunStore, Timeline, CompareTimeline, THEMES, threadColor, mountPanels, statsSummary, explain, fmtDur, deadlockCycle,
  load, storeOf, anomalies, timelineJSON, pixel, hex, near, regionCount, synth, bench };
document.body.dataset.ready = "1";
