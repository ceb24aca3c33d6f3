// tour.js is the entry module of the guided tour (/tour and /tour/{n}).
//
// A chapter page (main[data-chapter], examples.Chapter as JSON) goes through
// phases: "question" (the prediction: choices or a slider), optionally
// "voting" (in a room: the class answers, the presenter sees the counts),
// "running" (the program runs over the websocket, docs/protocol.md, and plays
// on the playground's timeline: model.js, timeline.js, panels.js) and
// "revealed" (the verdict, the claims the tests check, the real figures, the
// explanation, the highlighted event and the variations to try).
//
// The tour's state is {n, phase, choice, counts}. Every change is announced
// as a "tour:state" event on document (detail: the state), and a
// "tour:apply" event (detail: part of a state) changes it from outside: a
// room can broadcast the presenter's state and feed the class's counts back
// without this module knowing about rooms.
//
// Progress (which chapters were answered, and how) is kept in localStorage.
// Browser tests read body[data-ready|phase|answer|highlight].

import { RunStore, STATES, threadName } from "./model.js";
import { explain } from "./explain.js";
import { Connection } from "./session.js";
import { Timeline } from "./timeline.js";
import { mountPanels } from "./panels.js";
import { mountTourRoom } from "./tourroom.js";

/** STORAGE is the localStorage key of the progress. */
const STORAGE = "gilscope.tour.v1";

/**
 * PLAYBACK_MS is how long the cursor takes to sweep a finished run; with
 * reduced motion asked for, the run is shown at once.
 */
const PLAYBACK_MS = 2000;
const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

const byId = (id) => document.getElementById(id);

/** loadProgress returns {chapters: {n: {correct, choice}}}. */
export function loadProgress() {
  try {
    const p = JSON.parse(localStorage.getItem(STORAGE) || "{}");
    if (p && typeof p.chapters === "object") return p;
  } catch {
    // unreadable: start again
  }
  return { chapters: {} };
}

function saveProgress(p) {
  try {
    localStorage.setItem(STORAGE, JSON.stringify(p));
  } catch {
    // storage full or refused: progress is a convenience
  }
}

/** el makes an element with a class and text. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** setupText words a setup over the chapter's: "cpython-2.7, 1 core". */
function setupText(s) {
  const parts = [s.model];
  parts.push(s.cores + (s.cores === 1 ? " core" : " cores"));
  if (s.seed && s.seed !== 1) parts.push("seed " + s.seed);
  if (s.switch_interval) parts.push("switch interval " + s.switch_interval * 1000 + " ms");
  return parts.join(", ");
}

/** over returns setup a with b's non-zero fields (examples.Setup.Over). */
function over(a, b) {
  const s = { ...a };
  for (const k of ["model", "cores", "seed", "switch_interval"]) if (b && b[k]) s[k] = b[k];
  return s;
}

/** present toggles presentation mode and keeps it in the address. */
function setPresent(on) {
  document.body.classList.toggle("present", on);
  for (const b of document.querySelectorAll(".tour-present")) b.setAttribute("aria-pressed", String(on));
  const u = new URL(location.href);
  if (on) u.searchParams.set("present", "1");
  else u.searchParams.delete("present");
  history.replaceState(null, "", u);
  for (const a of document.querySelectorAll(".tour-nav a, .tour-toc a")) {
    const h = new URL(a.href);
    if (on) h.searchParams.set("present", "1");
    else h.searchParams.delete("present");
    a.href = h.pathname + h.search;
  }
}

/** go opens a tour address, keeping presentation mode. */
function go(path) {
  location.href = path + (document.body.classList.contains("present") ? "?present=1" : "");
}

/** typing reports whether a key event belongs to a field or the timeline. */
function typing(ev) {
  const t = ev.target;
  return t && (t.isContentEditable || t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "range") || t.tagName === "SELECT");
}

/**
 * Runner runs workloads over one Connection (session.js) and feeds a RunStore; done(summary)
 * is called once the run has ended and every event has arrived.
 */
class Runner {
  constructor(store, { onDone, onStatus }) {
    this.store = store;
    this.onDone = onDone;
    this.onStatus = onStatus;
    this.seenRun = 0;
    this.minRun = Infinity;
    this.conn = new Connection((msg) => this.handle(msg), (text) => this.onStatus(text));
    this.conn.onReconnect = () => { if (this.workload && !this.finished) this.start(this.workload, this.resolution); };
  }

  start(workload, resolution) {
    this.workload = workload;
    this.run = 0;
    this.minRun = this.seenRun + 1;
    this.summary = null;
    this.finished = false;
    this.resolution = resolution;
    this.store.reset({ model: workload.model, cores: workload.cores });
    this.conn.resetQueue();
    this.conn.send({ type: "run", workload, speed: 0, resolution: Math.max(1, Math.round(resolution)) });
  }

  handle(msg) {
    if (msg.type === "hello") return;
    if (typeof msg.run === "number") {
      this.seenRun = Math.max(this.seenRun, msg.run);
      if (msg.run < this.minRun) return;
      if (msg.run !== this.run) {
        this.run = msg.run;
        this.store.reset({ run: msg.run, model: this.workload.model, cores: this.workload.cores });
      }
    }
    switch (msg.type) {
      case "compiled": case "events": case "stats":
        this.store.handle(msg);
        break;
      case "end":
        this.summary = msg.summary || {};
        this.store.handle(msg);
        break;
      case "position":
        break;
      case "error": {
        const err = msg.error || {};
        if (err.kind === "protocol") break;
        if (err.retry_after > 0) {
          this.onStatus("The server is busy; trying again in " + err.retry_after + " s…");
          setTimeout(() => this.start(this.workload, 1e4), err.retry_after * 1000);
          break;
        }
        this.onStatus("The run failed: " + (err.message || "error"));
        return;
      }
    }
    const s = this.summary;
    if (s && !this.finished && (msg.type === "position" && msg.t >= (s.end_time || 0) || this.store.end > (s.end_time || 0))) {
      this.finished = true;
      this.onDone(s);
    }
  }
}

/** Tour is a chapter page. */
class Tour {
  constructor(main) {
    this.ch = JSON.parse(main.dataset.chapter);
    this.progress = loadProgress();
    this.state = { n: this.ch.n, phase: "question", choice: null, counts: null };
    this.store = new RunStore();
    this.canvas = byId("timeline");
    this.timeline = null;
    this.runner = new Runner(this.store, { onDone: (s) => this.ran(s), onStatus: (t) => this.status(t) });
    this.buildQuestion();
    this.bind();
    document.addEventListener("tour:apply", (ev) => this.apply(ev.detail || {}));
    this.render();
  }

  // ---- state -------------------------------------------------------------------

  /**
   * apply changes the state from outside (a room): {phase, choice, counts}, and
   * hold (a follower's page: answering waits for the presenter's "running").
   */
  apply(patch) {
    if (patch.n && patch.n !== this.ch.n) return go("/tour/" + patch.n);
    if (patch.hold !== undefined) this.hold = patch.hold;
    if (patch.counts) this.state.counts = patch.counts.slice();
    if (patch.choice !== undefined && patch.choice !== null) this.choose(patch.choice, true);
    if (patch.phase === "voting" && this.state.phase === "question") this.set({ phase: "voting" });
    else if (patch.phase === "running" || patch.phase === "revealed") {
      this.hold = false;
      this.answer(this.state.choice);
    } else this.render();
  }

  set(patch) {
    Object.assign(this.state, patch);
    this.render();
    document.dispatchEvent(new CustomEvent("tour:state", { detail: { ...this.state } }));
  }

  render() {
    const ds = document.body.dataset;
    ds.phase = this.state.phase;
    const q = this.state.phase === "question" || this.state.phase === "voting";
    byId("tour-submit").disabled = !q || (this.state.choice === null && !this.ch.question.slider);
    byId("tour-skip").disabled = !q;
    byId("tour-run").hidden = q;
    byId("tour-wait").hidden = !(this.hold && this.state.phase === "voting");
    this.renderVotes();
  }

  /** renderVotes draws the class's answers as bars (counts only). */
  renderVotes() {
    const box = byId("tour-votes");
    const counts = this.state.counts;
    box.hidden = !counts;
    if (!counts) return;
    box.replaceChildren();
    const labels = this.ch.question.choices || counts.map((_, i) => String(i));
    const max = Math.max(1, ...counts);
    counts.forEach((c, i) => {
      const row = el("div", "tour-vote");
      row.append(el("span", "tour-vote-label", labels[i] || String(i)));
      const bar = el("span", "tour-vote-bar");
      bar.style.width = (100 * c) / max + "%";
      row.append(bar, el("span", "tour-vote-count", String(c)));
      box.append(row);
    });
  }

  status(text) { byId("tour-status").textContent = text; }

  // ---- the question ------------------------------------------------------------

  buildQuestion() {
    const q = this.ch.question;
    byId("tour-prompt").textContent = q.prompt;
    const box = byId("tour-answer");
    box.replaceChildren();
    if (q.slider) {
      const s = q.slider;
      const input = el("input");
      Object.assign(input, { type: "range", id: "tour-slider", min: s.min, max: s.max, step: s.step });
      input.value = String(s.min);
      input.setAttribute("aria-labelledby", "tour-prompt");
      const out = el("output", "tour-slider-value", s.min + (s.unit ? " " + s.unit : ""));
      out.htmlFor = "tour-slider";
      input.addEventListener("input", () => {
        out.textContent = input.value + (s.unit ? " " + s.unit : "");
        this.state.choice = Number(input.value);
      });
      this.state.choice = s.min;
      box.append(input, out);
      this.focusTarget = input;
      return;
    }
    const list = el("div", "tour-choices");
    list.setAttribute("role", "radiogroup");
    list.setAttribute("aria-labelledby", "tour-prompt");
    this.choiceButtons = q.choices.map((c, i) => {
      const b = el("button", "tour-choice");
      b.type = "button";
      b.setAttribute("role", "radio");
      b.setAttribute("aria-checked", "false");
      b.tabIndex = i === 0 ? 0 : -1;
      b.append(el("kbd", "", String(i + 1)), document.createTextNode(" " + c));
      b.addEventListener("click", () => this.choose(i));
      list.append(b);
      return b;
    });
    box.append(list);
    this.focusTarget = this.choiceButtons[0];
  }

  choose(i, quiet) {
    const q = this.ch.question;
    if (q.slider) {
      const input = byId("tour-slider");
      input.value = String(i);
      input.dispatchEvent(new Event("input"));
      return;
    }
    if (i < 0 || i >= q.choices.length) return;
    this.choiceButtons.forEach((b, j) => {
      b.setAttribute("aria-checked", String(i === j));
      b.tabIndex = i === j ? 0 : -1;
    });
    this.choiceButtons[i].focus();
    if (quiet) this.state.choice = i;
    else this.set({ choice: i });
    this.render();
  }

  /** answer records the prediction (null: skipped) and starts the run. */
  answer(choice) {
    if (this.state.phase === "running" || this.state.phase === "revealed") return;
    if (this.hold) { // in a room: the presenter starts the run
      this.set({ choice, phase: "voting" });
      return;
    }
    const q = this.ch.question;
    const correct = choice === null ? null : q.slider
      ? Math.abs(choice - q.slider.answer) <= Math.max(q.slider.tolerance, q.slider.step / 2) + 1e-9
      : choice === q.answer;
    this.verdict = { choice, correct };
    if (choice !== null) {
      this.progress.chapters[this.ch.n] = { choice, correct };
      saveProgress(this.progress);
    }
    document.body.dataset.answer = choice === null ? "skipped" : correct ? "right" : "wrong";
    this.set({ phase: "running", choice });
    this.runSetup({}, null);
  }

  // ---- the run -----------------------------------------------------------------

  /** runSetup runs the chapter's program with setup over the chapter's; variation is the try-next entry, if any. */
  runSetup(setup, variation) {
    this.variation = variation;
    const s = over(this.ch.setup, setup);
    const workload = { source: this.ch.source, model: s.model, cores: s.cores, seed: s.seed, max_time: this.ch.max_time };
    if (s.switch_interval) workload.switch_interval = s.switch_interval;
    this.workload = workload;
    byId("tour-run").hidden = false;
    if (!this.timeline) this.mountTimeline();
    cancelAnimationFrame(this.anim);
    delete document.body.dataset.highlight;
    this.status((variation ? variation.question + " " : "") + "Running under " + setupText(s) + "…");
    byId("tour-output").textContent = "";
    byId("tour-highlight").replaceChildren();
    this.runner.start(workload, (this.timeline && this.timeline.resolution()) || 1e4);
  }

  mountTimeline() {
    const theme = () => (document.body.classList.contains("present") ? "contrast" : "dark");
    this.timeline = new Timeline(this.canvas, this.store, {
      onSelect: (sel) => this.panels.explain(sel),
      onHover: () => {},
      onView: () => {},
    });
    this.timeline.setTheme(theme());
    this.panels = mountPanels({ explain: byId("panel-explain") }, this.store, { theme: theme() });
    this.themeOf = theme;
  }

  setTheme() {
    if (!this.timeline) return;
    this.timeline.setTheme(this.themeOf());
    this.panels.setTheme(this.themeOf());
  }

  /** ran plays the finished run: the cursor sweeps it, then the reveal. */
  ran(summary) {
    const end = Math.max(summary.end_time || 0, 1);
    byId("tour-output").textContent = (summary.stdout || "") + (summary.stderr || "");
    this.stdout = summary.stdout || "";
    this.timeline.fit();
    const t0 = performance.now();
    const step = () => {
      const f = reducedMotion() ? 1 : Math.min(1, (performance.now() - t0) / PLAYBACK_MS);
      this.timeline.setPosition(f * end);
      this.panels.update(f * end);
      if (f < 1) this.anim = requestAnimationFrame(step);
      else this.reveal(summary);
    };
    this.status("Playing the run: " + setupText(over(this.ch.setup, this.lastSetup())) + ".");
    this.anim = requestAnimationFrame(step);
  }

  lastSetup() { return { model: this.workload.model, cores: this.workload.cores, seed: this.workload.seed, switch_interval: this.workload.switch_interval }; }

  // ---- the reveal --------------------------------------------------------------

  reveal(summary) {
    const how = summary.end === "exit" || !summary.end ? "exited with " + (summary.exit_code ?? 0) : "ended: " + summary.end;
    this.status("Under " + setupText(this.lastSetup()) + " the program " + how + " after " + ((summary.end_time || 0) / 1e6).toFixed(2) + " ms of simulated time" +
      (this.variation ? " — " + this.variation.question : "."));
    this.highlight();
    if (this.state.phase === "revealed") return;
    this.fillReveal();
    byId("tour-reveal").hidden = false;
    byId("tour-next").hidden = false;
    this.set({ phase: "revealed" });
  }

  fillReveal() {
    const q = this.ch.question, v = this.verdict || { choice: null };
    const right = q.slider ? q.slider.answer + (q.slider.unit ? " " + q.slider.unit : "") : q.choices[q.answer];
    let said;
    if (v.choice === null) said = "You skipped the question. ";
    else said = "You answered " + (q.slider ? v.choice + (q.slider.unit ? " " + q.slider.unit : "") : "“" + q.choices[v.choice] + "”") +
      (v.correct ? ": right. " : ": not quite. ");
    byId("tour-verdict").textContent = said + "The simulation says: " + right + ".";
    const claims = byId("tour-claims");
    claims.replaceChildren();
    const own = (c) => !c.versus && !Object.values(c.setup || {}).some(Boolean);
    for (const c of this.ch.claims) {
      const li = el("li", "", c.text + " ");
      const x = own(c) ? printed(c.metric, this.stdout) : null;
      if (x !== null) li.append(el("strong", "tour-measured", "this run: " + +x.toPrecision(4) + " "));
      li.append(el("span", "tour-setup", setupText(over(this.ch.setup, c.setup)) + (c.versus ? " vs " + setupText(over(this.ch.setup, c.versus)) : "")));
      claims.append(li);
    }
    const real = byId("tour-real");
    real.replaceChildren();
    if (this.ch.real && this.ch.real.length) {
      real.append(el("h4", "", "Real CPython"));
      const tbl = el("table", "tour-figures");
      for (const f of this.ch.real) {
        const tr = el("tr");
        tr.append(el("td", "", f.says), el("td", "tour-num", String(f.median)),
          el("td", "tour-muted", "(" + f.range[0] + "–" + f.range[1] + ")"), el("td", "tour-muted", f.model + ", " + f.cores + " cores"));
        tbl.append(tr);
      }
      real.append(tbl, el("p", "tour-muted", "Medians of " + this.ch.real[0].source + "."));
    }
    const why = byId("tour-why");
    why.replaceChildren();
    for (const p of this.ch.why) why.append(el("p", "", p));
    this.buildVariations();
  }

  buildVariations() {
    const list = byId("tour-variations");
    list.replaceChildren();
    this.ch.try_next.forEach((v, i) => {
      const li = el("li");
      const b = el("button", "tour-variation");
      b.type = "button";
      b.append(el("kbd", "", String(i + 1)), document.createTextNode(" " + v.label));
      b.addEventListener("click", () => this.runSetup(v.setup, v));
      li.append(b, el("span", "tour-variation-q", " " + v.question));
      list.append(li);
    });
    const back = el("li");
    const b = el("button", "tour-variation");
    b.type = "button";
    b.append(el("kbd", "", "0"), document.createTextNode(" The chapter's run"));
    b.addEventListener("click", () => this.runSetup({}, null));
    back.append(b);
    list.append(back);
  }

  /** highlight points the timeline at the chapter's event and shows its explanation. */
  highlight() {
    const h = this.ch.highlight;
    const found = findHighlight(this.store, h);
    const box = byId("tour-highlight");
    box.replaceChildren();
    if (!found) {
      box.append(el("p", "tour-muted", "This run has no " + (h.kind === "span" ? h.state + " span" : h.kind.replace(/_/g, " ")) + " to point at."));
      document.body.dataset.highlight = "none";
      return;
    }
    const { lane, item, t } = found;
    const tl = this.timeline;
    const w = Math.max((tl.t1 - tl.t0) / 8, 2000);
    tl.setView(Math.max(0, t - w / 2), t + w / 2);
    tl.setPosition(t);
    tl.selected = { lane, item };
    tl.requestDraw();
    const text = explain(this.store, item);
    this.panels.explain({ t, lane, item, store: this.store, text });
    box.append(el("strong", "", "Look here: "), document.createTextNode(h.say + " The timeline's explanation of it is below."));
    document.body.dataset.highlight = h.kind;
  }

  // ---- keys and buttons ----------------------------------------------------------

  bind() {
    byId("tour-submit").addEventListener("click", () => this.answer(this.state.choice));
    byId("tour-skip").addEventListener("click", () => this.answer(null));
    byId("tour-playground").addEventListener("click", () => this.openPlayground());
    document.addEventListener("keydown", (ev) => this.key(ev));
    setTimeout(() => this.focusTarget && this.focusTarget.focus(), 0);
  }

  key(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev)) return;
    const k = ev.key, phase = this.state.phase, q = phase === "question" || phase === "voting";
    const onCanvas = ev.target === this.canvas;
    if (k === "n" || k === "p") {
      const a = document.querySelector(k === "n" ? ".tour-next-link" : ".tour-prev");
      if (a) { ev.preventDefault(); location.href = a.href; }
      return;
    }
    if (onCanvas) return; // the timeline's own keys
    if (k === "P") { ev.preventDefault(); setPresent(!document.body.classList.contains("present")); this.setTheme(); return; }
    if (q && !this.ch.question.slider) {
      const n = this.ch.question.choices.length, cur = this.state.choice ?? -1;
      if (/^[1-9]$/.test(k) && Number(k) <= n) { ev.preventDefault(); this.choose(Number(k) - 1); return; }
      if (k === "ArrowDown" || k === "ArrowRight") { ev.preventDefault(); this.choose((cur + 1) % n); return; }
      if (k === "ArrowUp" || k === "ArrowLeft") { ev.preventDefault(); this.choose((cur - 1 + n) % n); return; }
    }
    if (q && k === "Enter" && (ev.target.tagName !== "BUTTON" || ev.target.classList.contains("tour-choice"))) {
      if (this.state.choice !== null) { ev.preventDefault(); this.answer(this.state.choice); }
      return;
    }
    if (q && k === "s") { ev.preventDefault(); this.answer(null); return; }
    if (phase === "revealed" && /^[0-9]$/.test(k)) {
      const i = Number(k);
      if (i === 0) { ev.preventDefault(); this.runSetup({}, null); return; }
      const v = this.ch.try_next[i - 1];
      if (v) { ev.preventDefault(); this.runSetup(v.setup, v); }
    }
  }

  async openPlayground() {
    const s = over(this.ch.setup, {});
    const workload = this.workload || { source: this.ch.source, model: s.model, cores: s.cores, seed: s.seed, max_time: this.ch.max_time };
    try {
      const { createShare } = await import("./share.js");
      const { url } = await createShare(workload);
      location.href = url;
    } catch (err) {
      this.status(err.message);
    }
  }
}

/**
 * printed evaluates a claim's metric when the program's output gives it
 * ("out:NAME", or a ratio of two): the number after NAME on the line that
 * starts with NAME and a space. Other metrics (statistics, events) are the
 * tests' to check; it returns null for them.
 */
export function printed(metric, stdout) {
  const parts = metric.split("/");
  if (parts.length > 2 || !parts.every((p) => p.startsWith("out:"))) return null;
  const vals = parts.map((p) => {
    const name = p.slice(4);
    const line = stdout.split("\n").find((l) => l.startsWith(name + " "));
    return line === undefined ? NaN : Number(line.slice(name.length + 1).trim());
  });
  const x = vals.length === 2 ? vals[0] / vals[1] : vals[0];
  return Number.isFinite(x) ? x : null;
}

/** eventWords is what a hint's text is matched against: the words an event carries (as examples/tour_test.go's eventText). */
function eventWords(e) {
  return e.text || e.error || e.cause || e.note || e.name || e.type || "";
}

/**
 * findHighlight finds what h names in store: the first event of h.kind whose
 * text contains h.text, or with kind "span" the first span of a thread in
 * h.state (and h.reason); with h.thread, only those of a thread whose name
 * contains it. It returns {lane, item, t} for the timeline, or null.
 */
export function findHighlight(store, h) {
  const named = (id) => !h.thread || threadName(store, id).includes(h.thread);
  if (h.kind === "span") {
    const want = STATES.indexOf(h.state);
    for (const th of [...store.threads.values()].sort((a, b) => a.id - b.id)) {
      if (!named(th.id)) continue;
      const sp = th.spans;
      for (let i = 0; i < sp.n; i++) {
        const span = sp.span(i, store.end);
        if (span.kind !== want || (h.reason && store.reasons[span.b] !== h.reason)) continue;
        return { lane: { type: "thread", id: th.id, store, si: 0 }, item: { thread: th.id, span }, t: (span.start + Math.min(span.end, store.end)) / 2 };
      }
    }
    return null;
  }
  const e = store.instants.find((x) => x.kind === h.kind && (!h.text || eventWords(x).includes(h.text)) && named(x.thread));
  if (!e) return null;
  const thread = e.thread > 0 ? e.thread : Math.min(...store.threads.keys());
  return { lane: { type: "thread", id: thread, store, si: 0 }, item: { event: e }, t: e.t };
}

/** Index is the table of contents, marked with the progress. */
function startIndex() {
  const progress = loadProgress();
  const items = [...document.querySelectorAll("#tour-toc li")];
  let next = null;
  for (const li of items) {
    const p = progress.chapters[li.dataset.n];
    const mark = li.querySelector(".tour-mark");
    if (p) {
      mark.textContent = p.correct ? "✓ answered right" : "✗ answered";
      li.classList.add("done");
    } else if (!next) next = li;
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev)) return;
    if (ev.key === "P") { ev.preventDefault(); setPresent(!document.body.classList.contains("present")); return; }
    if (/^[1-9]$/.test(ev.key) && items[Number(ev.key) - 1]) { ev.preventDefault(); go("/tour/" + ev.key); return; }
    if ((ev.key === "Enter" || ev.key === "n") && document.activeElement === document.body) {
      ev.preventDefault();
      go("/tour/" + (next || items[0]).dataset.n);
    }
  });
}

/** start wires up the page; it must not throw (browser tests fail on any error). */
function start() {
  if (new URLSearchParams(location.search).get("present") === "1") setPresent(true);
  const main = document.querySelector("main.tour");
  if (main && main.dataset.chapter) {
    const tour = new Tour(main);
    const q = tour.ch.question;
    mountTourRoom({ n: tour.ch.n, choices: q.slider ? 0 : q.choices.length });
    tour.set({}); // announce the state the room starts from
    for (const b of document.querySelectorAll(".tour-present")) {
      b.addEventListener("click", () => { setPresent(!document.body.classList.contains("present")); tour.setTheme(); });
    }
  } else if (main) {
    startIndex();
  }
  document.body.dataset.ready = "1";
}

start();
