// app.js is the entry module of the gilscope page (loaded with
// type="module", so it runs after the document is parsed, in strict mode).
// It wires the page shell together:
//
//   - Connection: one websocket to /ws speaking docs/protocol.md, which
//     reconnects and resumes a run where it was (the run message's "from");
//   - Side: one run on one connection and its RunStore (model.js). The page
//     has one side, or two when comparing models; every playback command
//     goes to both, so they play in step on one time axis;
//   - App: the editor (editor.js), the toolbar and shortcuts (controls.js),
//     the timeline and panels (timeline.js, panels.js), the output pane, the
//     share dialog (share.js), presentation mode and the embed view.
//
// The page opens on the link's workload (main[data-initial], from /s/{id}
// and /embed/{id}) or on the first example, paused at 0, focus outside the
// editor: Space plays. Browser tests wait for body[data-ready="1"] and read
// the body's data-* attributes (run, position, playing, ended), which
// render() keeps current.

import { Editor, threadColourClass } from "./editor.js";
import { Controls, bindKeys, DEFAULT_SPEED, formatTime } from "./controls.js";
import { ShareDialog, createShare } from "./share.js";
import { RunStore } from "./model.js";
import { Connection } from "./session.js";
import { Timeline, CompareTimeline } from "./timeline.js";
import { mountPanels } from "./panels.js";
import { Rooms } from "./room.js";

/** DEFAULT_RESOLUTION is the ns per pixel asked for before the timeline reports its zoom. */
const DEFAULT_RESOLUTION = 10000;


const byId = (id) => document.getElementById(id);

/**
 * Side is one run of the workload under one model: its connection, store
 * and playback state as the server last reported it.
 */
class Side {
  constructor(app, name) {
    this.app = app;
    this.name = name;
    this.store = new RunStore();
    this.conn = new Connection((m) => this.handle(m), (s) => app.setStatus(s));
    this.conn.onReconnect = () => this.resume();
    this.clear();
  }

  clear() {
    this.run = 0; // the server's number of the current run, once known
    this.minRun = Infinity; // messages of runs below this are stale
    this.seenRun = 0;
    this.t = 0;
    this.at = performance.now();
    this.playing = false;
    this.speed = DEFAULT_SPEED;
    this.simulated = 0;
    this.summary = null;
    this.error = null;
    this.outputs = [];
    this.exceptions = [];
  }

  /** start asks for a run of workload; paused keeps it at from (or 0). */
  start(workload, { paused, from, speed, resolution }) {
    this.workload = workload;
    const seen = this.seenRun;
    this.clear();
    this.seenRun = seen;
    this.minRun = seen + 1;
    this.t = from || 0;
    this.speed = speed;
    this.store.reset({ model: workload.model, cores: workload.cores, hello: this.app.hello });
    this.conn.resetQueue();
    const msg = { type: "run", workload, speed, resolution, paused: !!paused };
    if (from > 0) msg.from = from;
    this.lastRun = msg;
    this.conn.send(msg);
  }

  /** retry sends the last run again after seconds (the server was busy). */
  retry(seconds) {
    const msg = this.lastRun;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.lastRun !== msg) return; // replaced meanwhile
      this.minRun = this.seenRun + 1;
      this.conn.send(msg);
    }, seconds * 1000);
  }

  /** resume starts the run again on a new connection, from where playback was. */
  resume() {
    if (!this.workload) return;
    this.seenRun = 0;
    const playing = this.playing;
    this.start(this.workload, { paused: !playing, from: this.position(), speed: this.speed, resolution: this.app.resolution });
  }

  send(msg) {
    this.conn.send(msg);
  }

  /** position estimates where playback is now, between position messages. */
  position() {
    let t = this.t;
    if (this.playing && this.speed > 0) {
      t = Math.min(t + (this.speed * (performance.now() - this.at)) / 1000, Math.max(this.simulated, this.t));
    }
    return Math.min(t, this.end() || Infinity);
  }

  /** end is the run's last time, once known, else 0. */
  end() {
    return this.summary && typeof this.summary.end_time === "number" ? this.summary.end_time : 0;
  }

  handle(msg) {
    if (msg.type === "hello") return this.app.onHello(msg);
    if (typeof msg.run === "number") {
      if (msg.run > this.seenRun) this.seenRun = msg.run;
      if (msg.run < this.minRun || (this.run && msg.run < this.run)) return;
      if (msg.run !== this.run) {
        this.run = msg.run;
        this.store.reset({ run: msg.run, model: this.workload.model, cores: this.workload.cores, hello: this.app.hello });
      }
    }
    switch (msg.type) {
      case "compiled":
        this.store.handle(msg);
        break;
      case "events":
        for (const e of msg.events || []) {
          if (e.kind === "output") this.outputs.push(e);
          else if (e.kind === "exception") this.exceptions.push(e);
        }
        this.store.handle(msg);
        break;
      case "instr": // instructions at slow speeds; replaces what was held for [t0, t1)
        this.store.handle(msg);
        break;
      case "position":
        this.t = msg.t;
        this.at = performance.now();
        this.playing = !!msg.playing;
        if (typeof msg.speed === "number") this.speed = msg.speed;
        if (typeof msg.simulated === "number") this.simulated = msg.simulated;
        break;
      case "stats": // the run's statistics before msg.t, for the statistics panel
        this.store.handle(msg);
        break;
      case "end":
        this.summary = msg.summary || {};
        this.store.handle(msg);
        break;
      case "error": {
        const err = msg.error || { message: "error" };
        if (err.kind === "protocol") break; // a message of ours the server did not take; the run goes on
        if (err.retry_after > 0 && (err.kind === "busy" || err.kind === "limit")) {
          this.retry(err.retry_after);
          break;
        }
        this.error = err;
        this.playing = false; // a run that failed does not play
        this.t = this.position();
        break;
      }
    }
    this.app.changed(this, msg);
  }
}

/** App is the page. */
class App {
  constructor(main) {
    this.main = main;
    this.embed = main.classList.contains("embed");
    this.hello = null;
    this.stepKinds = new Set();
    this.models = [];
    this.examples = [];
    this.resolution = DEFAULT_RESOLUTION;
    this.speed = DEFAULT_SPEED;
    this.output = byId("output");
    this.status = byId("status");
    this.errorBox = byId("editor-error");
    this.sides = [];
    this.stepFrom = -1;
    this.renderedOutputs = -1;
    this.frame = 0;
    this.controls = new Controls(this.handlers());
    this.editor = this.embed ? null : new Editor(byId("editor"), {
      onRun: () => this.runNow(),
      onChange: () => this.edited(),
    });
    this.share = this.embed ? null : new ShareDialog();
    this.help = byId("help-dialog");
    this.canvas = byId("timeline");
    this.sides.push(new Side(this, "A"));
    this.mountTimeline();
    bindKeys(this.handlers());
    this.readURL();
    this.rooms = new Rooms(this);
  }

  handlers() {
    return {
      run: () => this.runNow(),
      togglePlay: () => this.togglePlay(),
      step: (mode) => this.step(mode),
      stepBack: () => this.stepBack(),
      restart: () => this.restart(),
      seek: (t) => this.seek(t),
      speed: (s) => this.setSpeed(s),
      faster: () => this.setSpeed(this.controls.nextSpeed(+1)),
      slower: () => this.setSpeed(this.controls.nextSpeed(-1)),
      home: () => this.seek(0),
      end: () => this.seek(this.endTime()),
      example: (id) => this.openExample(id, false),
      workloadChanged: () => this.runNow(),
      compare: (model) => this.setCompare(model),
      toggleEditor: () => this.toggleEditor(),
      togglePresent: () => this.togglePresent(),
      share: () => this.openShare(),
      help: () => this.openHelp(),
    };
  }

  // ---- timeline ---------------------------------------------------------------

  /** mountTimeline puts the single or the compare timeline on the canvas, and the panels under it. */
  mountTimeline() {
    if (this.timeline && this.timeline.destroy) this.timeline.destroy();
    const opts = {
      onHover: () => {},
      onSelect: (sel) => {
        this.selection = sel;
        if (this.panels) this.panels.explain(sel);
      },
      onView: (v) => this.viewChanged(v),
    };
    const [a, b] = this.sides;
    this.timeline = b ? new CompareTimeline(this.canvas, a.store, b.store, opts) : new Timeline(this.canvas, a.store, opts);
    if (this.theme) this.timeline.setTheme(this.theme);
    this.mountPanels(a.store);
    this.kick();
  }

  /** mountPanels shows store's statistics, objects and bytecode, and the explanation of the selection. */
  mountPanels(store) {
    if (this.panels) this.panels.destroy();
    this.panels = mountPanels({
      stats: byId("panel-stats"),
      objects: byId("panel-objects"),
      bytecode: byId("panel-bytecode"),
      explain: byId("panel-explain"),
    }, store, { theme: this.theme || "dark" });
    this.panels.explain(null);
  }

  /** viewChanged tells the server the timeline's zoom, so it merges what one pixel cannot show. */
  viewChanged({ t0, t1, resolution }) {
    this.view = { t0, t1 };
    const res = Math.max(1, Math.round(resolution));
    if (Math.abs(res - this.resolution) / this.resolution < 0.05) return;
    this.resolution = res;
    for (const s of this.sides) s.send({ type: "view", resolution: res });
  }

  // ---- runs -------------------------------------------------------------------

  /** workload returns the workload the editor and the toolbar describe. */
  workload() {
    const f = this.controls.workloadFields();
    const w = { ...(this.baseWorkload || {}), source: this.editor ? this.editor.value : this.baseWorkload.source };
    // An empty model is the server's default, which the hello names.
    w.model = f.model || w.model || this.controls.defaults.model || "";
    if (!this.embed) {
      w.cores = f.cores;
      w.seed = f.seed;
      if (f.switch_interval > 0) w.switch_interval = f.switch_interval;
      else delete w.switch_interval;
    }
    return w;
  }

  /** startRun runs the current workload on every side; paused leaves it at from (ns). */
  startRun({ paused = false, from = 0 } = {}) {
    const w = this.workload();
    this.baseWorkload = w;
    this.setError(null);
    this.renderedOutputs = -1;
    this.lastError = null;
    const models = [w.model, this.controls.compareModel].filter(Boolean);
    this.sides.forEach((side, i) => {
      side.start({ ...w, model: models[i] || w.model }, { paused, from, speed: this.speed, resolution: this.resolution });
    });
    if (this.timeline.follow) this.timeline.follow(true);
    this.setStatus("");
    this.kick();
  }

  runNow() {
    this.startRun({ paused: false });
  }

  changed(side, msg) {
    if (msg.type === "position" && side === this.leader && this.stepFrom >= 0 && !msg.playing && msg.t !== this.stepFrom) {
      this.stepFrom = -1;
      for (const s of this.sides.slice(1)) {
        s.send({ type: "seek", t: msg.t });
        s.t = msg.t;
        s.playing = false;
      }
    }
    if (msg.type === "error") this.showServerError(side, msg.error);
    this.kick();
  }

  onHello(msg) {
    if (this.hello) return;
    this.hello = msg;
    // ← stops at the kinds of event the server's step stops at.
    this.stepKinds = new Set(msg.step_kinds || []);
    this.controls.defaults = msg.defaults || {};
    this.models = msg.models || [];
    const keep = this.controls.workloadFields().model;
    this.controls.setModels(this.models);
    this.controls.setModel(keep);
  }

  // ---- playback ---------------------------------------------------------------

  /** all sends msg to every side. */
  all(msg) {
    for (const s of this.sides) s.send(msg);
  }

  get leader() {
    return this.sides[0];
  }

  togglePlay() {
    const a = this.leader;
    if (a.playing) {
      this.all({ type: "pause" });
      for (const s of this.sides) {
        s.t = s.position();
        s.playing = false;
      }
    } else {
      if (this.endTime() > 0 && a.position() >= this.endTime()) this.seek(0);
      this.playAll();
    }
    this.kick();
  }

  /** playAll starts every side playing, the timeline following the playhead. */
  playAll() {
    this.all({ type: "play" });
    for (const s of this.sides) {
      s.playing = true;
      s.at = performance.now();
    }
    if (this.timeline.follow) this.timeline.follow(true);
  }

  step(mode) {
    const a = this.leader;
    a.send(mode === "instruction" ? { type: "step", mode, thread: this.selectedThread() || 1 } : { type: "step", mode: "event" });
    a.t = a.position();
    a.playing = false;
    // The other side follows to the time the leader's step lands on (see changed).
    this.stepFrom = this.sides.length > 1 ? a.t : -1;
    for (const s of this.sides.slice(1)) s.send({ type: "pause" });
    this.kick();
  }

  stepBack() {
    const t = this.previousEventTime(this.leader.position());
    if (t >= 0) this.seek(t);
  }

  /** previousEventTime returns the time of the last event of interest before t, or -1. */
  previousEventTime(t) {
    const store = this.leader.store;
    let best = -1;
    for (const th of store.threads.values()) {
      // The thread's last state change before t starts the span holding t,
      // or, if that one starts at t or later, the span before it.
      const sp = th.spans;
      const i = sp.firstVisible(t);
      if (i < sp.n && sp.start[i] < t) best = Math.max(best, sp.start[i]);
      else if (i > 0) best = Math.max(best, sp.start[i - 1]);
    }
    for (let k = store.instants.length - 1; k >= 0; k--) {
      const e = store.instants[k];
      if (e.t < t && this.stepKinds.has(e.kind)) {
        best = Math.max(best, e.t);
        break;
      }
    }
    return best;
  }

  seek(t) {
    t = Math.max(0, Math.round(t));
    this.all({ type: "seek", t });
    for (const s of this.sides) {
      s.t = t;
      s.playing = false;
      s.at = performance.now();
    }
    if (this.timeline.follow) this.timeline.follow(false);
    this.kick();
  }

  restart() {
    this.seek(0);
    this.playAll();
    this.kick();
  }

  setSpeed(speed) {
    this.speed = speed;
    this.controls.setSpeed(speed);
    this.all({ type: "speed", speed });
    for (const s of this.sides) {
      s.t = s.position();
      s.at = performance.now();
      s.speed = speed;
    }
  }

  /** endTime is the time the slider ends at: the run's end, or how far the simulation has got. */
  endTime() {
    let end = 0;
    for (const s of this.sides) end = Math.max(end, s.end() || Math.max(s.simulated, s.store.end));
    return end;
  }

  /** selectedThread is the id of the thread selected on the timeline, or 0. */
  selectedThread() {
    const sel = this.selection;
    if (!sel) return 0;
    if (sel.lane && sel.lane.type === "thread") return sel.lane.id;
    return (sel.item && sel.item.thread) || 0;
  }

  // ---- compare ----------------------------------------------------------------

  /** setCompare runs the workload under model too, side by side; "" ends comparing. */
  setCompare(model) {
    while (this.sides.length > 1) this.sides.pop().conn.close();
    if (model) this.sides.push(new Side(this, "B"));
    document.body.classList.toggle("comparing", !!model);
    this.mountTimeline();
    this.startRun({ paused: false });
  }

  // ---- rendering --------------------------------------------------------------

  /** kick schedules a render on the next animation frame. */
  kick() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  render() {
    this.frame = 0;
    const a = this.leader;
    const t = a.position();
    const end = this.endTime();
    this.controls.setPlaying(a.playing);
    this.controls.setPosition(t, end);
    this.timeline.setPosition(t);
    this.timeline.draw();
    if (this.panels) this.panels.update(t);
    this.renderOutput(t);
    this.renderEditorMarks(t);
    this.renderEnd(t);
    const ds = document.body.dataset;
    ds.run = String(a.run);
    ds.position = String(Math.round(t));
    ds.playing = a.playing ? "1" : "0";
    ds.ended = a.summary ? "1" : "0";
    ds.events = String(a.store.eventCount);
    if (a.playing) this.kick();
  }

  /** renderOutput shows the program's output up to time t. */
  renderOutput(t) {
    if (!this.output) return;
    const outs = this.leader.outputs;
    let n = 0;
    while (n < outs.length && outs[n].t <= t) n++;
    if (n === this.renderedOutputs) return;
    const stick = this.output.scrollTop + this.output.clientHeight >= this.output.scrollHeight - 4;
    let from = this.renderedOutputs;
    if (from < 0 || n < from) {
      this.output.replaceChildren();
      from = 0;
    }
    for (let i = from; i < n; i++) {
      const e = outs[i];
      const span = document.createElement("span");
      span.className = e.stream === 2 ? "stderr" : "stdout";
      span.textContent = e.text;
      this.output.append(span);
    }
    this.renderedOutputs = n;
    if (stick) this.output.scrollTop = this.output.scrollHeight;
  }

  /** renderEditorMarks marks each thread's line at t, and a runtime error once playback reaches it. */
  renderEditorMarks(t) {
    if (!this.editor) return;
    const a = this.leader;
    const state = a.store.stateAt(t);
    const lines = [];
    for (const th of state.threads) {
      if (!(th.id > 0) || !th.state || th.state === "done") continue;
      const line = a.store.lineAt(th.id, t) || (th.code > 0 ? th.line : 0);
      if (line > 0) lines.push({ id: th.id, line });
    }
    this.editor.setThreadLines(lines);
    this.updateLegend(state.threads.filter((th) => th.id > 0));
    document.body.dataset.threads = state.threads.filter((th) => th.id > 0 && th.state).map((th) => th.id + ":" + th.state).join(" ");
    if (a.error) return;
    const ex = a.exceptions.filter((e) => e.t <= t).pop();
    if (ex !== this.lastException) {
      this.lastException = ex;
      this.setError(ex ? { line: ex.program_line || ex.line || 0, message: ex.error || "exception", kind: "runtime" } : null);
    }
  }

  /** updateLegend keeps the editor title's thread legend in the editor's colours. */
  updateLegend(threads) {
    const title = byId("editor-pane-title");
    if (!title) return;
    const key = threads.map((t) => t.id + t.name).join();
    if (key === this.legendKey) return;
    this.legendKey = key;
    let legend = title.querySelector(".legend");
    if (!legend) {
      legend = document.createElement("span");
      legend.className = "legend";
      title.append(legend);
    }
    legend.replaceChildren(...threads.map((th) => {
      const s = document.createElement("span");
      s.className = "thread-mark " + threadColourClass(th.id);
      s.textContent = th.id + " " + th.name;
      return s;
    }));
  }

  // ---- errors and status --------------------------------------------------------

  showServerError(side, err) {
    if (err.line && side === this.leader) {
      this.setError(err);
      this.setStatus((err.kind === "syntax" ? "Syntax error" : "Error") + " on line " + err.line + ": " + err.message);
    } else {
      this.setStatus((side.name === "B" ? "Compared run: " : "") + err.message);
    }
  }

  /** setError shows err ({line, message}) at its line in the editor, or clears it. */
  setError(err) {
    if (this.editor) this.editor.setError(err && err.line ? err : null);
    if (!this.errorBox) return;
    this.errorBox.hidden = !err;
    this.errorBox.textContent = err ? (err.line ? "Line " + err.line + ": " : "") + err.message : "";
    document.body.dataset.errorLine = err && err.line ? String(err.line) : "";
  }

  /** renderEnd says how the program ended once playback reaches its end, and takes it back on a seek before it. */
  renderEnd(t) {
    const a = this.leader;
    const text = a.summary && t >= a.end() ? endText(a.summary) : "";
    if (text === this.endText) return;
    if (text || (this.status && this.status.textContent === this.endText)) this.setStatus(text);
    this.endText = text;
  }

  setStatus(text) {
    if (this.status) this.status.textContent = text;
  }

  // ---- the page's modes -----------------------------------------------------------

  toggleEditor(on) {
    const hidden = on === undefined ? !document.body.classList.contains("editor-hidden") : on;
    document.body.classList.toggle("editor-hidden", hidden);
    this.controls.setPressed("toggle-editor", !hidden);
    this.writeURL();
    this.resized();
  }

  togglePresent(on) {
    const present = on === undefined ? !document.body.classList.contains("present") : on;
    document.body.classList.toggle("present", present);
    this.controls.setPressed("present", present);
    this.theme = present ? "contrast" : "dark";
    this.timeline.setTheme(this.theme);
    if (this.panels) this.panels.setTheme(this.theme);
    this.writeURL();
    this.resized();
  }

  /** resized redraws after the layout changed (the timeline measures its canvas). */
  resized() {
    window.dispatchEvent(new Event("resize"));
    this.kick();
  }

  /** readURL applies ?present=1 and ?code=0. */
  readURL() {
    const q = new URLSearchParams(location.search);
    if (q.get("present") === "1") this.togglePresent(true);
    if (q.get("code") === "0") this.toggleEditor(true);
  }

  /** writeURL keeps presentation mode and the hidden editor in the address, so a reload or a copied link keeps them. */
  writeURL() {
    const u = new URL(location.href);
    const set = (k, v) => (v ? u.searchParams.set(k, v) : u.searchParams.delete(k));
    set("present", document.body.classList.contains("present") ? "1" : "");
    set("code", document.body.classList.contains("editor-hidden") ? "0" : "");
    if (u.href !== location.href) history.replaceState(null, "", u.href);
  }

  openHelp() {
    if (this.help && !this.help.open) this.help.showModal();
  }

  openShare() {
    if (!this.share) return;
    const a = this.leader;
    const view = {
      t: Math.round(a.position()),
      zoom: this.resolution, // simulated ns per pixel
      speed: this.speed,
      present: document.body.classList.contains("present"),
    };
    const thread = this.selectedThread();
    if (thread) view.thread = thread;
    if (this.sides.length > 1 && this.controls.compareModel) view.compare = this.controls.compareModel;
    this.share.open(() => createShare(this.workload(), view));
  }

  // ---- opening ------------------------------------------------------------------

  /** edited notes that the program no longer is the example it was. */
  edited() {
    if (this.exampleSource !== undefined && this.editor.value !== this.exampleSource) this.controls.selectExample("");
  }

  /** openExample shows example id and runs it, paused at 0 if paused. */
  openExample(id, paused) {
    const ex = this.examples.find((e) => e.id === id);
    if (!ex) return;
    this.load(ex.workload);
    this.exampleSource = ex.workload.source;
    this.controls.selectExample(id);
    const u = new URL(location.href);
    if (u.pathname === "/") {
      u.searchParams.set("example", id);
      history.replaceState(null, "", u.href);
    }
    this.startRun({ paused });
  }

  /** load shows workload w in the editor and the toolbar. */
  load(w) {
    this.baseWorkload = { ...w };
    if (this.editor) this.editor.value = w.source || "";
    this.controls.setWorkloadFields(w);
  }

  /** open starts the page on the link's workload or on an example. */
  async open() {
    const initial = this.main.dataset.initial;
    if (initial) {
      this.openLink(JSON.parse(initial));
    } else {
      await this.openGallery();
    }
    this.rooms.mount(); // on /r/{code}, follows the room's presenter
    document.body.dataset.ready = "1";
  }

  openLink(link) {
    const view = link.view || {};
    this.load(link.workload || {});
    this.controls.selectExample("");
    if (view.speed !== undefined) {
      this.speed = view.speed;
      this.controls.setSpeed(view.speed);
    }
    if (view.present && !this.embed) this.togglePresent(true);
    if (view.thread) this.selection = { lane: { type: "thread", id: view.thread } };
    if (view.compare && !this.embed) {
      // the second model plays beside the first, as when the link was made
      this.controls.compareModel = view.compare;
      this.sides.push(new Side(this, "B"));
      document.body.classList.add("comparing");
      this.mountTimeline();
    }
    if (view.zoom > 0) {
      // zoom is ns per pixel: the same span over this canvas's plot width, centred on t.
      const tl = this.timeline;
      const plotWidth = (tl.t1 - tl.t0) / tl.resolution();
      const span = view.zoom * plotWidth;
      const t0 = Math.max(0, (view.t || 0) - span / 2);
      tl.setView(t0, t0 + span);
      tl.follow(false);
    }
    this.startRun({ paused: true, from: view.t || 0 });
    if (this.embed && link.id) this.addOpenLink("/s/" + encodeURIComponent(link.id));
    if (link.stale) {
      this.setStatus("This link was made with simulator " + (link.simulator || "of another version") +
        "; today's simulator may draw a slightly different timeline.");
    }
  }

  /** addOpenLink puts a link to the full playground in the embed view's toolbar. */
  addOpenLink(href) {
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    a.className = "open-link";
    a.textContent = "Open in gilscope";
    document.querySelector(".controls .view").prepend(a);
  }

  async openGallery() {
    try {
      const res = await fetch("/api/examples");
      if (!res.ok) throw new Error(res.status + " " + res.statusText);
      this.examples = await res.json();
    } catch (err) {
      this.setStatus("Could not load the examples: " + err.message);
      this.examples = [];
    }
    this.controls.setExamples(this.examples, "");
    const want = new URLSearchParams(location.search).get("example");
    const ex = this.examples.find((e) => e.id === want) || this.examples[0];
    if (ex && !Rooms.isFollowerPage()) this.openExample(ex.id, true); // a room's page runs what its presenter runs
  }
}

/** endText words an end summary: "Program exited with 0 after 22.393 ms of simulated time." */
function endText(summary) {
  const how = summary.end === "exit" || !summary.end ? "exited with " + (summary.exit_code ?? 0) : "ended: " + summary.end;
  return "Program " + how + " after " + formatTime(summary.end_time || 0) + " of simulated time.";
}

/**
 * start wires up the page. It must not throw: any uncaught error fails the
 * browser tests.
 */
function start() {
  const main = document.querySelector("main.playground");
  if (!main) {
    document.body.dataset.ready = "1"; // another page (404)
    return;
  }
  const app = new App(main);
  window.gilscopeApp = app; // a hook for the browser tests, which drive runs without playing them in real time
  app.open();
}

start();
