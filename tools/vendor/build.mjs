// build.mjs bundles gilscope's third-party browser libraries into
// static/vendor/ as minified ES modules (esbuild). The bundles are
// committed, so building, testing and the Docker image never need Node; run
// this only to upgrade a library (edit the pinned versions in package.json):
//
//   cd tools/vendor && npm ci && node build.mjs
//
// One patch is applied while bundling: style-mod, which injects
// CodeMirror's base theme, puts it in a <style> element when the root is a
// document, and the page's CSP (style-src 'self', no 'unsafe-inline')
// blocks that. The patch makes it use a constructed stylesheet
// (document.adoptedStyleSheets) wherever the browser has them, as it
// already does for shadow roots. Constructed sheets come after the page's
// own in the cascade, so app.css overrides CodeMirror's rules with more
// specific selectors.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";

const styleModPatch = {
  name: "style-mod-adopted",
  setup(b) {
    b.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const src = await readFile(args.path, "utf8");
      const from = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
      if (!src.includes(from)) throw new Error("style-mod changed: review the CSP patch in build.mjs");
      return { contents: src.replace(from, "if (root.adoptedStyleSheets && win.CSSStyleSheet) {"), loader: "js" };
    });
  },
};

for (const lib of ["codemirror", "qrcode"]) {
  await build({
    entryPoints: [`${lib}.entry.js`],
    outfile: `../../static/vendor/${lib}.js`,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2020",
    legalComments: "eof",
    plugins: [styleModPatch],
    logLevel: "info",
  });
}
