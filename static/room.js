// room.js defines rooms on the page (docs/protocol.md, "Rooms"): a
// presenter starts a room from the toolbar's Room button (in presentation
// mode too) and the page shows its code, its link /r/{code} and a QR code;
// the page then publishes what it shows as the room's state, in parts:
//
//   workload  {workload, compare}    the program run, and the model compared with ("" for none)
//   playback  {t, playing, speed}    the position (ns), whether it plays, the speed (ns/s)
//   view      {t0, t1, following}    the timeline's window (ns), and whether it follows the position
//   selection {thread, t}            the thread selected on the timeline (0: none) and where
//   tour      {n, phase}             set by a guided tour's chapter (tourroom.js): the page opens it
//
// Students who open /r/{code} follow it: they load the workload (their own
// session reads the run the presenter's simulated, from the server's run
// cache), play, pause, seek, zoom and select as the presenter does. They
// may detach to explore on their own and rejoin with one click. The server
// relays any part, so a later part (a poll) is one more key here.
//
// The page marks its state on body for tests: data-room-role ("presenter"
// or "follower"), data-room-code, data-room-followers (the presenter's
// count), data-room-following ("1" while applying the presenter's state),
// data-room-seq (the last state applied or published), data-room-view (the
// timeline window last published or applied, "t0-t1").

import { drawQR } from "./share.js";

const PROTOCOL = 1;
/** PUBLISH_MS is how often the presenter's page looks for changes to publish. */
const PUBLISH_MS = 100;
/** VIEW_MS is how often, at most, a changing view is published (a following timeline moves every frame). */
const VIEW_MS = 250;
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 8000;
/** STORAGE_KEY keeps a presenter's room across a reload of the page (sessionStorage). */
const STORAGE_KEY = "gilscope.room";

const byId = (id) => document.getElementById(id);

/** roomCodeFromPath returns the code of a /r/{code} address, or "". */
export function roomCodeFromPath(path = location.pathname) {
  const m = /^\/r\/([A-Za-z0-9-]{6,8})\/?$/.exec(path);
  return m ? m[1] : "";
}

/** spaced writes a code to be read aloud: "ABC 234". */
function spaced(code) {
  return code.slice(0, 3) + " " + code.slice(3);
}

/** RoomSocket is the room websocket: it reconnects with backoff, saying hello (first) again each time. */
export class RoomSocket {
  constructor(first, onMessage, onGone) {
    this.first = first;
    this.onMessage = onMessage;
    this.onGone = onGone;
    this.delay = RECONNECT_MS;
    this.closed = false;
    this.open();
  }

  open() {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(proto + "//" + location.host + "/ws/room");
    this.ws = ws;
    ws.onopen = () => {
      this.delay = RECONNECT_MS;
      this.send(this.first());
    };
    ws.onmessage = (ev) => {
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      this.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.closed || this.ws !== ws) return;
      this.onGone();
      setTimeout(() => !this.closed && this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
    };
  }

  send(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ v: PROTOCOL, ...msg }));
  }

  close() {
    this.closed = true;
    if (this.ws) this.ws.close();
  }
}

/** linkStyles adds room.css once, when a room is first shown (it does not weigh on the first load). */
function linkStyles() {
  const href = new URL("./room.css", import.meta.url).href;
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Rooms connects the page (app.js's App) to a room. mount() adds the Room
 * button; on a /r/{code} address it joins that room instead.
 */
export class Rooms {
  constructor(app) {
    this.app = app;
    this.socket = null;
    this.role = "";
    this.code = "";
    this.state = {}; // the room's state as last received or published
    this.seq = 0;
    this.sent = {}; // presenter: the JSON of each part as published
    this.sentPlayback = null;
    this.viewAt = 0;
    this.following = true; // follower: applying the presenter's state
    this.applied = {}; // follower: the JSON of each part as applied
  }

  /** mount adds the Room button to the toolbar, and joins the room of a /r/{code} address. */
  mount() {
    const view = document.querySelector(".controls .view");
    if (!view || this.app.embed) return;
    const button = el("button", "room-button", "Room");
    button.id = "room";
    button.type = "button";
    button.title = "Start a room that students follow live";
    button.addEventListener("click", () => this.toggleRoom());
    const share = byId("share");
    if (share) share.after(button);
    else view.prepend(button);
    this.button = button;
    const code = roomCodeFromPath();
    if (code) {
      this.join(code);
      return;
    }
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
    } catch {
      saved = null;
    }
    if (saved && saved.code && saved.token) this.present(saved);
  }

  /** isFollower says whether the page follows a room: app.js then opens no example of its own. */
  static isFollowerPage() {
    return roomCodeFromPath() !== "";
  }

  toggleRoom() {
    if (this.role === "presenter") this.showPanel(!this.panelShown());
    else if (this.role === "") this.showChooser(!(this.chooser && !this.chooser.hidden));
  }

  /** showChooser offers to start a room or to join one by its code. */
  showChooser(on) {
    if (this.chooser) this.chooser.hidden = !on;
    if (!on || this.chooser) return;
    linkStyles();
    const p = el("aside", "room-panel room-chooser");
    p.id = "room-chooser";
    p.setAttribute("aria-label", "Rooms");
    const start = el("button", "", "Start a room");
    start.type = "button";
    start.id = "room-start";
    start.addEventListener("click", () => {
      p.hidden = true;
      this.present(null);
    });
    const form = el("form", "room-join");
    const input = el("input");
    input.id = "room-join-code";
    input.placeholder = "ABC 234";
    input.setAttribute("aria-label", "Room code");
    input.autocomplete = "off";
    const join = el("button", "", "Join");
    join.type = "submit";
    form.append(input, join);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const code = input.value.toUpperCase().replace(/[^A-Z0-9]/g, "");
      if (code) location.assign("/r/" + code);
    });
    const close = el("button", "", "Close");
    close.type = "button";
    close.addEventListener("click", () => (p.hidden = true));
    p.append(el("p", "room-title", "Students follow a room live."), start, el("p", "room-title", "or join one:"), form, close);
    document.body.append(p);
    this.chooser = p;
  }

  // ---- presenter ----------------------------------------------------------------

  /** present opens a new room (saved null) or takes back a saved one {code, token}. */
  present(saved) {
    this.role = "presenter";
    this.token = saved ? saved.token : "";
    this.code = saved ? saved.code : "";
    this.sent = {};
    this.sentPlayback = null;
    this.mark();
    this.socket = new RoomSocket(
      () => (this.token ? { type: "present", code: this.code, token: this.token } : { type: "open" }),
      (msg) => this.onPresenterMessage(msg),
      () => this.setStatus("Reconnecting the room…"),
    );
    this.timer = setInterval(() => this.publish(), PUBLISH_MS);
  }

  onPresenterMessage(msg) {
    switch (msg.type) {
      case "room":
        this.code = msg.code;
        if (msg.token) this.token = msg.token;
        try {
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ code: this.code, token: this.token }));
        } catch {
          // storage refused (private mode): a reload ends the room
        }
        this.seq = msg.seq;
        this.mark();
        this.sent = {}; // publish everything again: the state may be older than the page
        this.sentPlayback = null;
        this.setFollowers(msg.followers || 0);
        this.showPanel(true);
        this.setStatus("");
        this.publish();
        break;
      case "followers":
        this.setFollowers(msg.count);
        break;
      case "ended":
        this.leave(msg.reason);
        break;
      case "error":
        if (!this.code || /not yours/.test(msg.error.message)) this.leave(msg.error.message);
        else this.setStatus(msg.error.message);
        break;
    }
  }

  /** snapshot returns the parts of the state the page shows now. */
  snapshot() {
    const app = this.app;
    const a = app.leader;
    const tl = app.timeline;
    const compare = app.sides.length > 1 ? app.controls.compareModel || "" : "";
    const sel = app.selection;
    return {
      workload: { workload: app.baseWorkload || null, compare },
      playback: { t: Math.round(a.position()), playing: !!a.playing, speed: app.speed },
      view: { t0: Math.round(tl.t0), t1: Math.round(tl.t1), following: !!tl.following },
      selection: { thread: app.selectedThread(), t: sel && typeof sel.t === "number" ? Math.round(sel.t) : null },
    };
  }

  /** publish sends the parts that changed since they were last sent. */
  publish() {
    if (this.role !== "presenter" || !this.code || !this.app.baseWorkload) return;
    const now = performance.now();
    const snap = this.snapshot();
    const patch = {};
    for (const key of ["workload", "selection"]) {
      const json = JSON.stringify(snap[key]);
      if (json !== this.sent[key]) {
        patch[key] = snap[key];
        this.sent[key] = json;
      }
    }
    if (this.playbackChanged(snap.playback)) {
      patch.playback = snap.playback;
      this.sentPlayback = snap.playback;
    }
    const view = JSON.stringify(snap.view);
    if (view !== this.sent.view && (now - this.viewAt >= VIEW_MS || !this.sent.view)) {
      const old = this.sent.view ? JSON.parse(this.sent.view) : null;
      // A following view moves by itself on every follower: only its width and following matter.
      const moved = !old || !snap.view.following || !old.following ||
        Math.abs((snap.view.t1 - snap.view.t0) - (old.t1 - old.t0)) > 0.01 * (old.t1 - old.t0);
      if (moved) {
        patch.view = snap.view;
        this.sent.view = view;
        this.viewAt = now;
        document.body.dataset.roomView = snap.view.t0 + "-" + snap.view.t1;
      }
    }
    if (Object.keys(patch).length === 0) return;
    this.socket.send({ type: "set", state: patch });
    this.seq++;
    document.body.dataset.roomSeq = String(this.seq);
  }

  /**
   * playbackChanged says whether the position must be published: playing
   * started or stopped, the speed changed, a paused position moved, or a
   * playing one went back (a restart). A playing position moving on is not
   * news: every follower's own session plays at the same speed.
   */
  playbackChanged(p) {
    const s = this.sentPlayback;
    if (!s) return true;
    if (p.playing !== s.playing || p.speed !== s.speed) return true;
    if (!p.playing) return p.t !== s.t;
    return p.t < s.t;
  }

  // ---- follower -----------------------------------------------------------------

  /** join follows the room code. */
  join(code) {
    this.role = "follower";
    this.code = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
    this.following = true;
    this.applied = {};
    this.mark();
    this.showBar();
    this.socket = new RoomSocket(
      () => ({ type: "join", code: this.code }),
      (msg) => this.onFollowerMessage(msg),
      () => this.setStatus("Reconnecting to the room…"),
    );
  }

  onFollowerMessage(msg) {
    switch (msg.type) {
      case "room":
        this.code = msg.code;
        this.state = msg.state || {};
        this.seq = msg.seq;
        this.applied = {}; // the page may have missed sets while away
        this.setStatus("");
        this.mark();
        this.apply(Object.keys(this.state));
        break;
      case "set":
        for (const [k, v] of Object.entries(msg.state || {})) {
          if (v === null) delete this.state[k];
          else this.state[k] = v;
        }
        this.seq = msg.seq;
        this.apply(Object.keys(msg.state || {}));
        break;
      case "ended":
        this.socket.close();
        this.following = false;
        this.role = "ended";
        this.mark();
        this.showBar(msg.reason || "The room has ended.");
        break;
      case "error":
        this.setStatus(msg.error.message);
        break;
    }
  }

  /** apply makes the page show the presenter's state for the parts named (in a fixed order). */
  apply(keys) {
    if (!this.following) return;
    const want = new Set(keys);
    if (this.state.tour) { // the presenter runs the guided tour: follow it there
      location.assign("/tour/" + this.state.tour.n + "?room=" + encodeURIComponent(this.code));
      return;
    }
    if (want.has("workload")) this.applyWorkload(this.state.workload);
    if (want.has("playback") || want.has("workload")) this.applyPlayback(this.state.playback);
    if (want.has("view")) this.applyView(this.state.view);
    if (want.has("selection")) this.applySelection(this.state.selection);
    document.body.dataset.roomSeq = String(this.seq);
  }

  applyWorkload(part) {
    if (!part || !part.workload) return;
    const json = JSON.stringify(part);
    if (json === this.applied.workload) return;
    this.applied.workload = json;
    const app = this.app;
    const p = this.state.playback || { t: 0 };
    app.load(part.workload);
    app.controls.selectExample("");
    const compare = part.compare || "";
    const current = app.sides.length > 1 ? app.controls.compareModel || "" : "";
    if (compare !== current) {
      app.controls.compareModel = compare;
      app.setCompare(compare); // runs it, side by side
    } else {
      app.startRun({ paused: true, from: p.t || 0 });
    }
    this.applied.playback = null;
  }

  applyPlayback(p) {
    if (!p) return;
    const json = JSON.stringify(p);
    if (json === this.applied.playback) return;
    this.applied.playback = json;
    const app = this.app;
    if (p.speed !== app.speed) app.setSpeed(p.speed);
    app.seek(p.t);
    if (p.playing) app.playAll();
  }

  applyView(v) {
    if (!v) return;
    const tl = this.app.timeline;
    tl.setView(v.t0, v.t1);
    tl.follow(!!v.following);
    document.body.dataset.roomView = Math.round(tl.t0) + "-" + Math.round(tl.t1);
  }

  applySelection(s) {
    if (!s) return;
    const app = this.app;
    const tl = app.timeline;
    if (!s.thread) {
      app.selection = null;
      tl.selected = null;
      if (app.panels) app.panels.explain(null);
      tl.requestDraw();
      return;
    }
    // Click where the presenter clicked: the thread's lane, at the time.
    const lane = (tl.lanes || []).find((l) => l.type === "thread" && l.id === s.thread && l.store === app.leader.store);
    let hit = null;
    if (lane && typeof s.t === "number" && typeof tl.select === "function") {
      try {
        hit = tl.select(tl.x(s.t), lane.y + lane.h / 2);
      } catch {
        hit = null; // the timeline's layout changed under us: select the thread alone
      }
    }
    if (!hit) app.selection = { lane: { type: "thread", id: s.thread } };
  }

  /** detach stops following: the page is the student's own until rejoin. */
  detach() {
    this.following = false;
    this.mark();
    this.showBar();
  }

  /** rejoin follows again: the presenter's whole state, at once. */
  rejoin() {
    this.following = true;
    this.applied = {};
    this.mark();
    this.showBar();
    this.apply(Object.keys(this.state));
  }

  // ---- both -----------------------------------------------------------------------

  /** leave ends the page's part in the room. */
  leave(reason) {
    if (this.socket) this.socket.close();
    this.socket = null;
    clearInterval(this.timer);
    if (this.role === "presenter") {
      try {
        sessionStorage.removeItem(STORAGE_KEY);
      } catch {
        // nothing kept
      }
    }
    this.role = "";
    this.code = "";
    this.mark();
    this.showPanel(false);
    if (reason) this.setStatus(reason);
  }

  /** end ends the room for everyone (the presenter's End button). */
  end() {
    if (this.socket) this.socket.send({ type: "end" });
    this.leave("The room has ended.");
  }

  setFollowers(n) {
    this.followers = n;
    document.body.dataset.roomFollowers = String(n);
    const text = n === 1 ? "1 student following" : n + " students following";
    if (this.countEl) this.countEl.textContent = text;
    if (this.button) this.button.textContent = "Room " + spaced(this.code) + " · " + n;
  }

  setStatus(text) {
    const status = byId("status");
    if (status && (text || status.dataset.room === "1")) {
      status.textContent = text;
      status.dataset.room = text ? "1" : "";
    }
  }

  mark() {
    const ds = document.body.dataset;
    ds.roomRole = this.role;
    ds.roomCode = this.code;
    ds.roomFollowing = this.role === "follower" && this.following ? "1" : "0";
    if (this.button) {
      this.button.setAttribute("aria-pressed", this.role === "presenter" ? "true" : "false");
      if (this.role !== "presenter") this.button.textContent = "Room";
      this.button.hidden = this.role === "follower" || this.role === "ended";
    }
  }

  panelShown() {
    return !!(this.panel && !this.panel.hidden);
  }

  /** showPanel shows (or hides) the presenter's room panel: code, link, QR code, count, End. */
  showPanel(on) {
    if (!on) {
      if (this.panel) this.panel.hidden = true;
      return;
    }
    linkStyles();
    if (!this.panel) {
      const p = el("aside", "room-panel");
      p.id = "room-panel";
      p.setAttribute("aria-label", "Room");
      const title = el("p", "room-title", "Join the room");
      this.codeEl = el("p", "room-code");
      this.codeEl.id = "room-code";
      this.linkEl = el("a", "room-link");
      this.linkEl.id = "room-link";
      this.linkEl.target = "_blank";
      this.linkEl.rel = "noopener";
      this.qr = el("canvas", "room-qr");
      this.qr.setAttribute("role", "img");
      this.qr.setAttribute("aria-label", "QR code of the room's link");
      this.countEl = el("p", "room-count");
      this.countEl.id = "room-count";
      this.countEl.setAttribute("role", "status");
      const buttons = el("p", "room-buttons");
      const hide = el("button", "", "Hide");
      hide.type = "button";
      hide.addEventListener("click", () => this.showPanel(false));
      const end = el("button", "room-end", "End room");
      end.type = "button";
      end.id = "room-end";
      end.addEventListener("click", () => this.end());
      buttons.append(hide, end);
      p.append(title, this.codeEl, this.linkEl, this.qr, this.countEl, buttons);
      document.body.append(p);
      this.panel = p;
    }
    this.panel.hidden = false;
    if (this.code && this.codeEl.dataset.code !== this.code) {
      const url = new URL("/r/" + this.code, location.href).href;
      this.codeEl.textContent = spaced(this.code);
      this.codeEl.dataset.code = this.code;
      this.linkEl.href = url;
      this.linkEl.textContent = url;
      drawQR(this.qr, url).catch(() => {});
    }
    this.setFollowers(this.followers || 0);
  }

  /** showBar shows the follower's bar: the room, and Detach or Rejoin (or why the room is over). */
  showBar(over) {
    linkStyles();
    if (!this.bar) {
      const bar = el("div", "room-bar");
      bar.id = "room-bar";
      bar.setAttribute("role", "status");
      this.barText = el("span", "room-bar-text");
      this.barButton = el("button", "room-bar-button");
      this.barButton.type = "button";
      this.barButton.id = "room-follow";
      this.barButton.addEventListener("click", () => (this.following ? this.detach() : this.rejoin()));
      bar.append(this.barText, this.barButton);
      document.body.prepend(bar);
      this.bar = bar;
    }
    if (over) {
      this.barText.textContent = over;
      this.barButton.hidden = true;
      return;
    }
    this.barButton.hidden = false;
    const name = "room " + spaced(this.code);
    this.barText.textContent = this.following ? "Following " + name : "Exploring on your own, away from " + name;
    this.barButton.textContent = this.following ? "Detach" : "Rejoin";
  }
}
