// tourroom.js runs the guided tour in a room (docs/tour.md, "Rooms"): the
// presenter's chapter page opens a room (the Room button) and publishes its
// chapter and phase as the room's `tour` part; students who open /r/{code}
// (or a chapter with ?room={code}) follow it: their page opens the
// presenter's chapter, they answer the prediction on their own device and
// their answer goes to the presenter as a reply. The presenter's page shows
// the class's answers as bars (counts only: replies carry no name) before
// the run; when the presenter answers, every page runs the chapter.
//
// It speaks the room protocol of docs/protocol.md through the tour's own
// events: it listens to "tour:state" and drives the page with "tour:apply".
// The page marks body[data-tour-room] ("presenter" or "follower"),
// data-tour-room-code and data-tour-room-followers for tests.

import { RoomSocket } from "./room.js";

const STORAGE_KEY = "gilscope.tourroom";

const byId = (id) => document.getElementById(id);

/** apply changes the tour page's state (tour.js listens). */
function apply(patch) {
  document.dispatchEvent(new CustomEvent("tour:apply", { detail: patch }));
}

/** TourRoom is the room side of one chapter page. */
class TourRoom {
  constructor(chapter) {
    this.ch = chapter; // {n, choices: number of choices (0 for a slider)}
    this.state = null; // the page's last tour:state
    this.votes = new Map(); // a follower's connection → its choice in this chapter
    document.addEventListener("tour:state", (ev) => this.changed(ev.detail));
    const code = new URLSearchParams(location.search).get("room");
    const saved = this.saved();
    if (code) this.follow(code);
    else if (saved) this.present(saved);
    const button = byId("tour-room");
    if (button) {
      button.hidden = !!code;
      button.addEventListener("click", () => (this.role === "presenter" ? this.end() : this.present(null)));
    }
    this.show();
  }

  saved() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
    } catch {
      return null;
    }
  }

  // ---- the presenter -------------------------------------------------------------

  /** present opens a room, or takes back the one this tab opened (saved: {code, token}). */
  present(saved) {
    this.role = "presenter";
    this.link = new RoomSocket(
      () => (this.code ? { type: "present", code: this.code, token: this.token } : saved ? { type: "present", ...saved } : { type: "open" }),
      (msg) => this.onPresenter(msg),
      () => {},
    );
  }

  onPresenter(msg) {
    switch (msg.type) {
      case "room":
        this.code = msg.code;
        if (msg.token) this.token = msg.token;
        if (this.token) sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ code: this.code, token: this.token }));
        this.followers = msg.followers || 0;
        this.publish();
        this.show();
        break;
      case "followers":
        this.followers = msg.count;
        this.show();
        break;
      case "reply":
        this.vote(msg.from, msg.value);
        break;
      case "ended":
      case "error":
        this.stop();
        break;
    }
  }

  /** publish sends the chapter and phase the presenter's page shows. */
  publish() {
    if (this.role !== "presenter" || !this.state) return;
    const phase = this.state.phase === "voting" ? "question" : this.state.phase;
    this.link.send({ type: "set", state: { tour: { n: this.ch.n, phase } } });
  }

  /** vote counts a follower's answer for this chapter and shows the counts. */
  vote(from, value) {
    if (!value || value.n !== this.ch.n || !this.ch.choices) return;
    const c = value.choice;
    if (!Number.isInteger(c) || c < 0 || c >= this.ch.choices) return;
    this.votes.set(from, c);
    const counts = new Array(this.ch.choices).fill(0);
    for (const v of this.votes.values()) counts[v]++;
    if (this.state && (this.state.phase === "question" || this.state.phase === "voting")) {
      apply({ phase: "voting", counts });
    }
  }

  end() {
    this.link.send({ type: "end" });
    this.stop();
  }

  stop() {
    sessionStorage.removeItem(STORAGE_KEY);
    if (this.link) this.link.close();
    this.role = "";
    this.code = "";
    this.show();
  }

  /** show draws the room's code, link and follower count on the presenter's page. */
  show() {
    const box = byId("tour-room-box");
    const ds = document.body.dataset;
    ds.tourRoom = this.role || "";
    ds.tourRoomCode = this.code || "";
    ds.tourRoomFollowers = String(this.followers || 0);
    const button = byId("tour-room");
    if (button) button.textContent = this.role === "presenter" ? "End the room" : "Room";
    if (!box) return;
    box.hidden = this.role !== "presenter" || !this.code;
    if (box.hidden) return;
    const url = location.origin + "/r/" + this.code;
    byId("tour-room-code").textContent = this.code.slice(0, 3) + " " + this.code.slice(3);
    const a = byId("tour-room-link");
    a.href = url;
    a.textContent = url;
    const n = this.followers || 0;
    byId("tour-room-count").textContent = n === 1 ? "1 follows" : n + " follow";
  }

  // ---- a follower ----------------------------------------------------------------

  follow(code) {
    this.role = "follower";
    this.code = code;
    apply({ hold: true }); // answering waits for the presenter
    this.link = new RoomSocket(() => ({ type: "join", code: this.code }), (msg) => this.onFollower(msg), () => {});
    this.show();
  }

  onFollower(msg) {
    switch (msg.type) {
      case "room":
        this.code = msg.code;
        this.follows(msg.state && msg.state.tour);
        this.sendVote();
        break;
      case "set":
        if (msg.state && "tour" in msg.state) this.follows(msg.state.tour);
        break;
      case "ended":
        this.link.close();
        apply({ hold: false });
        this.role = "";
        this.show();
        break;
    }
  }

  /** follows applies the presenter's chapter and phase. */
  follows(t) {
    if (!t) return;
    if (t.n !== this.ch.n) {
      location.assign("/tour/" + t.n + "?room=" + encodeURIComponent(this.code));
      return;
    }
    if (t.phase === "running" || t.phase === "revealed") apply({ phase: "running" });
  }

  sendVote() {
    const s = this.state;
    if (this.role !== "follower" || !s || s.choice === null || s.choice === undefined) return;
    this.link.send({ type: "reply", value: { n: this.ch.n, choice: s.choice } });
  }

  // ---- the page ------------------------------------------------------------------

  changed(state) {
    const before = this.state;
    this.state = state;
    if (this.role === "presenter" && (!before || before.phase !== state.phase)) this.publish();
    if (this.role === "follower" && (!before || before.choice !== state.choice)) this.sendVote();
  }
}

/** mountTourRoom adds rooms to a chapter page: chapter is {n, choices}. */
export function mountTourRoom(chapter) {
  return new TourRoom(chapter);
}
