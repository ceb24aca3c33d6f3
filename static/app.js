// app.js is the entry module of the gilscope page. It is loaded with
// type="module", so it runs after the document is parsed, in strict mode.
//
// For now it only announces that the page is ready: browser tests wait for
// body[data-ready="1"] before they look at the page. Later modules (editor,
// controls, timeline, output) are imported from here with relative paths,
// which resolve inside the same content-hashed /static/<hash>/ directory.

/**
 * start wires up the page. It must not throw: any uncaught error fails the
 * browser tests.
 */
function start() {
  document.body.dataset.ready = "1";
}

start();
