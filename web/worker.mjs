// Kapu worker: boots the self-hosted Pyodide, loads the calculators wheel from this site,
// and answers run requests with calculators.web.run_json. A module worker: Pyodide 314 needs it.
import { loadPyodide } from "__KAPU_PYODIDE__pyodide.mjs"; // Pyodide's versioned folder, filled in at build time

import { bootPython, makeSnapshot } from "./__KAPU:snapshot.mjs__";

const WHEEL_URL = new URL("__KAPU_WHEEL__", import.meta.url).href; // filled in at build time
const PYODIDE_URL = new URL("__KAPU_PYODIDE__", import.meta.url).href;
// A snapshot is only ever used with the same Pyodide and the same wheel (both hashed addresses).
const SNAPSHOT_KEY = `${PYODIDE_URL} ${WHEEL_URL}`;
let snapshotWanted = false;
let pyodideRef = null;

// The start-up is watched in two places, both reporting through fail() below: every download
// (any failed fetch before we are ready, e.g. a 404 for python_stdlib.zip or the wheel, is a
// failed start, reported at once) and every WebAssembly instantiation (a CSP that forbids
// compiling wasm, a broken pyodide.asm.wasm). A download that only stalls is not a failure:
// the bridge shows a "still loading" note and keeps waiting.
const nativeFetch = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  try {
    const response = await nativeFetch(resource, options);
    if (!response.ok) fail(`${url}: HTTP ${response.status}`);
    return response;
  } catch (err) {
    fail(`${url}: ${err && err.message || err}`);
    throw err;
  }
};

async function boot() {
  const t0 = performance.now();
  // Fetch our wheel while Pyodide boots, rather than after it (saves a round trip and a lock-file read).
  const wheel = fetch(WHEEL_URL).then((r) => {
    if (!r.ok) throw new Error(`calculators wheel: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  wheel.catch(fail); // at once, not when Pyodide is up
  const { pyodide, snapshot } = await bootPython(loadPyodide, PYODIDE_URL, SNAPSHOT_KEY);
  const t1 = performance.now();
  // The snapshot holds Python's memory, not its files: unpack the wheel every time (data files,
  // lazy imports).
  pyodide.unpackArchive(await wheel, "wheel");
  // The import is the real check that the package is there.
  const web = pyodide.pyimport("calculators.web");
  timings = { pyodide_ms: t1 - t0, wheel_and_import_ms: performance.now() - t1, snapshot };
  snapshotWanted = snapshot !== "restored" && snapshot !== "no-storage";
  pyodideRef = pyodide;
  return web.run_json;
}

let timings = null;

// Pyodide's loader catches a failed WebAssembly instantiation (a blocked or broken
// pyodide.asm.wasm) and only logs a warning, so loadPyodide() would never settle and the widget
// would wait for the bridge's timeout. Report such a failure as a failed start at once. Other
// load failures surface only as an unhandled rejection inside the loader: those too; the reader
// is told by the widget, so the browser need not report them again.
let booted = false;
let failed = false; // reported once: the bridge shows the first cause
function fail(reason) {
  if (booted || failed) return;
  failed = true;
  postMessage({ type: "failed", error: String((reason && reason.message) || reason) });
}
for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = (...args) => original.apply(WebAssembly, args).catch((err) => {
    fail(err);
    throw err;
  });
}
self.addEventListener("unhandledrejection", (event) => {
  if (booted) return;
  fail(event.reason);
  event.preventDefault();
});
self.addEventListener("error", (event) => fail(event.message));

const started = boot();
started.then(
  () => {
    booted = true;
    postMessage({ type: "ready", timings });
  },
  fail,
);

self.addEventListener("message", async ({ data }) => {
  if (data.type !== "run") return;
  try {
    const runJson = await started;
    postMessage({ type: "result", id: data.id, outcome: runJson(data.request) });
    if (snapshotWanted) {
      // After the first answer (the bridge's warm-up): Python has loaded what the calculators need.
      snapshotWanted = false;
      setTimeout(() => makeSnapshot(pyodideRef, SNAPSHOT_KEY).then(
        () => postMessage({ type: "snapshot", stored: true }),
        (err) => postMessage({ type: "snapshot", stored: false, error: String(err) }),
      ), 0);
    }
  } catch (err) {
    postMessage({ type: "error", id: data.id, error: String(err && err.message || err) });
  }
});
