// controls.js defines Controls, the toolbar of the playground (the markup is
// in web/playground.templ; this module fills and reads it), and the
// keyboard shortcuts of the whole page, which the help overlay lists.
//
// Controls never talks to the server: every user action becomes a call of
// one of the handlers app.js passes in, and app.js tells Controls what to
// show (setPlaying, setPosition, …).

/** SPEEDS are the playback speeds offered, in simulated ns per real second; 0 is "as fast as possible". */
export const SPEEDS = [2e3, 1e4, 1e5, 1e6, 2e6, 5e6, 1e7, 1e8, 1e9, 0];

/** DEFAULT_SPEED plays a typical gallery example (tens of ms) in a few seconds. */
export const DEFAULT_SPEED = 5e6;

/** formatTime renders simulated nanoseconds for people: "12.5 ms". */
export function formatTime(ns) {
  const a = Math.abs(ns);
  if (a >= 1e9) return (ns / 1e9).toFixed(3) + " s";
  if (a >= 1e6) return (ns / 1e6).toFixed(3) + " ms";
  if (a >= 1e3) return (ns / 1e3).toFixed(1) + " µs";
  return Math.round(ns) + " ns";
}

/** formatSpeed renders a speed: "5 ms/s", or "max". */
export function formatSpeed(speed) {
  if (speed === 0) return "max";
  if (speed === 1e9) return "real time";
  return formatTime(speed).replace(/\.0+ /, " ").replace(/(\.\d*?)0+ /, "$1 ") + "/s";
}

const byId = (id) => document.getElementById(id);

// option returns a new <option>.
function option(value, text, title) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  if (title) o.title = title;
  return o;
}

/**
 * Controls wraps the toolbar. handlers: {run, togglePlay, step, restart,
 * seek(t), speed(s), example(id), workloadChanged(), compare(model),
 * toggleEditor, togglePresent, share, help}. Missing elements (the embed
 * view has no workload fields) are skipped.
 */
export class Controls {
  constructor(handlers) {
    this.h = handlers;
    /** defaults are the workload's defaults ({model, cores}), from the server's hello. */
    this.defaults = {};
    this.el = {};
    for (const id of ["example", "model", "cores", "switch-interval", "seed", "compare", "run", "play",
      "step", "restart", "speed", "seek", "time", "toggle-editor", "present", "share", "help"]) {
      this.el[id] = byId(id);
    }
    this.speed = DEFAULT_SPEED;
    this.max = 0;
    this.fillSpeeds();
    this.listen();
  }

  listen() {
    const on = (id, type, fn) => this.el[id] && this.el[id].addEventListener(type, fn);
    on("run", "click", () => this.h.run());
    on("play", "click", () => this.h.togglePlay());
    on("step", "click", () => this.h.step("event"));
    on("restart", "click", () => this.h.restart());
    on("speed", "change", () => this.h.speed(Number(this.el.speed.value)));
    on("seek", "input", () => this.h.seek(Number(this.el.seek.value)));
    on("example", "change", () => this.h.example(this.el.example.value));
    on("compare", "change", () => this.h.compare(this.el.compare.value));
    for (const id of ["model", "cores", "switch-interval", "seed"]) on(id, "change", () => this.h.workloadChanged());
    on("toggle-editor", "click", () => this.h.toggleEditor());
    on("present", "click", () => this.h.togglePresent());
    on("share", "click", () => this.h.share());
    on("help", "click", () => this.h.help());
  }

  fillSpeeds() {
    const s = this.el.speed;
    for (const v of SPEEDS) s.append(option(String(v), formatSpeed(v)));
    s.value = String(this.speed);
  }

  /** setExamples fills the example picker with [{id, title, description}]. */
  setExamples(list, selected) {
    const s = this.el.example;
    if (!s) return;
    s.replaceChildren(option("", "your program"));
    for (const e of list) s.append(option(e.id, e.title, e.description));
    s.value = selected || "";
  }

  /** selectExample shows id (or "" for an edited program) as the example. */
  selectExample(id) {
    if (this.el.example) this.el.example.value = id || "";
  }

  /** setModels fills the model and compare pickers with [{name, description}]. */
  setModels(models) {
    const m = this.el.model;
    if (!m) return;
    const current = m.value;
    m.replaceChildren(...models.map((x) => option(x.name, x.name, x.description)));
    const c = this.el.compare;
    const cur2 = c.value;
    c.replaceChildren(option("", "nothing"), ...models.map((x) => option(x.name, x.name, x.description)));
    if (current) this.setModel(current);
    c.value = cur2;
  }

  /** setModel selects model, adding it to the list if the server did not name it (yet). */
  setModel(name) {
    const m = this.el.model;
    if (!m || !name) return;
    if (![...m.options].some((o) => o.value === name)) m.append(option(name, name));
    m.value = name;
  }

  /** compareModel is the model to compare with, or "". */
  get compareModel() {
    return this.el.compare ? this.el.compare.value : "";
  }

  set compareModel(name) {
    const c = this.el.compare;
    if (!c) return;
    if (name && ![...c.options].some((o) => o.value === name)) c.append(option(name, name));
    c.value = name || "";
  }

  /** workloadFields returns the workload fields ({model, cores, seed, switch_interval}). */
  workloadFields() {
    const num = (id, def) => {
      const v = this.el[id] && this.el[id].value.trim();
      const n = Number(v);
      return v === "" || !Number.isFinite(n) ? def : n;
    };
    return {
      model: this.el.model ? this.el.model.value : "",
      cores: Math.round(num("cores", 0)), // 0: the server's default
      seed: Math.round(num("seed", 0)),
      switch_interval: num("switch-interval", 0) / 1000,
    };
  }

  /** setWorkloadFields shows a workload's fields. */
  setWorkloadFields(w) {
    this.setModel(w.model || this.defaults.model || "");
    const set = (id, v) => this.el[id] && (this.el[id].value = v);
    set("cores", String(w.cores || this.defaults.cores || ""));
    set("seed", String(w.seed || 0));
    set("switch-interval", w.switch_interval ? String(+(w.switch_interval * 1000).toPrecision(6)) : "");
  }

  /** setPlaying shows whether playback runs. */
  setPlaying(playing) {
    const b = this.el.play;
    if (!b || this.playing === playing) return;
    this.playing = playing;
    b.textContent = playing ? "Pause" : "Play";
    b.setAttribute("aria-pressed", String(playing));
  }

  /** setPosition shows position t (ns) of max (ns) on the slider. */
  setPosition(t, max) {
    const s = this.el.seek;
    if (max !== this.max) {
      this.max = max;
      s.max = String(Math.max(0, Math.ceil(max)));
    }
    s.value = String(Math.round(t));
    this.el.time.textContent = formatTime(t) + " / " + formatTime(max);
  }

  /** setSpeed shows speed s (one of SPEEDS). */
  setSpeed(s) {
    this.speed = s;
    this.el.speed.value = String(s);
  }

  /** nextSpeed returns the speed dir (+1 or -1) steps from the current one. */
  nextSpeed(dir) {
    const finite = SPEEDS.filter((s) => s > 0);
    const i = this.speed === 0 ? finite.length : finite.indexOf(this.speed);
    const j = Math.min(finite.length, Math.max(0, (i < 0 ? finite.indexOf(DEFAULT_SPEED) : i) + dir));
    return j === finite.length ? 0 : finite[j];
  }

  /** setPressed shows the state of a toggle button. */
  setPressed(id, on) {
    if (this.el[id]) this.el[id].setAttribute("aria-pressed", String(on));
  }
}

// typingTarget reports whether a key pressed with focus on el is the
// element's own (typing in a field, moving a slider, choosing in a select).
function typingTarget(el) {
  if (!el) return false;
  if (el.isContentEditable || el.closest(".cm-editor")) return true;
  const tag = el.tagName;
  return tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && el.type !== "button" && el.type !== "checkbox");
}

/**
 * bindKeys installs the page's shortcuts (listed in the help overlay, see
 * web/playground.templ). Keys typed into the editor or a field belong to
 * it, except Ctrl/Cmd+Enter (run), which the editor handles itself. Space
 * plays and pauses whenever the editor and fields do not have focus, even
 * on a focused button.
 */
export function bindKeys(h) {
  document.addEventListener("keydown", (ev) => {
    if (ev.defaultPrevented || ev.altKey) return;
    const el = document.activeElement;
    const inDialog = el && el.closest("dialog[open]");
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      if (!inDialog) h.run();
      ev.preventDefault();
      return;
    }
    if (ev.ctrlKey || ev.metaKey || inDialog || document.querySelector("dialog[open]")) return;
    const isRange = el && el.tagName === "INPUT" && el.type === "range";
    if (typingTarget(el) && !(isRange && (ev.key === " " || ev.key === "Home" || ev.key === "End"))) return;
    const action = keyAction(ev);
    if (!action) return;
    ev.preventDefault();
    action(h);
  });
}

// keyAction returns what a key does, or null.
function keyAction(ev) {
  switch (ev.key) {
    case " ":
    case "Spacebar":
      return (h) => h.togglePlay();
    case "ArrowRight":
      return (h) => h.step(ev.shiftKey ? "instruction" : "event");
    case "ArrowLeft":
      return (h) => h.stepBack();
    case "+":
    case "=":
      return (h) => h.faster();
    case "-":
    case "_":
    case "−":
      return (h) => h.slower();
    case "Home":
      return (h) => h.home();
    case "End":
      return (h) => h.end();
    case "?":
      return (h) => h.help();
  }
  if (ev.shiftKey) return null;
  switch (ev.key.toLowerCase()) {
    case "r":
      return (h) => h.restart();
    case "p":
      return (h) => h.togglePresent();
    case "e":
      return (h) => h.toggleEditor();
    case "s":
      return (h) => h.share();
  }
  return null;
}
