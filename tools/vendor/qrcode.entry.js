// qrcode.entry.js re-exports the QR encoder (qrcode-generator) for
// static/share.js; build.sh bundles it into static/vendor/qrcode.js.
export { default as qrcode } from "qrcode-generator";
