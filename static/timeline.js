// timeline.js draws a run (a RunStore, see model.js) as a zoomable timeline on
// a canvas, in the manner of Go's trace viewer and gotraceui: spans live in
// flat sorted arrays, each lane binary-searches its first visible span, and
// spans narrower than MERGE_PX are merged into blocks of a few pixels, so a
// zoomed-out frame costs O(visible pixels), not O(spans).
//
// API (the contract with the page shell; also in docs/HACKING.md, "Timeline"):
//
//   import { RunStore } from "./model.js";
//   import { Timeline, CompareTimeline } from "./timeline.js";
//   import { mountPanels } from "./panels.js";
//
//   const store = new RunStore();
//   // when a run starts (before its `compiled`): reset, naming the run and the workload
//   store.reset({run, model: workload.model, cores: workload.cores});
//   ws.onmessage = (m) => store.handle(JSON.parse(m.data)); // hello, compiled, events, end
//   store.stateAt(t)       every thread's state, line/pc/opname; GIL and lock holders; refcounts
//   store.serverStats      the latest stats message's {t, stats}: Go's Stats of the run before t
//   store.onChange(fn)     after every change (returns an unsubscribe function)
//   (A reconnect's `run` with `from` re-sends everything before it: reset first.)
//
//   const tl = new Timeline(canvas, store, {onHover, onSelect, onView, theme});
//   tl.setPosition(t)      playback position, ns (draws the cursor)
//   tl.setView(t0, t1)     the visible window, ns (also tl.fit(), tl.zoom(factor, at), tl.pan(dt))
//   tl.follow(true)        keep the position (the live edge) in view while playing
//   tl.setTheme("dark" | "light" | "contrast")   "contrast" is for presentation mode
//   tl.draw()              draw now (it also redraws by itself on store changes)
//   tl.resolution()        simulated ns per CSS pixel: the protocol's `view` resolution
//   tl.destroy()           remove listeners and observers
//
//   onHover({t, lane, item, text})  item: {event} | {thread, span} | {gil, span} | {core, span} | null
//   onSelect({t, lane, item, store, text})  text: the explanation in words (model.js explain)
//   onView({t0, t1, resolution})    after every zoom or pan
//
//   new CompareTimeline(canvas, storeA, storeB, opts): both runs on one time
//   axis, one group of lanes each, one position (they play in step).
//
//   const panels = mountPanels({objects, bytecode, stats, explain}, store, {theme}); // any subset
//   panels.update(t); panels.explain(onSelectPayload); panels.selectCode(id); panels.setTheme(name)
//
// Lanes, top to bottom, per store: for each process, a GIL lane per
// interpreter (showing its holder) and one lane per thread; then one lane per
// core. Thread states are colour plus pattern (solid, stripes, cross-hatch,
// dots, lines), so nothing depends on telling red from green. Marks: drop
// requests (▼, with a line to the holder), forced switches (◆), futile
// wake-ups (○), lock acquisitions after a wait (■), refcount anomalies (red
// ⚠ triangle), exceptions (✕), deadlocks (the wait-for cycle, drawn thread →
// lock → thread).
//
// Keys (canvas focused): W/S or +/- zoom, A/D or ←/→ pan, 0 fit, F follow,
// Home/End, ↑/↓ and PageUp/PageDown scroll the lanes when they do not fit.
// Wheel zooms around the pointer (shift+wheel pans; alt+wheel, or the wheel
// over the lane names, scrolls), drag pans (and scrolls), click selects.

import { RunStore, STATES, S_RUNNING_GIL, S_RUNNING, S_WAIT_GIL, S_BLOCKED, fmtDur, fmtTime, threadName, deadlockCycle, ANOMALIES } from "./model.js";
import { explain } from "./explain.js";

/** MERGE_PX: spans narrower than this many CSS pixels are merged with their neighbours. */
export const MERGE_PX = 2;
/** MERGE_RUN_PX caps a merged block's width, so a dense lane becomes a row of small blocks, each in its dominant state. */
export const MERGE_RUN_PX = 4;
/** DENSE_SPANS: a merged block with more spans than this is weighed from prefix sums instead of span by span. */
export const DENSE_SPANS = 16;
/** LINK_MAX_MARKS: a lane draws its drop requests' lines to the holder only with fewer marks than this in view (dashed lines are costly and clutter). */
export const LINK_MAX_MARKS = 40;
/** MARK_GAP_PX: marks closer than this to the previous one drawn are skipped (anomalies never are). */
export const MARK_GAP_PX = 4;
const LABEL_W = 132, AXIS_H = 22, LEGEND_H = 20, GROUP_H = 18;

/** THEMES holds every colour the timeline and the panels use. */
export const THEMES = {
  dark: {
    bg: "#11151c", laneBg: "#161b23", laneAlt: "#1a2029", text: "#e3e8ef", muted: "#8d99aa", grid: "#2c3542",
    cursor: "#f2b134", future: "rgba(255,255,255,0.04)", select: "#ffffff", merged: "rgba(255,255,255,0.55)",
    anomaly: "#ff4d6d", deadlock: "#ff4d6d", request: "#f2b134", font: 11, line: 1,
    states: { runnable: "#b99a2c", running_gil: "#2ea043", running: "#2aa198", wait_gil: "#d1453b", blocked: "#5a6b86" },
    ink: "rgba(0,0,0,0.45)",
    threads: ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#a0a0a0", "#b4de2c", "#ff9da7"],
  },
  light: {
    bg: "#ffffff", laneBg: "#f6f8fa", laneAlt: "#eef1f4", text: "#1f2328", muted: "#59636e", grid: "#d0d7de",
    cursor: "#bf8700", future: "rgba(0,0,0,0.04)", select: "#000000", merged: "rgba(0,0,0,0.5)",
    anomaly: "#cf222e", deadlock: "#cf222e", request: "#9a6700", font: 11, line: 1,
    states: { runnable: "#d4a72c", running_gil: "#1a7f37", running: "#1b7c83", wait_gil: "#cf222e", blocked: "#8c959f" },
    ink: "rgba(255,255,255,0.6)",
    threads: ["#b35900", "#0969da", "#1a7f37", "#8a6d00", "#6639ba", "#bc4c00", "#bf3989", "#57606a", "#4d7c0f", "#d1242f"],
  },
  contrast: {
    bg: "#000000", laneBg: "#000000", laneAlt: "#0d0d0d", text: "#ffffff", muted: "#dddddd", grid: "#666666",
    cursor: "#ffff00", future: "rgba(255,255,255,0.08)", select: "#ffffff", merged: "#ffffff",
    anomaly: "#ff3b3b", deadlock: "#ff3b3b", request: "#ffff00", font: 14, line: 2,
    states: { runnable: "#ffd400", running_gil: "#00e05a", running: "#00d5ff", wait_gil: "#ff2d55", blocked: "#a0a0ff" },
    ink: "rgba(0,0,0,0.8)",
    threads: ["#ffb000", "#4dc3ff", "#00e05a", "#ffff00", "#7b8cff", "#ff6a00", "#ff7ad9", "#ffffff", "#c6ff00", "#ff9da7"],
  },
};

/**
 * threadColor returns the colour of thread id under a theme (ids from 1).
 * app.css mirrors the dark and contrast palettes as --thread-0 … --thread-9
 * for the editor's marks: change both together.
 */
export function threadColor(id, theme = "dark") {
  const p = (THEMES[theme] || THEMES.dark).threads;
  return p[(Math.max(id, 1) - 1) % p.length];
}

/** PATTERNS names the pattern drawn over each state's colour. */
const PATTERNS = { running_gil: "solid", running: "stripes", wait_gil: "cross", runnable: "lines", blocked: "dots" };

/** STATE_LABELS are the legend's words for the states. */
export const STATE_LABELS = { running_gil: "running, holds GIL", running: "running, no GIL", wait_gil: "waiting for GIL", runnable: "waiting for a core", blocked: "blocked" };

/** makeTile draws one pattern tile of size px (device pixels) and returns the canvas. */
function makeTile(color, pattern, ink, px, lw) {
  const c = document.createElement("canvas");
  c.width = c.height = px;
  const g = c.getContext("2d");
  g.fillStyle = color;
  g.fillRect(0, 0, px, px);
  g.strokeStyle = ink; g.fillStyle = ink; g.lineWidth = lw;
  g.beginPath();
  switch (pattern) {
    case "stripes": g.moveTo(0, px); g.lineTo(px, 0); g.moveTo(-px / 2, px / 2); g.lineTo(px / 2, -px / 2); g.moveTo(px / 2, px * 1.5); g.lineTo(px * 1.5, px / 2); g.stroke(); break;
    case "cross": g.moveTo(0, 0); g.lineTo(px, px); g.moveTo(0, px); g.lineTo(px, 0); g.stroke(); break;
    case "lines": g.moveTo(0, px / 2); g.lineTo(px, px / 2); g.stroke(); break;
    case "dots": g.arc(px / 2, px / 2, lw * 1.2, 0, Math.PI * 2); g.fill(); break;
  }
  return c;
}

/** Timeline draws one or more RunStores on one canvas. */
export class Timeline {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {RunStore|RunStore[]} stores one store, or several to compare on one time axis
   * @param {{onHover?, onSelect?, onView?, theme?}} opts
   */
  constructor(canvas, stores, opts = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d", { alpha: false });
    this.stores = Array.isArray(stores) ? stores : [stores];
    this.opts = opts;
    this.t0 = 0; this.t1 = 1e6; // ns
    this.position = 0;
    this.following = false;
    this.fitted = false;    // the view was set by anyone: stop auto-fitting
    this.hover = null;      // {x, y, hit}
    this.selected = null;
    this.lanes = [];
    this.scrollY = 0; this.maxScroll = 0; // CSS px, when the lanes do not fit
    this.cssW = 0; this.cssH = 0;          // set by _resize once the canvas is laid out
    this.dpr = 1;
    this.lastFrameMs = 0;
    this._pending = 0;
    this.setTheme(opts.theme || "dark");
    this._unsub = this.stores.map((s) => s.onChange(() => this._storeChanged()));
    this._listen();
    this._resize();
  }

  /** setTheme switches colours: "dark" (default), "light" or "contrast" (presentation). */
  setTheme(name) {
    this.themeName = THEMES[name] ? name : "dark";
    this.theme = THEMES[this.themeName];
    this._patterns = null; this._styles = null; this._sprites = null;
    this.requestDraw();
  }

  /** setPosition moves the playback cursor to t (ns); with follow on, the view follows it. */
  setPosition(t) {
    this.position = t;
    if (this.following) this._follow();
    this.requestDraw();
  }

  /** setView shows [t0, t1] (ns). */
  setView(t0, t1) {
    const span = Math.max(t1 - t0, 20);
    this.t0 = t0; this.t1 = t0 + span;
    this.fitted = true;
    this.requestDraw();
    if (this.opts.onView) this.opts.onView({ t0: this.t0, t1: this.t1, resolution: this.resolution() });
  }

  /** follow turns following the position (the live edge while playing) on or off. */
  follow(on) {
    this.following = !!on;
    if (on) this._follow();
    this.requestDraw();
  }

  /** fit shows the whole run. */
  fit() {
    const end = this._end();
    this.setView(0, Math.max(end * 1.02, 1e5));
  }

  /** resolution returns the simulated ns per CSS pixel of the current view. */
  resolution() { return (this.t1 - this.t0) / Math.max(this._plotW(), 1); }

  /** destroy removes every listener the timeline added. */
  destroy() {
    for (const u of this._unsub) u();
    for (const [el, type, fn, o] of this._handlers) el.removeEventListener(type, fn, o);
    if (this._ro) this._ro.disconnect();
    if (this._dprWatch) { this._dprWatch[0].removeEventListener("change", this._dprWatch[1]); this._dprWatch = null; }
    cancelAnimationFrame(this._pending);
  }

  /** requestDraw draws on the next animation frame (once, however often it is called). */
  requestDraw() {
    if (this._pending || !this.ctx) return;
    this._pending = requestAnimationFrame(() => { this._pending = 0; this.draw(); });
  }

  _end() { return Math.max(0, ...this.stores.map((s) => s.end)); }
  _viewH() { return this.cssH - AXIS_H - LEGEND_H; }
  _plotW() { return this.cssW - LABEL_W; }

  _storeChanged() {
    if (this._end() === 0 && this.stores.every((s) => s.eventCount === 0)) { // a new run: start over
      this.fitted = false; this.t0 = 0; this.t1 = 1e6; this.selected = null; this.hover = null;
    }
    if (!this.fitted && this._end() > 0) { // show the first 20 ms until someone zooms
      this.t0 = 0; this.t1 = Math.max(this.t1, Math.min(this._end() * 1.05, 2e7));
    }
    if (this.following) this._follow();
    this.requestDraw();
  }

  _follow() {
    const w = this.t1 - this.t0;
    const edge = this.position;
    if (edge > this.t0 + w * 0.9 || edge < this.t0) {
      this.t0 = Math.max(0, edge - w * 0.9); this.t1 = this.t0 + w;
      if (this.opts.onView) this.opts.onView({ t0: this.t0, t1: this.t1, resolution: this.resolution() });
    }
  }

  // ---- layout ----------------------------------------------------------------

  _resize() {
    const dpr = window.devicePixelRatio || 1;
    const r = this.canvas.getBoundingClientRect();
    if (!r.width) return; // not laid out (hidden): the ResizeObserver calls again when it is
    const w = Math.max(200, Math.round(r.width));
    let h = Math.round(r.height);
    if (h < 60) { h = this._wantedHeight(); this.canvas.style.height = `${h}px`; } // no height from CSS
    this.cssW = w; this.cssH = h; this.dpr = dpr;
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr); this.canvas.height = Math.round(h * dpr);
      this._patterns = null; this._styles = null; this._sprites = null;
    }
    this.draw();
  }

  _wantedHeight() {
    let n = 0;
    for (const s of this.stores) n += s.threads.size + s.gils.size + s.cores.length + 1;
    return Math.max(160, AXIS_H + LEGEND_H + n * 22);
  }

  /** layout computes the lanes: [{type, store, si, id, label, list, y, h, proc}]. */
  _layout() {
    const lanes = [];
    const many = this.stores.length > 1;
    this.stores.forEach((store, si) => {
      if (many) lanes.push({ type: "group", store, si, label: `${"ABCDEFGH"[si]} · ${store.model || "run"}` });
      const procs = [...new Set([...store.threadList().map((t) => t.process), ...store.gilList().map((g) => g.process)])].sort((a, b) => a - b);
      for (const p of procs) {
        if (procs.length > 1) lanes.push({ type: "group", store, si, label: p === 1 ? "main process" : `process ${p}` });
        const gils = store.gilList().filter((g) => g.process === p);
        for (const g of gils) lanes.push({ type: "gil", store, si, id: g.id, list: g.holds, label: gils.length > 1 ? `GIL ${g.id}` : "GIL" });
        for (const th of store.threadList()) if (th.process === p) lanes.push({ type: "thread", store, si, id: th.id, th, list: th.spans, label: `${th.id} ${th.name}` });
      }
      store.cores.forEach((cs, c) => lanes.push({ type: "core", store, si, id: c, list: cs, label: `core ${c}` }));
    });
    const groups = lanes.filter((l) => l.type === "group").length;
    const weights = lanes.reduce((a, l) => a + (l.type === "core" ? 0.7 : l.type === "group" ? 0 : 1), 0);
    const avail = this.cssH - AXIS_H - LEGEND_H - groups * GROUP_H;
    const unit = Math.max(this.theme.font + 5, Math.min(this.theme.font * 2.6, avail / Math.max(weights, 1)));
    let y = AXIS_H;
    for (const l of lanes) {
      l.h = l.type === "group" ? GROUP_H : Math.round(l.type === "core" ? unit * 0.7 : unit);
      l.y = y; y += l.h;
    }
    // more lanes than fit: they scroll vertically (drag, ↑/↓, or the wheel over the names)
    this.maxScroll = Math.max(0, y - AXIS_H - this._viewH());
    this.scrollY = Math.min(Math.max(this.scrollY || 0, 0), this.maxScroll);
    for (const l of lanes) l.y -= this.scrollY;
    this.lanes = lanes;
    return lanes;
  }

  // ---- drawing ---------------------------------------------------------------

  _pattern(key, color, pattern) {
    if (!this._patterns) this._patterns = new Map();
    const k = `${key}|${color}|${pattern}`;
    let p = this._patterns.get(k);
    if (!p) {
      if (pattern === "solid") p = color;
      else {
        const px = Math.round((this.themeName === "contrast" ? 10 : 8) * this.dpr);
        p = this.ctx.createPattern(makeTile(color, pattern, this.theme.ink, px, this.theme.line * this.dpr * 1.2), "repeat");
        if (p.setTransform) p.setTransform(new DOMMatrix().scale(1 / this.dpr));
      }
      this._patterns.set(k, p);
    }
    return p;
  }

  /**
   * _style returns the fill for a span of a lane: thread lanes by state, GIL
   * and core lanes by thread (striped when running without the GIL). Fills
   * are cached in arrays indexed by state and thread, so the span loop does no
   * string work.
   */
  _style(lane, kind, a) {
    if (!this._styles) this._styles = { s: [], t: [], tr: [] };
    const c = this._styles;
    if (lane.type === "thread") {
      let f = c.s[kind];
      if (!f) { const st = STATES[kind]; f = c.s[kind] = this._pattern("s", this.theme.states[st] || this.theme.muted, PATTERNS[st] || "solid"); }
      return f;
    }
    const striped = lane.type === "core" && kind === S_RUNNING;
    const arr = striped ? c.tr : c.t;
    let f = arr[a];
    if (!f) f = arr[a] = this._pattern("t", threadColor(a, this.themeName), striped ? "stripes" : "solid");
    return f;
  }

  /** _solid returns a state's plain colour: merged blocks are too narrow to show a pattern. */
  _solid(kind) { return this.theme.states[STATES[kind]] || this.theme.muted; }

  /** draw draws the whole timeline now (and cancels a pending requestDraw). */
  draw() {
    const t0perf = performance.now();
    if (this._pending) { cancelAnimationFrame(this._pending); this._pending = 0; }
    if (!this.cssW) return; // not laid out yet
    const ctx = this.ctx, th = this.theme, dpr = this.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, this.cssW, this.cssH);
    ctx.font = `${th.font}px system-ui, sans-serif`;
    ctx.textBaseline = "middle";
    const lanes = this._layout();
    const end = this._end(), viewH = this._viewH();
    ctx.save(); // the lanes' viewport, below the axis, above the legend
    ctx.beginPath(); ctx.rect(0, AXIS_H, this.cssW, viewH); ctx.clip();
    lanes.forEach((l, i) => {
      if (l.type === "group" || l.y + l.h < AXIS_H || l.y > AXIS_H + viewH) return;
      ctx.fillStyle = i % 2 ? th.laneAlt : th.laneBg;
      ctx.fillRect(LABEL_W, l.y, this._plotW(), l.h);
    });
    const ticks = this._ticks();
    ctx.fillStyle = th.grid;
    for (const t of ticks.list) ctx.fillRect(Math.round(this.x(t)) + 0.5, AXIS_H, 1, viewH);
    // time after the known end (not simulated yet)
    const xe = this.x(end);
    if (xe < this.cssW) { ctx.fillStyle = th.future; ctx.fillRect(Math.max(xe, LABEL_W), AXIS_H, this.cssW - Math.max(xe, LABEL_W), viewH); }
    ctx.save();
    ctx.beginPath(); ctx.rect(LABEL_W, AXIS_H, this._plotW(), viewH); ctx.clip();
    let spans = 0;
    for (const l of lanes) if (l.list && l.y + l.h >= AXIS_H && l.y <= AXIS_H + viewH) spans += this._drawSpans(ctx, l, l.store.end);
    for (const l of lanes) if (l.type === "thread" && l.y + l.h >= AXIS_H && l.y <= AXIS_H + viewH) this._drawMarks(ctx, l);
    for (const s of this.stores) { this._drawPauses(ctx, s); this._drawGlobalMarks(ctx, s); this._drawDeadlocks(ctx, s); }
    this._drawSelection(ctx);
    // cursor
    const xc = this.x(this.position);
    ctx.fillStyle = th.cursor;
    ctx.fillRect(Math.round(xc) - th.line / 2, AXIS_H, th.line + 0.5, viewH);
    ctx.restore();
    this._drawLabels(ctx, lanes);
    ctx.restore();
    this._drawAxis(ctx, ticks);
    this._drawLegend(ctx);
    if (this.hover && this.hover.hit) this._drawTooltip(ctx, this.hover);
    this.drawnSpans = spans;
    this.lastFrameMs = performance.now() - t0perf;
  }

  /** x maps a time (ns) to a CSS x coordinate. */
  x(t) { return LABEL_W + (t - this.t0) * this._plotW() / (this.t1 - this.t0); }
  /** time maps a CSS x coordinate to a time (ns). */
  time(x) { return this.t0 + (x - LABEL_W) * (this.t1 - this.t0) / this._plotW(); }

  /**
   * _drawSpans draws the visible spans of a lane: binary search for the first,
   * stop past the view, merge runs of spans narrower than MERGE_PX into blocks
   * of up to MERGE_RUN_PX, each a small stacked bar of the states (or
   * threads) in it by their share of its time, under a thin line. Returns the
   * number of spans visited.
   */
  _drawSpans(ctx, lane, now) {
    const sp = lane.list, t0 = this.t0, t1 = this.t1;
    const scale = this._plotW() / (t1 - t0);
    const y = lane.y + 1, h = lane.h - 2;
    const start = sp.start, endA = sp.end, kind = sp.kind, aa = sp.a;
    const isThread = lane.type === "thread", isGIL = lane.type === "gil";
    let i = sp.firstVisible(t0);
    const first = i;
    // the merged run being built: its extent, and the weight of up to 4 keys (state, or thread<<3|state)
    let rx0 = 0, rx1 = -1e9, rmixed = false, rkey = -1;
    const wk = [-1, -1, -1, -1], wv = [0, 0, 0, 0];
    let lastStyle = null;
    const weigh = (key, d) => {
      for (let k = 0; k < 4; k++) {
        if (wk[k] === key) { wv[k] += d; return; }
        if (wk[k] < 0) { wk[k] = key; wv[k] = d; return; }
      }
    };
    const fillOf = (key) => (isThread ? this._solid(key) : this._style(lane, key & 7, key >> 3));
    let lx0 = 0, lx1 = -1e9; // the pending "merged" line
    const line = () => {
      if (lx1 > -1e8) { ctx.fillStyle = this.theme.merged; ctx.fillRect(lx0, y, lx1 - lx0, 1); lastStyle = null; }
      lx1 = -1e9;
    };
    const flush = () => {
      if (rx1 < -1e8) return;
      const w = Math.max(rx1 - rx0, MERGE_PX / 2);
      lastStyle = null;
      if (!rmixed) {
        ctx.fillStyle = fillOf(rkey);
        ctx.fillRect(rx0, y, w, h);
      } else {
        // a mixed block is a small stacked bar: each state's (or thread's) share of its
        // time as a share of its height, the largest on top, under a thin "merged" line
        let total = 0;
        for (let k = 0; k < 4 && wk[k] >= 0; k++) total += wv[k];
        let yy = y, acc = 0;
        for (let n = 0; n < 4; n++) {
          let best = -1;
          for (let k = 0; k < 4 && wk[k] >= 0; k++) if (wv[k] >= 0 && (best < 0 || wv[k] > wv[best])) best = k;
          if (best < 0) break;
          acc += wv[best];
          const y2 = y + Math.round(h * acc / total);
          if (y2 > yy) { ctx.fillStyle = fillOf(wk[best]); ctx.fillRect(rx0, yy, w, y2 - yy); yy = y2; }
          wv[best] = -1;
        }
        // the "merged" line over consecutive mixed blocks is drawn once, by line()
        if (rx0 > lx1 + 0.5) { line(); lx0 = rx0; }
        lx1 = rx0 + Math.max(w, 1);
      }
      rx1 = -1e9; rmixed = false;
      for (let k = 0; k < 4; k++) { wk[k] = -1; wv[k] = 0; }
    };
    for (; i < sp.n; i++) {
      const s = start[i];
      if (s >= t1) break;
      let e = endA[i]; if (e > now) e = now;
      let x0 = LABEL_W + (s - t0) * scale, x1 = LABEL_W + (e - t0) * scale;
      if (x0 < LABEL_W - 1) x0 = LABEL_W - 1;
      if (x1 > LABEL_W + this._plotW() + 1) x1 = LABEL_W + this._plotW() + 1;
      const key = isThread ? kind[i] : isGIL ? aa[i] << 3 : (aa[i] << 3) | kind[i]; // = sp.keyOf(i)
      if (x1 - x0 < MERGE_PX) {
        if (x0 <= rx1 + MERGE_PX && rx1 - rx0 < MERGE_RUN_PX) {
          if (x1 > rx1) rx1 = x1;
          if (key !== rkey) rmixed = true;
          weigh(key, e - s);
          continue;
        }
        flush();
        rx0 = x0; rx1 = x1; rkey = key; weigh(key, e - s);
        // dense: when this block holds more than DENSE_SPANS spans, weigh them from the
        // list's prefix sums and jump past, so a zoomed-out frame visits O(pixels) spans
        if (sp.sums) {
          const j = Math.min(sp.firstStartAt(t0 + (x0 + MERGE_RUN_PX - LABEL_W) / scale) - 2, sp.isOpen() ? sp.n - 2 : sp.n - 1);
          if (j - i > DENSE_SPANS) {
            sp.weightsIn(i + 1, j + 1, (k, w) => { if (k !== rkey) rmixed = true; weigh(k, w); });
            rx1 = Math.max(rx1, Math.min(LABEL_W + (endA[j] - t0) * scale, LABEL_W + this._plotW() + 1));
            i = j;
          }
        }
        continue;
      }
      flush();
      const style = isThread ? this._style(lane, kind[i], 0) : this._style(lane, kind[i], aa[i]);
      if (style !== lastStyle) { ctx.fillStyle = style; lastStyle = style; }
      ctx.fillRect(x0, y, x1 - x0, h);
      lastStyle = style;
      if (x1 - x0 > 40) this._spanLabel(ctx, lane, i, x0, x1);
      else if (x1 - x0 > 3 && !isThread) { ctx.fillStyle = this.theme.bg; ctx.fillRect(x1 - 1, y, 1, h); lastStyle = null; }
    }
    flush();
    line();
    return i - first;
  }

  /** _spanLabel writes a short label inside a wide span. */
  _spanLabel(ctx, lane, i, x0, x1) {
    const sp = lane.list, st = lane.store;
    let text;
    if (lane.type === "thread") {
      const r = st.reasons[sp.b[i]];
      text = sp.kind[i] === S_BLOCKED ? (r ? `${r}${sp.obj[i] && r === "lock" ? " " + sp.obj[i] : ""}` : "blocked") : "";
      if (sp.kind[i] === S_WAIT_GIL && x1 - x0 > 90) text = "wait GIL";
      if (sp.kind[i] === S_RUNNING_GIL && x1 - x0 > 90 && sp.a[i] >= 0) text = `core ${sp.a[i]}`;
    } else {
      text = `T${sp.a[i]}`;
    }
    if (!text) return;
    const tx = Math.max(x0, LABEL_W) + 4;
    const width = Math.min(x1, LABEL_W + this._plotW()) - tx - 2;
    if (width < 12) return;
    ctx.save();
    ctx.fillStyle = this.theme.bg;
    const m = ctx.measureText(text).width;
    ctx.globalAlpha = 0.75;
    ctx.fillRect(tx - 2, lane.y + lane.h / 2 - this.theme.font / 2 - 1, Math.min(m, width) + 4, this.theme.font + 2);
    ctx.globalAlpha = 1;
    ctx.fillStyle = this.theme.text;
    ctx.fillText(text, tx, lane.y + lane.h / 2, width);
    ctx.restore();
  }

  /**
   * _visibleMarks returns lane's visible instants as [{e, x}]: where marks
   * are denser than one per MARK_GAP_PX, after each mark drawn it
   * binary-searches the first mark that far on, so the cost is bounded by the
   * width, not the number of marks. Anomalies are always all drawn.
   */
  _visibleMarks(lane) {
    const st = lane.store, marks = lane.th.marks, inst = st.instants;
    const first = (t, lo) => {
      let hi = marks.length;
      while (lo < hi) { const m = (lo + hi) >>> 1; if (inst[marks[m]].t < t) lo = m + 1; else hi = m; }
      return lo;
    };
    const out = [], tmax = this.time(this.cssW + 8);
    const gap = Math.max(MARK_GAP_PX, lane.h * 0.4); // about a glyph's width: denser marks only smear
    let lastX = -1e9;
    for (let k = first(this.time(LABEL_W - 8), 0); k < marks.length;) {
      const e = inst[marks[k]];
      if (e.t > tmax) break;
      if (!MARK_KINDS.has(e.kind)) { k++; continue; }
      const x = this.x(e.t);
      if (x - lastX < gap) { k = Math.max(k + 1, first(this.time(lastX + gap), k)); continue; }
      if (!ANOMALIES.has(e.kind)) lastX = x;
      out.push({ e, x });
      k++;
    }
    const drawn = new Set(out.map((m) => m.e));
    for (const i of lane.th.anomalies) {
      const e = inst[i], x = this.x(e.t);
      if (x > LABEL_W - 8 && x < this.cssW + 8 && !drawn.has(e)) out.push({ e, x });
    }
    return out;
  }

  /**
   * _sprite returns a mark's glyph pre-drawn at device resolution, as
   * {img, size} (CSS px, square, centred on the mark): blitting a sprite is
   * far cheaper to rasterise than filling and stroking a path per mark.
   */
  _sprite(kind, r) {
    if (!this._sprites) this._sprites = new Map();
    const key = `${kind}|${r}`;
    let sp = this._sprites.get(key);
    if (sp) return sp;
    const th = this.theme, dpr = this.dpr, size = Math.ceil(r * 3.6 + 4);
    const img = document.createElement("canvas");
    img.width = img.height = Math.ceil(size * dpr);
    const g = img.getContext("2d");
    g.scale(dpr, dpr);
    g.font = `bold ${th.font}px system-ui, sans-serif`; g.textAlign = "center"; g.textBaseline = "middle";
    const c = size / 2;
    switch (kind) {
      case "drop_request": tri(g, c, c - r * 0.7, r, th.request, th.bg, true); break;
      case "forced_switch": diamond(g, c, c, r, th.text, th.bg); break;
      case "futile_wakeup": g.lineWidth = th.line; g.strokeStyle = th.text; g.fillStyle = th.bg; g.beginPath(); g.arc(c, c, r * 0.8, 0, 7); g.fill(); g.stroke(); break;
      case "lock_acquire": g.fillStyle = th.text; g.strokeStyle = th.bg; g.fillRect(c - r * 0.6, c - r * 0.6, r * 1.2, r * 1.2); g.strokeRect(c - r * 0.6, c - r * 0.6, r * 1.2, r * 1.2); break;
      case "exception": g.strokeStyle = th.anomaly; g.lineWidth = th.line * 2; g.beginPath(); g.moveTo(c - r, c - r); g.lineTo(c + r, c + r); g.moveTo(c + r, c - r); g.lineTo(c - r, c + r); g.stroke(); break;
      default: tri(g, c, c + r * 1.1, r * 1.3, th.anomaly, th.bg, false); g.fillStyle = "#fff"; g.fillText("!", c, c + r * 0.35);
    }
    sp = { img, size };
    this._sprites.set(key, sp);
    // an ImageBitmap blits faster than a canvas: swap it in when it is ready
    if (typeof createImageBitmap === "function") createImageBitmap(img).then((bm) => { sp.img = bm; }, () => {});
    return sp;
  }

  /**
   * _drawMarks draws a thread lane's marks as sprites, and the drop requests'
   * lines to the holder's lane as one dashed path (when there are fewer than
   * LINK_MAX_MARKS marks in view).
   */
  _drawMarks(ctx, lane) {
    const th = this.theme, marks = this._visibleMarks(lane);
    if (!marks.length) return;
    const cy = lane.y + lane.h / 2, r = Math.round(Math.max(3, Math.min(lane.h / 2 - 2, th.font * 0.5)));
    const connect = marks.length < LINK_MAX_MARKS;
    const link = new Path2D();
    let targets = null, links = 0;
    for (const { e, x } of marks) {
      let kind = e.kind, y = cy;
      if (kind === "drop_request") {
        y = lane.y + 1 + r * 0.7;
        if (connect) {
          targets = targets || new Map(this.lanes.filter((l) => l.type === "thread" && l.store === lane.store).map((l) => [l.id, l]));
          const target = targets.get(e.holder);
          if (target) {
            link.moveTo(x, y); link.lineTo(x, target.y + target.h / 2); // to where the holder will see it
            links++;
          }
        }
      } else if (kind === "lock_acquire") {
        const sp = lane.th.spans, i = sp.at(e.t - 1);
        if (i < 0 || sp.kind[i] !== S_BLOCKED) continue; // only a lock taken after a wait
      } else if (ANOMALIES.has(kind)) {
        kind = "anomaly";
      }
      const s = this._sprite(kind, r);
      ctx.drawImage(s.img, Math.round(x - s.size / 2), Math.round(y - s.size / 2), s.size, s.size);
    }
    if (links) {
      ctx.lineWidth = th.line; ctx.strokeStyle = th.request; ctx.setLineDash([3, 3]);
      ctx.stroke(link); ctx.setLineDash([]);
    }
  }

  /** _drawPauses shades every thread lane of store during each stop-the-world GC pause. */
  _drawPauses(ctx, store) {
    if (!store.pauses.length) return;
    const lanes = this.lanes.filter((l) => l.store === store && l.type === "thread");
    if (!lanes.length) return;
    const y0 = lanes[0].y, y1 = lanes[lanes.length - 1].y + lanes[lanes.length - 1].h;
    ctx.fillStyle = this.theme.future;
    ctx.strokeStyle = this.theme.muted;
    let lastX = -1e9;
    for (const e of store.pauses) {
      const x0 = this.x(e.t), x1 = this.x(e.t + (e.pause || 0));
      if (x1 < LABEL_W || x0 > this.cssW || x1 < lastX + 1) continue;
      lastX = x1;
      ctx.fillStyle = "rgba(128,128,128,0.35)";
      ctx.fillRect(x0, y0, Math.max(x1 - x0, 1), y1 - y0);
      if (x1 - x0 > 24) { ctx.fillStyle = this.theme.text; ctx.fillText("GC", x0 + 3, y0 + 8, x1 - x0 - 4); }
    }
  }

  /** _drawGlobalMarks draws the marks of no thread (leaks, found at the end) on the store's first lane. */
  _drawGlobalMarks(ctx, store) {
    if (!store.globalMarks.length) return;
    const lane = this.lanes.find((l) => l.store === store && l.type !== "group");
    if (!lane) return;
    const r = Math.round(Math.max(3, Math.min(lane.h / 2 - 2, this.theme.font * 0.5)));
    const s = this._sprite("anomaly", r);
    let lastX = -1e9;
    for (const i of store.globalMarks) {
      const x = this.x(store.instants[i].t);
      if (x < LABEL_W - 8 || x > this.cssW + 8 || x - lastX < 2) continue;
      lastX = x;
      ctx.drawImage(s.img, Math.round(x - s.size / 2), Math.round(lane.y + lane.h / 2 - s.size / 2), s.size, s.size);
    }
  }

  /** _drawDeadlocks draws each deadlock's wait-for cycle: thread → lock → holding thread → … */
  _drawDeadlocks(ctx, store) {
    const th = this.theme;
    for (const e of store.deadlocks) {
      const x = this.x(e.t);
      if (x < LABEL_W - 200 || x > this.cssW + 200) continue;
      ctx.strokeStyle = th.deadlock; ctx.lineWidth = th.line * 1.5; ctx.setLineDash([5, 4]);
      ctx.beginPath(); ctx.moveTo(x, AXIS_H); ctx.lineTo(x, this.cssH - LEGEND_H); ctx.stroke(); ctx.setLineDash([]);
      const cyc = deadlockCycle(store, e);
      const laneOf = (id) => this.lanes.find((l) => l.type === "thread" && l.store === store && l.id === id);
      cyc.forEach((c, k) => {
        const a = laneOf(c.thread), b = laneOf(c.holder);
        if (!a) return;
        const ya = a.y + a.h / 2, yb = b ? b.y + b.h / 2 : ya;
        const lx = x - 24 - (th.font * 2.4) * k, ly = (ya + yb) / 2;
        ctx.strokeStyle = th.deadlock; ctx.fillStyle = th.deadlock;
        ctx.beginPath(); ctx.moveTo(x, ya); ctx.quadraticCurveTo(lx, ya, lx, ly); ctx.stroke();
        if (b) { ctx.beginPath(); ctx.moveTo(lx, ly); ctx.quadraticCurveTo(lx, yb, x - 4, yb); ctx.stroke(); arrowHead(ctx, x - 4, yb, 0, 6); }
        ctx.fillStyle = th.bg; ctx.beginPath(); ctx.arc(lx, ly, th.font * 0.9, 0, 7); ctx.fill(); ctx.stroke();
        const short = c.lock ? c.name || `#${c.lock}` : "join";
        ctx.fillStyle = th.deadlock; ctx.textAlign = "center"; ctx.fillText(short, lx, ly, th.font * 1.7); ctx.textAlign = "start";
      });
    }
  }

  _drawSelection(ctx) {
    const s = this.selected;
    if (!s || !s.lane) return;
    const l = this.lanes.find((x) => x.type === s.lane.type && x.id === s.lane.id && x.store === s.lane.store);
    if (!l) return;
    ctx.strokeStyle = this.theme.select; ctx.lineWidth = this.theme.line * 2;
    if (s.item.span) {
      const x0 = this.x(s.item.span.start), x1 = this.x(Math.min(s.item.span.end, l.store.end));
      ctx.strokeRect(x0, l.y + 1, Math.max(x1 - x0, 2), l.h - 2);
    } else if (s.item.event) {
      const x = this.x(s.item.event.t);
      ctx.strokeRect(x - 6, l.y + 1, 12, l.h - 2);
    }
    ctx.lineWidth = 1;
  }

  /** _ticks returns the axis's tick times and step: 1, 2 or 5 × 10^k ns, at least 90 px apart. */
  _ticks() {
    const minStep = this.resolution() * 90;
    const p = Math.pow(10, Math.floor(Math.log10(minStep)));
    const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= minStep);
    const list = [];
    for (let t = Math.ceil(this.t0 / step) * step; t <= this.t1; t += step) list.push(t);
    return { step, list };
  }

  /** _drawAxis draws the time axis above the lanes, and whether the view follows the position. */
  _drawAxis(ctx, ticks) {
    const th = this.theme;
    ctx.fillStyle = th.bg; ctx.fillRect(0, 0, this.cssW, AXIS_H);
    for (const t of ticks.list) {
      const x = Math.round(this.x(t)) + 0.5;
      if (x < LABEL_W) continue;
      ctx.fillStyle = th.grid; ctx.fillRect(x, AXIS_H - 5, 1, 5);
      ctx.fillStyle = th.muted; ctx.fillText(fmtTime(t, ticks.step / 10), x + 3, AXIS_H / 2);
    }
    ctx.fillStyle = th.bg; ctx.fillRect(0, 0, LABEL_W, AXIS_H);
    ctx.fillStyle = th.muted; ctx.fillText(this.following ? "following" : "", 6, AXIS_H / 2);
  }

  _drawLabels(ctx, lanes) {
    const th = this.theme;
    ctx.fillStyle = th.bg; ctx.fillRect(0, AXIS_H, LABEL_W, this._viewH());
    if (this.maxScroll > 0) { // a scroll bar at the gutter's edge
      const vh = this._viewH(), total = vh + this.maxScroll;
      ctx.fillStyle = th.grid; ctx.fillRect(LABEL_W - 4, AXIS_H + vh * this.scrollY / total, 3, Math.max(vh * vh / total, 12));
    }
    for (const l of lanes) {
      if (l.y + l.h < AXIS_H || l.y > AXIS_H + this._viewH()) continue;
      if (l.type === "group") {
        ctx.fillStyle = th.grid; ctx.fillRect(0, l.y + l.h - 1, this.cssW, 1);
        ctx.fillStyle = th.text; ctx.fillText(l.label, 6, l.y + l.h / 2, this.cssW - 12);
        continue;
      }
      if (l.type === "thread") { ctx.fillStyle = threadColor(l.id, this.themeName); ctx.fillRect(2, l.y + 2, 4, l.h - 4); }
      ctx.fillStyle = l.type === "core" ? th.muted : th.text;
      ctx.fillText(l.label, 10, l.y + l.h / 2, LABEL_W - 14);
    }
  }

  _drawLegend(ctx) {
    const th = this.theme, y = this.cssH - LEGEND_H;
    ctx.fillStyle = th.bg; ctx.fillRect(0, y, this.cssW, LEGEND_H);
    let x = 6;
    for (const st of ["running_gil", "running", "wait_gil", "runnable", "blocked"]) {
      ctx.fillStyle = this._pattern("s", th.states[st], PATTERNS[st]);
      ctx.fillRect(x, y + 4, 18, LEGEND_H - 8);
      ctx.fillStyle = th.text;
      const label = STATE_LABELS[st];
      ctx.fillText(label, x + 22, y + LEGEND_H / 2);
      x += 30 + ctx.measureText(label).width;
      if (x > this.cssW - 100) return;
    }
    const cy = y + LEGEND_H / 2;
    const marks = [["drop request", (cx) => tri(ctx, cx, cy - 5, 5, th.request, th.bg, true)],
      ["forced switch", (cx) => diamond(ctx, cx, cy, 5, th.text, th.bg)],
      ["anomaly", (cx) => tri(ctx, cx, cy + 5, 6, th.anomaly, th.bg, false)]];
    for (const [label, glyph] of marks) {
      if (x > this.cssW - 100) return;
      glyph(x + 6);
      ctx.fillStyle = th.text; ctx.fillText(label, x + 16, cy);
      x += 26 + ctx.measureText(label).width;
    }
  }

  _drawTooltip(ctx, hv) {
    const th = this.theme, lines = hv.hit.lines;
    const pad = 6, lh = th.font + 4;
    let w = 0;
    for (const l of lines) w = Math.max(w, ctx.measureText(l).width);
    w = Math.min(w + pad * 2, this.cssW - 10);
    const h = lines.length * lh + pad * 2 - 4;
    let x = hv.x + 14, y = hv.y + 14;
    if (x + w > this.cssW) x = hv.x - w - 8;
    if (y + h > this.cssH) y = hv.y - h - 8;
    x = Math.max(2, x); y = Math.max(2, y);
    ctx.fillStyle = th.bg; ctx.strokeStyle = th.text; ctx.lineWidth = 1;
    ctx.fillRect(x, y, w, h); ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    ctx.fillStyle = th.text;
    lines.forEach((l, i) => ctx.fillText(l, x + pad, y + pad + lh * i + lh / 2 - 2, w - pad * 2));
  }

  // ---- hit testing -------------------------------------------------------------

  /** hitTest returns what lies under CSS point (x, y): {lane, t, item, lines} or null. */
  hitTest(x, y) {
    if (y < AXIS_H || y >= AXIS_H + this._viewH()) return null;
    const lane = this.lanes.find((l) => l.type !== "group" && y >= l.y && y < l.y + l.h);
    if (!lane || x < LABEL_W) return null;
    const t = this.time(x), st = lane.store;
    {
      // the deadlock line runs across every lane; leaks sit on the first one
      const first = lane === this.lanes.find((l) => l.store === st && l.type !== "group");
      const near = [...st.deadlocks, ...(first ? st.globalMarks.map((i) => st.instants[i]) : [])].filter((e) => Math.abs(this.x(e.t) - x) <= 5);
      if (near.length) {
        const e = near[0];
        return { lane, t, item: { event: e }, lines: [`${e.kind.replace(/_/g, " ")} · ${fmtTime(e.t, this.resolution())}`, ...wrap(explain(st, { event: e }), 70).slice(0, 4)] };
      }
    }
    if (lane.type === "thread") {
      let best = null;
      const r = Math.round(Math.max(3, Math.min(lane.h / 2 - 2, this.theme.font * 0.5)));
      const markY = (e) => (e.kind === "drop_request" ? lane.y + 1 + r * 0.7 : lane.y + lane.h / 2);
      for (const m of this._visibleMarks(lane)) {
        if (Math.abs(m.x - x) <= 5 && Math.abs(markY(m.e) - y) <= r + 3 && (!best || Math.abs(m.x - x) < Math.abs(best.x - x))) best = m;
      }
      if (best) {
        const e = best.e;
        return { lane, t, item: { event: e }, lines: [`${e.kind.replace(/_/g, " ")} · ${fmtTime(e.t, this.resolution())}`, ...wrap(explain(st, { event: e }), 70).slice(0, 4)] };
      }
    }
    if (!lane.list) return null;
    const sp = lane.list, slop = this.resolution() * 3;
    let i = sp.at(t);
    if (i < 0) { const j = sp.firstVisible(t - slop); if (j < sp.n && sp.start[j] <= t + slop) i = j; }
    if (i < 0) return null;
    const span = sp.span(i, st.end);
    const item = lane.type === "thread" ? { thread: lane.id, span } : lane.type === "gil" ? { gil: lane.id, span } : { core: lane.id, span };
    const dur = fmtDur(span.end - span.start);
    let title;
    if (lane.type === "thread") title = `${threadName(st, lane.id)}: ${STATE_LABELS[STATES[span.kind]] || STATES[span.kind]}${span.kind === S_BLOCKED && st.reasons[span.b] ? ` (${st.reasons[span.b]})` : ""} · ${dur}`;
    else if (lane.type === "gil") title = `GIL held by ${threadName(st, span.a)} · ${dur}`;
    else title = `core ${lane.id}: ${threadName(st, span.a)} ${span.kind === S_RUNNING ? "(no GIL)" : ""} · ${dur}`;
    const lines = [title, `${fmtTime(span.start, this.resolution())} → ${fmtTime(span.end, this.resolution())}${span.open ? " (open)" : ""}`];
    if (span.merged > 1) lines.push(`${span.merged} changes merged by the server at this speed`);
    if (lane.type === "thread") {
      const pos = st.positionAt(lane.id, t, i);
      if (pos.line > 0 || pos.code > 0) lines.push(`${pos.known === "exact" ? "at" : pos.known === "nearest" ? "near" : "last seen at"} ${st.where(pos.line, pos.pc, pos.code)}`);
    }
    const res = this.resolution();
    if ((span.end - span.start) / res < MERGE_PX) lines.unshift(...this._blockSummary(lane, t - 2 * res, t + 2 * res));
    return { lane, t, item, lines };
  }

  /**
   * _blockSummary describes the spans of lane in [ta, tb) — what a merged
   * block under the pointer stands for — as how many there are and each
   * state's (or thread's) share of the time.
   */
  _blockSummary(lane, ta, tb) {
    const sp = lane.list, st = lane.store;
    const i0 = sp.firstVisible(ta), i1 = sp.firstStartAt(tb);
    const w = new Map();
    const add = (k, d) => w.set(k, (w.get(k) || 0) + d);
    if (i1 - i0 > 2000 && sp.sums && i1 <= sp.n - (sp.isOpen() ? 1 : 0)) sp.weightsIn(i0, i1, add);
    else for (let i = i0; i < i1; i++) add(sp.keyOf(i), Math.min(sp.end[i], tb, st.end) - Math.max(sp.start[i], ta));
    let total = 0;
    for (const d of w.values()) total += Math.max(d, 0);
    const name = (k) => lane.type === "thread" ? STATE_LABELS[STATES[k]] || STATES[k]
      : `${threadName(st, k >> 3)}${(k & 7) === S_RUNNING ? " (no GIL)" : ""}`;
    const shares = [...w].filter(([, d]) => d > 0).sort((a, b) => b[1] - a[1]).slice(0, 4)
      .map(([k, d]) => `${name(k)} ${Math.round(100 * d / total)} %`);
    return [`${i1 - i0} spans in these ${fmtDur(tb - ta)} (zoom in to see them):`, shares.join(", "), "the nearest:"];
  }

  // ---- input -------------------------------------------------------------------

  _on(el, type, fn, o) { el.addEventListener(type, fn, o); this._handlers.push([el, type, fn, o]); }

  _listen() {
    this._handlers = [];
    const c = this.canvas;
    if (c.tabIndex < 0) c.tabIndex = 0;
    if (typeof ResizeObserver !== "undefined") {
      this._ro = new ResizeObserver(() => this._resize());
      this._ro.observe(c);
    }
    // a window moved to a screen of another pixel density: redraw at the new one
    const watchDPR = () => {
      const mq = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      const f = () => { if (this._dprWatch) { this._resize(); watchDPR(); } };
      mq.addEventListener("change", f, { once: true });
      this._dprWatch = [mq, f];
    };
    watchDPR();
    this._on(c, "wheel", (ev) => {
      ev.preventDefault();
      const x = this._localX(ev);
      if (this.maxScroll > 0 && !ev.ctrlKey && (ev.altKey || x < LABEL_W)) {
        this.scroll(ev.deltaY * (ev.deltaMode ? 16 : 1));
      } else if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        this.pan((ev.deltaX || ev.deltaY) * this.resolution());
      } else {
        this.zoom(Math.exp(ev.deltaY * (ev.deltaMode ? 0.05 : 0.002)), this.time(x));
      }
    }, { passive: false });
    let drag = null;
    this._on(c, "pointerdown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, t0: this.t0, t1: this.t1, scrollY: this.scrollY, moved: false };
      c.setPointerCapture?.(ev.pointerId);
    });
    this._on(c, "pointermove", (ev) => {
      const r = c.getBoundingClientRect();
      const x = ev.clientX - r.left, y = ev.clientY - r.top;
      if (drag && (drag.moved || Math.abs(ev.clientX - drag.x) > 3 || Math.abs(ev.clientY - drag.y) > 3)) {
        drag.moved = true;
        this.following = false;
        this.scrollY = drag.scrollY - (ev.clientY - drag.y);
        const dt = (ev.clientX - drag.x) * (drag.t1 - drag.t0) / this._plotW();
        this.setView(drag.t0 - dt, drag.t1 - dt);
        return;
      }
      this._hoverAt(x, y);
    });
    this._on(c, "pointerup", (ev) => {
      const r = c.getBoundingClientRect();
      if (drag && !drag.moved) this.select(ev.clientX - r.left, ev.clientY - r.top);
      drag = null;
    });
    this._on(c, "pointerleave", () => {
      this.hover = null;
      this.requestDraw();
      if (this.opts.onHover) this.opts.onHover(null);
    });
    this._on(c, "keydown", (ev) => {
      if (ev.key === "Enter" && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        ev.preventDefault();
        this.explainNextLane(ev.shiftKey ? -1 : 1);
        return;
      }
      const k = ev.key, mid = this.hover ? this.time(this.hover.x) : (this.t0 + this.t1) / 2;
      const w = this.t1 - this.t0;
      const act = { w: () => this.zoom(0.8, mid), "+": () => this.zoom(0.8, mid), "=": () => this.zoom(0.8, mid),
        s: () => this.zoom(1.25, mid), "-": () => this.zoom(1.25, mid),
        a: () => this.pan(-w * 0.15), ArrowLeft: () => this.pan(-w * 0.15), d: () => this.pan(w * 0.15), ArrowRight: () => this.pan(w * 0.15),
        0: () => this.fit(), f: () => this.follow(!this.following),
        ArrowUp: () => this.scroll(-40), ArrowDown: () => this.scroll(40), PageUp: () => this.scroll(-this._viewH() * 0.9), PageDown: () => this.scroll(this._viewH() * 0.9), Home: () => this.setView(0, w), End: () => this.setView(this._end() - w * 0.9, this._end() + w * 0.1) }[k.length === 1 ? k.toLowerCase() : k];
      if (act && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { ev.preventDefault(); act(); }
    });
  }

  _localX(ev) { return ev.clientX - this.canvas.getBoundingClientRect().left; }

  /** zoom scales the view by factor (< 1 zooms in) around time at. */
  zoom(factor, at = (this.t0 + this.t1) / 2) {
    const w = Math.min(Math.max((this.t1 - this.t0) * factor, 20), Math.max(this._end() * 4, 1e10));
    const f = (at - this.t0) / (this.t1 - this.t0);
    this.setView(at - f * w, at - f * w + w);
  }

  /** scroll moves the lanes up by dy CSS pixels (when there are more than fit). */
  scroll(dy) {
    this.scrollY = (this.scrollY || 0) + dy;
    this.requestDraw();
  }

  /** pan moves the view by dt ns; it stops following. */
  pan(dt) {
    this.following = false;
    this.setView(this.t0 + dt, this.t1 + dt);
  }

  _hoverAt(x, y) {
    const hit = this.hitTest(x, y);
    this.hover = { x, y, hit };
    this.requestDraw();
    if (this.opts.onHover) this.opts.onHover(hit ? { t: hit.t, lane: laneRef(hit.lane), item: hit.item, text: hit.lines.join("\n") } : null);
  }

  /** select selects what lies at CSS point (x, y) and reports its explanation through onSelect. */
  /**
   * explainNextLane is the keyboard's click: it selects the next (dir 1) or
   * previous (-1) lane's span at the playhead, scrolling the lane into view, and
   * explains it as a click would.
   */
  explainNextLane(dir = 1) {
    const real = () => this.lanes.filter((l) => l.type !== "group");
    if (!real().length) this._layout();
    const n = real().length;
    const t = Math.min(Math.max(this.position, this.t0), this.t1);
    // lanes with nothing at the playhead (a thread not started yet, an idle core) are skipped
    for (let tries = 0; tries < n; tries++) {
      this.kbLane = (((this.kbLane ?? -1) + dir) % n + n) % n;
      let lane = real()[this.kbLane];
      if (lane.y < AXIS_H || lane.y + lane.h > AXIS_H + this._viewH()) {
        this.scroll(lane.y - AXIS_H);
        this._layout();
        lane = real()[this.kbLane];
      }
      const y = lane.y + lane.h / 2;
      if (this.hitTest(this.x(t), y)) return this.select(this.x(t), y);
    }
    return null;
  }

  select(x, y) {
    const hit = this.hitTest(x, y);
    this.selected = hit ? { lane: laneRef(hit.lane), item: hit.item } : null;
    this.requestDraw();
    if (this.opts.onSelect) this.opts.onSelect(hit ? { t: hit.t, lane: laneRef(hit.lane), item: hit.item, store: hit.lane.store, text: explain(hit.lane.store, hit.item) } : null);
    return hit;
  }
}

/** CompareTimeline shows two runs on one time axis, one lane group each, one position. */
export class CompareTimeline extends Timeline {
  constructor(canvas, storeA, storeB, opts = {}) { super(canvas, [storeA, storeB], opts); }
}

const MARK_KINDS = new Set(["drop_request", "forced_switch", "futile_wakeup", "lock_acquire", "exception", "ref_race", "use_after_free", "leak"]);

function laneRef(l) { return { type: l.type, id: l.id, store: l.store, si: l.si }; }

function tri(ctx, x, y, r, fill, stroke, down) {
  ctx.fillStyle = fill; ctx.strokeStyle = stroke; ctx.lineWidth = 1;
  ctx.beginPath();
  if (down) { ctx.moveTo(x - r, y); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r * 1.4); }
  else { ctx.moveTo(x - r, y); ctx.lineTo(x + r, y); ctx.lineTo(x, y - r * 1.7); }
  ctx.closePath(); ctx.fill(); ctx.stroke();
}

function diamond(ctx, x, y, r, fill, stroke) {
  ctx.fillStyle = fill; ctx.strokeStyle = stroke; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); ctx.fill(); ctx.stroke();
}

function arrowHead(ctx, x, y, angle, s) {
  ctx.beginPath(); ctx.moveTo(x, y);
  ctx.lineTo(x - s * Math.cos(angle - 0.5), y - s * Math.sin(angle - 0.5));
  ctx.lineTo(x - s * Math.cos(angle + 0.5), y - s * Math.sin(angle + 0.5));
  ctx.closePath(); ctx.fill();
}

/** wrap breaks text into lines of at most n characters. */
export function wrap(text, n) {
  const out = [];
  let line = "";
  for (const w of text.split(/\s+/)) {
    if (line && line.length + w.length + 1 > n) { out.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

export { RunStore };
