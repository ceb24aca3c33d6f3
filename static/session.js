// session.js is the page's side of the live protocol's transport
// (docs/protocol.md): one websocket to /ws that queues what is sent while it
// is closed and reconnects with backoff. The playground (app.js) and the tour
// (tour.js) both run their workloads over it.

/** PROTOCOL is the protocol version this page speaks. */
const PROTOCOL = 1;

/** RECONNECT_MS is the first delay before reconnecting; it doubles up to RECONNECT_MAX_MS. */
const RECONNECT_MS = 500;
const RECONNECT_MAX_MS = 8000;

/**
 * Connection is one websocket to /ws. Messages sent while it is closed wait
 * in a queue; when the socket drops, it reconnects with backoff and calls
 * onReconnect so the owner can resume its run.
 */
export class Connection {
  /**
   * onMessage(msg) receives every message, parsed; onStatus(text) says what
   * the connection is doing ("" when it is fine). With reconnect false a
   * lost connection stays lost, and onStatus says so.
   */
  constructor(onMessage, onStatus, { reconnect = true } = {}) {
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.reconnect = reconnect;
    this.queue = [];
    this.delay = RECONNECT_MS;
    this.onReconnect = () => {};
    this.closed = false;
    this.open(false);
  }

  open(again) {
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.addEventListener("open", () => {
      this.delay = RECONNECT_MS;
      this.onStatus("");
      if (again) this.onReconnect();
      for (const m of this.queue.splice(0)) ws.send(m);
    });
    ws.addEventListener("message", (ev) => {
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return; // not ours to judge: the protocol sends JSON only
      }
      this.onMessage(msg);
    });
    ws.addEventListener("close", () => {
      if (this.closed) return;
      if (!this.reconnect) {
        this.onStatus("The connection to the server closed; reload the page to run again.");
        return;
      }
      this.onStatus("Connection lost; reconnecting…");
      setTimeout(() => this.open(true), this.delay);
      this.delay = Math.min(RECONNECT_MAX_MS, this.delay * 2);
    });
  }

  send(msg) {
    const text = JSON.stringify({ v: PROTOCOL, ...msg });
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
    else this.queue.push(text);
  }

  /** resetQueue drops unsent messages (a new run makes them moot). */
  resetQueue() {
    this.queue.length = 0;
  }

  close() {
    this.closed = true;
    this.ws.close();
  }
}
