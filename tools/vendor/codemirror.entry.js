// codemirror.entry.js lists what gilscope uses of CodeMirror 6: build.sh
// bundles it into static/vendor/codemirror.js, an ES module that
// static/editor.js imports. Add an export here, then rebuild.
export { EditorState, StateEffect, StateField, RangeSet, Compartment } from "@codemirror/state";
export {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine,
  highlightActiveLineGutter, drawSelection, GutterMarker, gutter,
} from "@codemirror/view";
export { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
export { syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from "@codemirror/language";
export { python } from "@codemirror/lang-python";
// Tokens get tok-* classes, coloured in app.css, so themes (presentation
// mode) are plain CSS.
export { classHighlighter } from "@lezer/highlight";
