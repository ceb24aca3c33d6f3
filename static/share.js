// share.js defines the share dialog: it asks the server for a share link
// (POST /api/share, docs/protocol.md) and shows it with a QR code big enough
// to scan from a projected screen. The QR encoder (vendor/qrcode.js, from
// qrcode-generator; see tools/vendor) is loaded only when a link is shared,
// so it does not weigh on the first load.

/** QR_QUIET is the blank border around a QR code, in modules (the standard asks for 4). */
const QR_QUIET = 4;

/**
 * createShare posts {workload, view} to /api/share and returns the link's
 * absolute URL and id.
 */
export async function createShare(workload, view) {
  const res = await fetch("/api/share", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ workload, view }),
  });
  if (!res.ok) {
    let msg = res.status + " " + res.statusText;
    try {
      const body = await res.json();
      if (body && body.error) msg = body.error.message || String(body.error);
    } catch {
      // not JSON: keep the status line
    }
    throw new Error("could not create the link: " + msg);
  }
  const { id, url } = await res.json();
  return { id, url: new URL(url || "/s/" + id, location.href).href };
}

/**
 * drawQR draws text as a QR code on canvas, in black on white, sized in
 * device pixels so the modules stay sharp.
 */
export async function drawQR(canvas, text) {
  const { qrcode } = await import("./vendor/qrcode.js");
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const total = n + 2 * QR_QUIET;
  const cssSize = canvas.getBoundingClientRect().width || 320;
  const scale = Math.max(1, Math.floor((cssSize * (window.devicePixelRatio || 1)) / total));
  canvas.width = canvas.height = total * scale;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = "#000";
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.isDark(r, c)) ctx.fillRect((c + QR_QUIET) * scale, (r + QR_QUIET) * scale, scale, scale);
    }
  }
  canvas.dataset.modules = String(n);
}

/**
 * ShareDialog is the <dialog id="share-dialog"> of the page. open(make)
 * shows it at once and fills it when make() resolves to {url}.
 */
export class ShareDialog {
  constructor() {
    this.dialog = document.getElementById("share-dialog");
    this.url = document.getElementById("share-url");
    this.qr = document.getElementById("share-qr");
    this.status = document.getElementById("share-status");
    document.getElementById("share-copy").addEventListener("click", () => this.copy());
  }

  async open(make) {
    this.url.value = "";
    this.status.textContent = "Creating the link…";
    this.dialog.dataset.ready = "";
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const { url } = await make();
      this.url.value = url;
      await drawQR(this.qr, url);
      this.status.textContent = "Scan the code or copy the link.";
      this.dialog.dataset.ready = "1";
      this.url.focus();
      this.url.select();
    } catch (err) {
      this.status.textContent = err.message;
      this.dialog.dataset.ready = "error";
    }
  }

  async copy() {
    this.url.select();
    try {
      await navigator.clipboard.writeText(this.url.value);
      this.status.textContent = "Copied.";
    } catch {
      this.status.textContent = "Select the link and copy it (Ctrl+C).";
    }
  }
}
