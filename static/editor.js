// editor.js defines Editor, the program editor: CodeMirror 6 (bundled in
// vendor/codemirror.js, see tools/vendor) with Python highlighting and line
// numbers, plus two kinds of marks that app.js sets:
//
//   - thread lines: while a run plays, the line each thread is at, in that
//     thread's colour (classes thread-c0 … thread-c9, coloured in app.css
//     with timeline.js's palettes),
//     with the thread ids in a gutter;
//   - an error: a syntax or runtime error at its line, with the message
//     under the editor.
//
// Marks are classes, never style attributes, so they pass the page's CSP.
// Escape leaves the editor (Tab indents inside it), so keyboard users are
// never trapped; Ctrl/Cmd+Enter asks to run.

import {
  EditorState, StateEffect, StateField, RangeSet, EditorView, Decoration, keymap,
  lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  GutterMarker, gutter, defaultKeymap, history, historyKeymap, indentWithTab,
  syntaxHighlighting, indentOnInput, bracketMatching, indentUnit, python, classHighlighter,
} from "./vendor/codemirror.js";

/** THREAD_COLOURS is how many thread colour classes app.css defines. */
export const THREAD_COLOURS = 10;

/** threadColourClass names the colour class of thread id (ids start at 1). */
export function threadColourClass(id) {
  return "thread-c" + ((Math.max(1, id) - 1) % THREAD_COLOURS);
}

// setMarks replaces every mark: {threads: [{id, line}], error: {line, message}|null}.
const setMarks = StateEffect.define();

/** ThreadMarker is the gutter marker listing the threads at one line. */
class ThreadMarker extends GutterMarker {
  constructor(ids) {
    super();
    this.ids = ids;
  }
  eq(other) {
    return other.ids.join() === this.ids.join();
  }
  toDOM() {
    const box = document.createElement("span");
    box.className = "thread-marks";
    for (const id of this.ids) {
      const dot = document.createElement("span");
      dot.className = "thread-mark " + threadColourClass(id);
      dot.textContent = String(id);
      box.append(dot);
    }
    return box;
  }
}

/** ErrorMarker is the gutter marker of the error line. */
class ErrorMarker extends GutterMarker {
  eq() {
    return true;
  }
  toDOM() {
    const m = document.createElement("span");
    m.className = "error-mark";
    m.textContent = "!";
    m.title = "error";
    return m;
  }
}

// lineStart returns the document position of 1-based line n, or -1.
function lineStart(doc, n) {
  if (!Number.isInteger(n) || n < 1 || n > doc.lines) return -1;
  return doc.line(n).from;
}

// buildMarks turns marks into line decorations and gutter markers.
function buildMarks(doc, marks) {
  const byLine = new Map();
  for (const { id, line } of marks.threads) {
    const at = lineStart(doc, line);
    if (at < 0) continue;
    if (!byLine.has(at)) byLine.set(at, []);
    byLine.get(at).push(id);
  }
  const lines = [];
  const gutters = [];
  for (const [at, ids] of byLine) {
    ids.sort((a, b) => a - b);
    const cls = "cm-thread-line " + threadColourClass(ids[0]) + (ids.length > 1 ? " cm-thread-line-many" : "");
    lines.push(Decoration.line({ class: cls }).range(at));
    gutters.push(new ThreadMarker(ids).range(at));
  }
  const errAt = marks.error ? lineStart(doc, marks.error.line) : -1;
  if (errAt >= 0) {
    lines.push(Decoration.line({ class: "cm-error-line" }).range(errAt));
    gutters.push(new ErrorMarker().range(errAt));
  }
  return {
    lines: Decoration.set(lines, true),
    gutters: RangeSet.of(gutters, true),
  };
}

const noMarks = { threads: [], error: null };

// marksField holds the current marks and their decorations. An edit clears
// the thread lines and the error: they describe the program that ran.
const marksField = StateField.define({
  create(state) {
    return { marks: noMarks, ...buildMarks(state.doc, noMarks) };
  },
  update(value, tr) {
    let marks = value.marks;
    for (const e of tr.effects) if (e.is(setMarks)) marks = e.value;
    if (tr.docChanged) marks = noMarks;
    if (marks === value.marks) return value;
    return { marks, ...buildMarks(tr.state.doc, marks) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.lines),
});

const marksGutter = gutter({
  class: "cm-marks-gutter",
  markers: (view) => view.state.field(marksField).gutters,
  initialSpacer: () => new ThreadMarker([1]),
});

/**
 * typeOverLines types a character over a selection that spans lines itself.
 * Left to the browser, Chromium's native editing merges the lines by copying
 * computed styles into style attributes, which the CSP blocks and reports.
 */
function typeOverLines(ev, view) {
  const sel = view.state.selection.main;
  if (sel.empty || ev.isComposing || ev.ctrlKey || ev.metaKey || ev.altKey || [...ev.key].length !== 1) return false;
  const doc = view.state.doc;
  if (doc.lineAt(sel.from).number === doc.lineAt(sel.to).number) return false;
  view.dispatch(view.state.replaceSelection(ev.key), { scrollIntoView: true, userEvent: "input.type" });
  ev.preventDefault();
  return true;
}

/**
 * Editor is the program editor mounted in parent.
 * options: {doc, onRun(), onChange(source), readOnly}.
 */
export class Editor {
  constructor(parent, options = {}) {
    this.onChange = options.onChange || (() => {});
    this.marks = noMarks;
    const onRun = options.onRun || (() => {});
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: options.doc || "",
        extensions: [
          lineNumbers(),
          marksGutter,
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          python(),
          syntaxHighlighting(classHighlighter),
          marksField,
          EditorState.tabSize.of(4),
          indentUnit.of("    "), // PEP 8
          EditorState.readOnly.of(!!options.readOnly),
          EditorView.contentAttributes.of({ "aria-label": "Python program" }),
          keymap.of([
            { key: "Mod-Enter", run: () => (onRun(), true) },
            { key: "Escape", run: (v) => (v.contentDOM.blur(), true) },
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          EditorView.domEventHandlers({ keydown: typeOverLines }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            this.marks = noMarks; // marksField dropped them too
            this.threadKey = "";
            this.onChange(this.value);
          }),
        ],
      }),
    });
  }

  /** value is the program text. */
  get value() {
    return this.view.state.doc.toString();
  }

  set value(source) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: source } });
  }

  /** hasFocus reports whether the editor has the keyboard focus. */
  get hasFocus() {
    return this.view.hasFocus;
  }

  focus() {
    this.view.focus();
  }

  /**
   * setThreadLines marks, for each {id, line}, the line thread id is at.
   * Cheap when nothing changed, so it may be called every frame.
   */
  setThreadLines(threads) {
    const key = threads.map((t) => t.id + ":" + t.line).join();
    if (key === this.threadKey) return;
    this.threadKey = key;
    this.update({ threads, error: this.marks.error });
    if (!this.hasFocus) this.revealThreads(threads);
  }

  /**
   * revealThreads scrolls the first marked line into view when none of the
   * marked lines is visible (never while the user is in the editor).
   */
  revealThreads(threads) {
    const doc = this.view.state.doc;
    const starts = threads.map((t) => lineStart(doc, t.line)).filter((p) => p >= 0);
    if (!starts.length) return;
    const { scrollTop, clientHeight } = this.view.scrollDOM;
    const inView = (p) => {
      const b = this.view.lineBlockAt(p);
      return b.top >= scrollTop && b.bottom <= scrollTop + clientHeight;
    };
    if (starts.some(inView)) return;
    this.view.dispatch({ effects: EditorView.scrollIntoView(Math.min(...starts), { y: "nearest", yMargin: 40 }) });
  }

  /** setError shows {line, col?, message} at its line; null clears it. */
  setError(error) {
    this.update({ threads: this.marks.threads, error });
    if (error && error.line) {
      const at = lineStart(this.view.state.doc, error.line);
      if (at >= 0) this.view.dispatch({ effects: EditorView.scrollIntoView(at, { y: "center" }) });
    }
  }

  /** errorLine is the line of the error shown, or 0. */
  get errorLine() {
    return (this.marks.error && this.marks.error.line) || 0;
  }

  update(marks) {
    this.marks = marks;
    this.view.dispatch({ effects: setMarks.of(marks) });
  }
}
