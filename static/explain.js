// explain.js says in words what the timeline shows: the mechanism behind an
// instant, a thread-state span or a GIL hold the user selected. It reads the
// run's RunStore (model.js) and the events' typed fields; it never parses
// event text.

import { STATES, S_WAIT_GIL, S_RUNNABLE, S_BLOCKED, fmtDur, fmtTime, threadName, deadlockCycle, num } from "./model.js";

/** nextInstant returns the first instant after index from (or at time ≥ t) matching pred. */
function nextInstant(store, fromT, pred, limitT = Infinity) {
  for (const e of store.instants) {
    if (e.t < fromT) continue;
    if (e.t > limitT) break;
    if (pred(e)) return e;
  }
  return null;
}

/** holdAfter returns the first hold of GIL g starting at or after t. */
function holdAfter(store, gil, t) {
  const g = store.gils.get(gil);
  if (!g) return null;
  const h = g.holds;
  let i = h.firstVisible(t);
  while (i < h.n && h.start[i] < t) i++;
  return i < h.n ? h.span(i, store.end) : null;
}

/**
 * explain returns, in words, the mechanism behind an item the timeline
 * selected: {event} (an instant), {thread, span} (a thread-state span),
 * {gil, span} (a GIL hold) or {core, span}.
 */
export function explain(store, item) {
  return sentenceCase(explainItem(store, item));
}

/** sentenceCase capitalises "thread" where it starts a sentence. */
function sentenceCase(s) { return s.replace(/(^|[.!?] )thread /g, "$1Thread "); }

function explainItem(store, item) {
  if (!item) return "";
  if (item.event) return explainEvent(store, item.event);
  if (item.span && item.gil !== undefined) return explainHold(store, item.gil, item.span);
  if (item.span && item.thread !== undefined) return explainSpan(store, item.thread, item.span);
  if (item.span && item.core !== undefined) return explainSpan(store, item.span.a, item.span, item.core);
  return "";
}

function explainEvent(store, e) {
  const who = threadName(store, e.thread);
  const at = fmtTime(e.t);
  const merged = e.merged > 1 ? ` (${e.merged} changes were merged into this mark at this speed.)` : "";
  switch (e.kind) {
    case "drop_request": {
      const th = store.threads.get(e.thread);
      let waited = "";
      if (th) {
        // the wait began where the run of wait_gil/runnable spans before the request began
        let i = th.spans.at(e.t - 1), from = -1;
        while (i >= 0 && (th.spans.kind[i] === S_WAIT_GIL || th.spans.kind[i] === S_RUNNABLE) && (from < 0 || th.spans.end[i] === th.spans.start[i + 1])) { from = i; i--; }
        if (from >= 0) waited = ` had waited ${fmtDur(e.t - th.spans.start[from])} for the GIL, then`;
      }
      let s = `At ${at}, ${who}${waited} timed out (the switch interval) and asked ${threadName(store, e.holder)}, the holder, to drop the GIL: it set the GIL's drop request and the eval breaker.`;
      const fs = nextInstant(store, e.t, (x) => x.kind === "forced_switch" && x.thread === e.holder);
      if (fs) {
        s += ` ${threadName(store, e.holder)} saw the request ${fmtDur(fs.t - e.t)} later, at ${store.checkpointWhere(fs)} — its next check point — and released the GIL.`;
        const h = holdAfter(store, num(e.gil), fs.t);
        if (h) s += h.a === e.thread
          ? ` ${who} took it ${fmtDur(h.start - fs.t)} after that.`
          : ` But ${threadName(store, h.a)} took it first, ${fmtDur(h.start - fs.t)} later.`;
      }
      return s + merged;
    }
    case "forced_switch": {
      let s = `At ${at}, ${who} reached a check point — ${store.checkpointWhere(e)} — found the eval breaker set by a drop request and dropped the GIL.`;
      let req = null;
      for (const x of store.instants) { if (x.t > e.t) break; if (x.kind === "drop_request" && x.holder === e.thread) req = x; }
      if (req) s += ` ${threadName(store, req.thread)} had asked ${fmtDur(e.t - req.t)} earlier. A holder looks at the eval breaker only at check points, so until it reaches one nothing can take the GIL from it.`;
      const h = holdAfter(store, num(e.gil), e.t);
      if (h) s += ` ${threadName(store, h.a)} took the GIL ${fmtDur(h.start - e.t)} later.`;
      return s + merged;
    }
    case "futile_wakeup":
      return `At ${at}, ${who} was woken to take the GIL, but by the time it got a core the GIL had been taken again (${holderText(store, num(e.gil), e.t)}). The wake-up was futile: it goes back to waiting, and the OS spent a context switch on it.${merged}`;
    case "lock_acquire": {
      const th = store.threads.get(e.thread);
      let s = `At ${at}, ${who} took lock ${num(e.lock)}.`;
      if (th) {
        const i = th.spans.at(e.t - 1);
        if (i >= 0 && th.spans.kind[i] === S_BLOCKED && store.reasons[th.spans.b[i]] === "lock") s += ` It had waited ${fmtDur(e.t - th.spans.start[i])} for it.`;
      }
      return s;
    }
    case "lock_release": return `At ${at}, ${who} released lock ${num(e.lock)}.`;
    case "thread_start": {
      const p = store.threads.get(e.thread)?.process || 1;
      return `At ${at}, ${who} started${p > 1 ? ` in process ${p} (its own interpreter, with its own GIL)` : ""}.`;
    }
    case "output": return `At ${at}, ${who} wrote ${JSON.stringify(e.text || "")} to ${e.stream === 2 ? "stderr" : "stdout"}.`;
    case "exception": return `At ${at}, an uncaught exception ended ${who}: ${e.error || "an exception"}`;
    case "end": return `The run ended at ${at}: ${e.cause || "exit"}${e.exit_code ? ` (exit code ${e.exit_code})` : ""}.`;
    case "ref_race": return `At ${at}, ${who} and ${threadName(store, e.overwriter)} updated the reference count of ${e.type || "object"} #${num(e.obj)} at the same time, with no GIL to serialise them: each loaded the count before the other stored it, so the update of ${who} was overwritten and lost (its ${num(e.delta) > 0 ? "+" : ""}${num(e.delta)} never counted). The count is now ${num(e.count)}${trueText(store, e)}.`;
    case "use_after_free": return `At ${at}, ${who} used ${e.type || "object"} #${num(e.obj)} after it had been freed: lost decrements had brought its count to 0 while ${num(e.real)} references to it remained. In C this reads freed memory: the process ends with a segmentation fault.`;
    case "leak": return `At the end of the run, ${e.type || "object"} #${num(e.obj)} still had a count of ${num(e.count)} while only ${num(e.real)} references to it existed: lost updates left the count too high, so it can never reach zero and the object is never freed.`;
    case "gc_pause": return `At ${at}, the tracing garbage collector stopped every thread for ${fmtDur(num(e.pause))} (a stop-the-world pause: this runtime frees memory by tracing, not by counting references).`;
    case "deadlock": {
      const cyc = deadlockCycle(store, e);
      const parts = cyc.map((c) => c.lock
        ? `${threadName(store, c.thread)} waits for ${c.label}${c.holder === c.thread ? ", which only it could release" : c.holder ? `, held by ${threadName(store, c.holder)}` : ""}`
        : `${threadName(store, c.thread)} waits to join ${threadName(store, c.holder)}`);
      return `Deadlock at ${at}: ${parts.join("; ") || e.note || "every thread is blocked"}. No thread in the cycle can run, so none will ever release what the next one waits for.`;
    }
  }
  return `${e.kind} at ${at}${e.thread ? ` on ${who}` : ""}`;
}

/** trueText says how the true count differs after a race, if the store knows it. */
function trueText(store, e) {
  const rc = store.refcountAt(num(e.obj), e.t);
  return rc && rc.trueCount !== rc.count ? `, while ${rc.trueCount} references exist` : "";
}

function holderText(store, gil, t) {
  const g = store.gils.get(gil);
  const i = g ? g.holds.at(t) : -1;
  return i >= 0 ? `${threadName(store, g.holds.a[i])} held it` : "someone else held it";
}

const STATE_WORDS = {
  runnable: "was ready to run but had no core",
  running_gil: "ran Python bytecode, holding the GIL",
  running: "ran on a core without the GIL (C code that released it, or a model without a GIL)",
  wait_gil: "waited for the GIL",
  blocked: "was blocked",
};

function explainSpan(store, tid, sp, core) {
  const state = STATES[sp.kind];
  const who = threadName(store, tid);
  const dur = fmtDur(sp.end - sp.start);
  const reason = store.reasons[sp.b] || "";
  let s = `From ${fmtTime(sp.start)} to ${fmtTime(sp.end)}${sp.open ? " (still going)" : ""}, ${who} ${STATE_WORDS[state] || state}`;
  if (state === "blocked" && reason) s += ` in ${reason}${sp.obj ? ` (on ${reason === "lock" ? "lock" : "object"} ${sp.obj})` : ""}`;
  const c = core !== undefined ? core : sp.a;
  if ((state === "running_gil" || state === "running") && c >= 0) s += ` on core ${c}`;
  s += ` for ${dur}.`;
  if (state === "wait_gil") {
    const g = store.gilList()[0];
    if (g) {
      const i = g.holds.at(sp.start);
      if (i >= 0 && g.holds.a[i] !== tid) s += ` ${threadName(store, g.holds.a[i])} held it. After one switch interval of waiting, a waiter sets a drop request; the holder gives the GIL up at its next check point.`;
    }
  }
  if (state === "runnable") s += " Every core was busy: the OS scheduler decides who runs next.";
  if (sp.merged > 1) s += ` (${sp.merged} state changes are merged into this span at this speed; zoom in or slow down to see them.)`;
  return s;
}

function explainHold(store, gil, sp) {
  const why = { 1: "released it voluntarily (a blocking call, C code releasing it, or thread exit)", 2: "was forced to drop it by a drop request", 3: "released it at the check interval (2.7)" }[sp.kind];
  return `From ${fmtTime(sp.start)} ${threadName(store, sp.a)} held the GIL${gil ? ` of interpreter ${gil}` : ""} for ${fmtDur(sp.end - sp.start)}${sp.open ? " and still holds it" : ""}${why ? `, then ${why}` : ""}. While it holds it, no other thread of this interpreter can run Python code.`;
}
