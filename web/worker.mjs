// Kapu worker: boots the self-hosted Pyodide, loads the calculators wheel from this site,
// and answers run requests with calculators.web.run_json. A module worker: Pyodide 314 needs it.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const WHEEL_URL = new URL("__KAPU_WHEEL__", import.meta.url).href; // filled in at build time
// An empty WebAssembly module: compiling it is the check that a Content-Security-Policy allows wasm.
const EMPTY_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

// Pyodide swallows some load failures (a pyodide.asm.wasm that answers 404 or may not be compiled
// only logs "wasm instantiation failed!"), and loadPyodide() then never settles. So we watch the
// start-up ourselves: any failed fetch before we are ready is a failed start, reported at once.
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
  new WebAssembly.Module(EMPTY_WASM); // throws at once when a CSP forbids compiling WebAssembly
  // Fetch our wheel while Pyodide boots, rather than after it (saves a round trip and a lock-file read).
  const wheel = fetch(WHEEL_URL).then((r) => {
    if (!r.ok) throw new Error(`calculators wheel: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  wheel.catch(fail); // at once, not when Pyodide is up
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
  const t1 = performance.now();
  pyodide.unpackArchive(await wheel, "wheel");
  // The import is the real check that the package is there.
  const web = pyodide.pyimport("calculators.web");
  timings = { pyodide_ms: t1 - t0, wheel_and_import_ms: performance.now() - t1 };
  return web.run_json;
}

let timings = null;

// Some load failures surface only as an unhandled rejection inside Pyodide's loader, never
// rejecting loadPyodide(): report those as a failed start too (once; the bridge shows it).
let booted = false;
let failed = false;
function fail(reason) {
  if (booted || failed) return;
  failed = true;
  postMessage({ type: "failed", error: String((reason && reason.message) || reason) });
}
self.addEventListener("unhandledrejection", (event) => fail(event.reason));
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
  } catch (err) {
    postMessage({ type: "error", id: data.id, error: String(err && err.message || err) });
  }
});
