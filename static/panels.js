// panels.js defines the data panels beside the timeline: objects (shared
// objects' reference counts over time), bytecode (the disassembly of a
// function with each thread's current instruction) and statistics, plus an
// explanation box for what the timeline selected. They read a RunStore
// (model.js) and show it at a time t; the statistics are the latest the
// server sent for the run (RunStore.serverStats), never counted here. DOM is built with createElement and
// textContent only; styles come from timeline.css (linked once, by
// mountPanels), so the page's CSP needs no inline styles.
//
//   const panels = mountPanels({objects, bytecode, stats, explain}, store, {theme});
//   panels.update(t)          show time t (cheap; coalesced to one frame)
//   panels.selectCode(id)     show code object id in the bytecode panel
//   panels.explain(sel)       show the onSelect payload of a Timeline (or null)
//   panels.setTheme(name)     "dark", "light" or "contrast"
//   panels.destroy()
// Every element is optional; pass only the panels the page has.

import { fmtDur, threadName } from "./model.js";
import { explain as explainItem } from "./explain.js";
import { threadColor, THEMES } from "./timeline.js";

const SPARK_W = 110, SPARK_H = 22;

/** linkStyles adds timeline.css to the document once. */
function linkStyles() {
  const href = new URL("./timeline.css", import.meta.url).href;
  if ([...document.querySelectorAll("link[rel=stylesheet]")].some((l) => l.href === href)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.appendChild(link);
}

/** el creates an element with a class and text. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function table(head) {
  const t = el("table", "gs-table");
  const tr = el("tr");
  for (const h of head) tr.appendChild(el("th", "", h));
  t.appendChild(el("thead")).appendChild(tr);
  t.appendChild(el("tbody"));
  return t;
}

/** mountPanels fills the given elements with the panels of store and returns their controller. */
export function mountPanels(elements, store, opts = {}) {
  linkStyles();
  const p = new Panels(elements, store, opts);
  return p;
}

class Panels {
  constructor(elements, store, opts) {
    this.els = elements;
    this.store = store;
    this.theme = opts.theme || "dark";
    this.t = 0;
    this.code = 0;          // code object shown; 0: follow the running thread
    this.userCode = false;
    this._frame = 0;
    this._statsShown = undefined; // the serverStats shown (and _statsStale, _statsTheme: how)
    this._objRows = new Map();
    this._codeShown = -1;
    for (const e of Object.values(elements)) if (e) e.classList.add("gs-panel");
    this._events = 0;
    this._unsub = store.onChange(() => {
      if (store.eventCount < this._events) { this._objKey = null; this._codeShown = -1; this.userCode = false; } // a new run
      this._events = store.eventCount;
      this._dirty = true;
      this.update(this.t);
    });
    this._dirty = true;
    this.update(0);
  }

  setTheme(name) { this.theme = THEMES[name] ? name : "dark"; this._dirty = true; this.update(this.t); }

  /** update shows time t on the next animation frame. */
  update(t) {
    this.t = t;
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => { this._frame = 0; this.render(); });
  }

  /** render draws every panel at this.t now. */
  render() {
    const state = this.store.stateAt(this.t);
    if (this.els.objects) this._objects(state);
    if (this.els.bytecode) this._bytecode(state);
    if (this.els.stats) this._stats();
    this._dirty = false;
  }

  /** selectCode shows code object id; 0 goes back to following the running thread's code. */
  selectCode(id) { this.userCode = !!id; if (id) this.code = id; this._codeShown = -1; this.render(); }

  /** explain shows a Timeline onSelect payload ({item, store, text}) in the explanation element. */
  explain(sel) {
    const box = this.els.explain;
    if (!box) return;
    box.replaceChildren();
    if (!sel) { box.appendChild(el("p", "gs-muted", "Click a span or a mark on the timeline to see what happened and why.")); return; }
    box.appendChild(el("p", "gs-explain", sel.text || explainItem(sel.store || this.store, sel.item)));
    const ev = sel.item && sel.item.event, code = ev ? (sel.store || this.store).codeOf(ev) : 0;
    if (code && ev.pc >= 0) this.selectCode(code);
  }

  destroy() { this._unsub(); cancelAnimationFrame(this._frame); for (const e of Object.values(this.els)) if (e) e.replaceChildren(); }

  // ---- objects -------------------------------------------------------------

  _objects(state) {
    const box = this.els.objects, st = this.store;
    const objs = st.sharedObjects(30);
    const ft = objs.some((o) => o.owner !== undefined || o.local !== undefined || o.shared !== undefined);
    if (this._dirty || !this._objTable || this._objFT !== ft) {
      const key = objs.map((o) => o.id).join(",");
      if (key !== this._objKey || this._objFT !== ft) {
        this._objKey = key; this._objFT = ft;
        box.replaceChildren();
        if (!objs.length) { box.appendChild(el("p", "gs-muted", "No object is shared between threads yet.")); this._objTable = null; return; }
        const head = ["object", "refcount over time", "count", "true", "", ...(ft ? ["owner", "local", "shared"] : [])];
        this._objTable = table(head);
        box.appendChild(this._objTable);
        this._objRows = new Map();
        for (const o of objs) {
          const tr = el("tr");
          tr.appendChild(el("td", "gs-obj", `${o.type} #${o.id}`));
          const spark = el("canvas", "gs-spark");
          tr.appendChild(el("td")).appendChild(spark);
          const cnt = el("td", "gs-num"), tru = el("td", "gs-num"), flags = el("td", "gs-flags");
          tr.append(cnt, tru, flags);
          const extra = ft ? [el("td", "gs-num"), el("td", "gs-num"), el("td", "gs-num")] : [];
          tr.append(...extra);
          this._objTable.tBodies[0].appendChild(tr);
          this._objRows.set(o.id, { o, spark, cnt, tru, flags, extra });
        }
      }
    }
    if (!this._objTable) return;
    for (const r of this._objRows.values()) {
      const o = r.o, rc = st.refcountAt(o.id, this.t);
      r.cnt.textContent = rc ? String(rc.count) : "—";
      const differs = rc && rc.trueCount !== rc.count;
      r.tru.textContent = differs ? String(rc.trueCount) : "";
      r.tru.classList.toggle("gs-bad", !!differs);
      const fl = [];
      for (const i of o.anomalies) { const e = st.instants[i]; if (e.t <= this.t) fl.push(e.kind === "use_after_free" ? "use after free" : e.kind === "ref_race" ? "race" : e.kind); }
      if (rc && rc.freed) fl.push("freed");
      r.flags.textContent = [...new Set(fl)].join(", ");
      r.flags.classList.toggle("gs-bad", fl.some((f) => f !== "freed"));
      if (r.extra.length) {
        r.extra[0].textContent = o.owner !== undefined ? String(o.owner) : "";
        r.extra[1].textContent = o.local !== undefined ? String(o.local) : "";
        r.extra[2].textContent = o.shared !== undefined ? String(o.shared) : "";
      }
      this._spark(r.spark, o);
    }
  }

  /** _spark draws o's refcount sparkline with the cursor at this.t. */
  _spark(c, o) {
    const dpr = window.devicePixelRatio || 1, th = THEMES[this.theme];
    if (c.width !== SPARK_W * dpr) { c.width = SPARK_W * dpr; c.height = SPARK_H * dpr; c.style.width = `${SPARK_W}px`; c.style.height = `${SPARK_H}px`; }
    const g = c.getContext("2d");
    // the history is drawn once per change of the store into an offscreen copy; a new t only moves the cursor
    const key = `${this.store.eventCount}/${this.store.end}/${this.theme}/${dpr}`;
    if (!c._history || c._historyKey !== key) {
      c._history = c._history || document.createElement("canvas");
      c._history.width = c.width; c._history.height = c.height;
      const hg = c._history.getContext("2d");
      hg.setTransform(dpr, 0, 0, dpr, 0, 0);
      hg.clearRect(0, 0, SPARK_W, SPARK_H);
      this._sparkHistory(hg, o, th);
      c._historyKey = key;
    }
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    g.drawImage(c._history, 0, 0);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const end = Math.max(this.store.end, 1);
    g.fillStyle = th.cursor;
    g.fillRect((this.t / end) * (SPARK_W - 2) + 1, 0, 1, SPARK_H);
  }

  /** _sparkHistory draws o's refcount history (true count dashed where it differs) on g. */
  _sparkHistory(g, o, th) {
    const h = o.refs, end = Math.max(this.store.end, 1);
    if (!h.n) return;
    let max = 1;
    for (let i = 0; i < h.n; i++) max = Math.max(max, h.value(0, i), h.value(1, i));
    const X = (t) => (t / end) * (SPARK_W - 2) + 1, Y = (v) => SPARK_H - 2 - (v / max) * (SPARK_H - 4);
    const line = (k, color, dash) => {
      g.strokeStyle = color; g.lineWidth = th.line; g.setLineDash(dash);
      g.beginPath();
      // one vertical stroke per pixel column: min..max of the samples in it
      let col = -1, lo = 0, hi = 0, last = h.value(k, 0);
      g.moveTo(X(h.t.a[0]), Y(last));
      for (let i = 0; i < h.n; i++) {
        const x = Math.floor(X(h.t.a[i])), v = h.value(k, i);
        if (x !== col) {
          if (col >= 0) { g.lineTo(col, Y(last)); g.moveTo(col, Y(lo)); g.lineTo(col, Y(hi)); g.moveTo(col, Y(last)); }
          g.lineTo(x, Y(last)); col = x; lo = hi = v;
        }
        lo = Math.min(lo, v); hi = Math.max(hi, v); last = v;
      }
      g.lineTo(col, Y(last)); g.moveTo(col, Y(lo)); g.lineTo(col, Y(hi)); g.moveTo(col, Y(last));
      g.lineTo(X(o.free >= 0 ? o.free : end), Y(last));
      g.stroke(); g.setLineDash([]);
    };
    line(0, th.text, []);
    let differs = false;
    for (let i = 0; i < h.n && !differs; i++) differs = h.value(0, i) !== h.value(1, i);
    if (differs) line(1, th.anomaly, [3, 2]);
  }

  // ---- bytecode ------------------------------------------------------------

  _bytecode(state) {
    const box = this.els.bytecode, st = this.store;
    const codes = st.code.filter(Boolean);
    if (!codes.length) { if (this._codeShown !== 0) { box.replaceChildren(el("p", "gs-muted", "No program compiled yet.")); this._codeShown = 0; } return; }
    if (!this.userCode) {
      const runner = state.threads.find((x) => (x.state === "running_gil" || x.state === "running") && st.code[x.code]) ||
        state.threads.find((x) => st.code[x.code]);
      this.code = runner ? runner.code : codes[0].id;
    }
    if (!st.code[this.code]) this.code = codes[0].id;
    if (this._codeShown !== this.code || this._codesKey !== codes.length) {
      this._codeShown = this.code; this._codesKey = codes.length;
      const title = el("p", "gs-muted", `${st.code[this.code].qualname || st.code[this.code].name}, line ${st.code[this.code].firstline}`);
      box.replaceChildren();
      const sel = el("select", "gs-code-select");
      sel.setAttribute("aria-label", "function");
      const follow = el("option", "", "the running thread's function");
      follow.value = "0";
      follow.selected = !this.userCode;
      sel.appendChild(follow);
      for (const c of codes) {
        const o = el("option", "", `${c.qualname || c.name} (line ${c.firstline})`);
        o.value = String(c.id);
        if (this.userCode && c.id === this.code) o.selected = true;
        sel.appendChild(o);
      }
      sel.addEventListener("change", () => this.selectCode(Number(sel.value)));
      box.append(sel, title);
      const list = el("table", "gs-table gs-dis");
      const body = el("tbody");
      this._insRows = [];
      let lastLine = -1;
      for (const ins of st.code[this.code].instructions || []) {
        const tr = el("tr");
        tr.append(el("td", "gs-marks"), el("td", "gs-num gs-muted", ins.line !== lastLine ? String(ins.line) : ""),
          el("td", "gs-num gs-muted", `${ins.target ? ">>" : ""}${ins.offset}`), el("td", "gs-op", ins.opname), el("td", "gs-arg", ins.argrepr || (ins.arg !== undefined && ins.arg !== null ? String(ins.arg) : "")));
        lastLine = ins.line;
        body.appendChild(tr);
        this._insRows.push(tr);
      }
      list.appendChild(body);
      box.appendChild(list);
    }
    for (const tr of this._insRows) if (tr.firstChild.firstChild) { tr.firstChild.replaceChildren(); tr.classList.remove("gs-current"); }
    for (const th of state.threads) {
      if (th.code !== this.code || th.pc < 0 || th.state === "done") continue;
      const ins = st.instr(th.code, th.pc);
      const idx = ins ? st.code[this.code].instructions.indexOf(ins) : -1;
      const tr = this._insRows[idx];
      if (!tr) continue;
      const b = el("span", "gs-badge", String(th.id));
      b.title = `${threadName(st, th.id)}: ${th.state.replace("_", " ")}`;
      b.style.background = threadColor(th.id, this.theme);
      tr.firstChild.appendChild(b);
      tr.classList.add("gs-current");
    }
  }

  // ---- statistics ----------------------------------------------------------

  /**
   * _stats shows the server's statistics of the run before their position (the
   * playhead's, a moment ago while playing). They are marked stale while the
   * position shown is before theirs (a backward seek the server has not answered
   * yet); the end's position is one past the last time the page shows.
   */
  _stats() {
    const box = this.els.stats, msg = this.store.serverStats;
    const stale = !!msg && msg.t > this.t + 1;
    if (msg === this._statsShown && stale === this._statsStale && this.theme === this._statsTheme) return;
    this._statsShown = msg; this._statsStale = stale; this._statsTheme = this.theme;
    box.replaceChildren();
    box.classList.toggle("gs-stale", stale);
    if (!msg) { delete box.dataset.t; delete box.dataset.figures; box.appendChild(el("p", "gs-muted", "The statistics come as the run plays.")); return; }
    box.dataset.t = String(msg.t);
    const f = statsFigures(msg.stats);
    // every figure shown, exactly, for the browser test that compares them with gilscope run --stats
    box.dataset.figures = JSON.stringify(f);
    if (f.summary) box.appendChild(el("p", "gs-summary", f.summary));
    box.appendChild(el("p", "", `${fmtDur(f.wall_ns)} simulated · GIL passed ${f.gil_switches} ${f.gil_switches === 1 ? "time" : "times"} (${f.gil_switches_per_sec.toFixed(1)}/s) · ${f.drop_requests} drop requests · ${f.forced_switches} forced switches · ${f.futile_wakeups} futile wake-ups`));
    if (f.holds) box.appendChild(el("p", "", `GIL held ${f.holds} times: median ${fmtDur(f.hold_p50_ns)}, longest ${fmtDur(f.hold_max_ns)}`));
    const t = table(["thread", "on CPU", "GIL wait", "core wait", "blocked", "holds", "median hold"]);
    for (const x of f.threads) {
      const tr = el("tr");
      const name = el("td", "gs-obj");
      const sw = el("span", "gs-badge", String(x.id));
      sw.style.background = threadColor(x.id, this.theme);
      name.append(sw, ` ${x.name}`);
      tr.append(name, ...x.ns.map((v) => el("td", "gs-num", fmtDur(v))), el("td", "gs-num", String(x.holds)), el("td", "gs-num", fmtDur(x.hold_p50_ns)));
      t.tBodies[0].appendChild(tr);
    }
    box.appendChild(t);
    const clock = (this.store.hello?.models || []).find((m) => m.name === this.store.model)?.clock;
    if (clock) box.appendChild(el("p", "gs-muted gs-clock", `Clock: ${clock}`));
    if (f.blocking.length) {
      const b = table(["blocked in", "calls", "median", "p99", "median until running", "p99 until running"]);
      for (const x of f.blocking) {
        const tr = el("tr");
        tr.append(el("td", "", x.reason || "?"), el("td", "gs-num", String(x.calls)), ...x.ns.map((v) => el("td", "gs-num", fmtDur(v))));
        b.tBodies[0].appendChild(tr);
      }
      box.appendChild(b);
    }
  }
}

/**
 * statsFigures picks the figures the statistics panel shows out of Go's Stats
 * (JSON); the panel shows exactly these.
 */
export function statsFigures(s) {
  return {
    summary: statsSummary(s), wall_ns: s.wall_ns, sequential_ns: s.sequential_ns || 0, gil_switches: s.gil_switches, gil_switches_per_sec: s.gil_switches_per_sec,
    drop_requests: s.drop_requests, forced_switches: s.forced_switches, futile_wakeups: s.futile_wakeups,
    holds: s.gil_holds.count, hold_p50_ns: s.gil_holds.p50_ns, hold_max_ns: s.gil_holds.max_ns,
    threads: (s.threads || []).map((x) => ({ id: x.id, name: x.name, ns: [x.cpu_ns, x.gil_wait_ns, x.runnable_ns, x.blocked_ns],
      holds: x.gil_holds.count, hold_p50_ns: x.gil_holds.p50_ns })),
    blocking: (s.blocking || []).map((x) => ({ reason: x.reason, calls: x.blocked.count,
      ns: [x.blocked.p50_ns, x.blocked.p99_ns, x.until_running.p50_ns, x.until_running.p99_ns] })),
  };
}

/**
 * statsSummary words Go's Stats (JSON) in a line: "3 threads: 1.02× the
 * sequential time", counting the threads that ran, the sequential time being
 * sequential_ns (the CPU time of all threads plus their waits for the outside
 * world).
 */
export function statsSummary(s) {
  const seq = s.sequential_ns || 0;
  if (!(seq > 0)) return "";
  const ran = (s.threads || []).filter((x) => x.cpu_ns > 0).length, ratio = s.wall_ns / seq;
  return `${ran} ${ran === 1 ? "thread" : "threads"}: ${ratio.toFixed(2)}× the sequential time` +
    (ratio > 0 && ratio < 0.9 ? ` (${(1 / ratio).toFixed(1)}× faster)` : "");
}
