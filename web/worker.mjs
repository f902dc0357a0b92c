// Kapu worker: boots the self-hosted Pyodide, loads the calculators wheel from this site,
// and answers run requests with calculators.web.run_json. A module worker: Pyodide 314 needs it.
// The bridge starts it as a shared worker where the browser has them (one Python for every page
// of the site, which outlives a navigation: web/bridge.js), else as one page's dedicated worker.
// No static import: the worker's module graph is this one file, so its start-up begins as soon as
// it is fetched, with Pyodide's loader, its 1.2 MB pyodide.asm.mjs and our snapshot module all
// fetched at once (a static import would fetch them only after this file, then run nothing until
// all had arrived).
const PYODIDE_URL = new URL("__KAPU_PYODIDE__", import.meta.url).href; // Pyodide's versioned folder, filled in at build time
const pyodideLoader = import(`${PYODIDE_URL}pyodide.mjs`);
const snapshotModule = import("./__KAPU:snapshot.mjs__");
// Who hears this worker: a dedicated worker's one page (the worker itself is the channel), or a
// shared worker's pages, one port each (added as they connect, below). Each page is told "ready"
// or "failed", and answered on its own channel. (A port whose page has gone stays in the set: the
// browser does not tell the worker, and posting to it does nothing.)
const shared = typeof SharedWorkerGlobalScope === "function" && self instanceof SharedWorkerGlobalScope;
const channels = shared ? new Set() : new Set([self]);
const tellAll = (message) => { for (const channel of channels) channel.postMessage(message); };

// The stored snapshot, read by a page while this worker starts (web/snapshot.mjs offerSnapshot):
// listened for from the start, as a message that comes before anyone listens is lost. The headers
// and the body come from the same page: the first that offers one (a shared worker asks every
// page that connects before one has: the page first asked may have gone away).
const offered = {};
{
  const got = {};
  let offeredBy = null;
  offered.headers = new Promise((resolve) => { got.snapshot = resolve; });
  offered.body = new Promise((resolve) => { got["snapshot-body"] = resolve; });
  offered.wanted = () => offeredBy === null;
  offered.receive = (data, channel) => {
    if (data?.type === "snapshot" && offeredBy === null) offeredBy = channel;
    if (channel === offeredBy) got[data?.type]?.(data);
  };
  if (!shared) self.addEventListener("message", ({ data }) => offered.receive(data, self));
}
// Pyodide's 9.6 MB wasm, fetched and compiled from the worker's start (V8 compiles it on other
// threads as its bytes arrive) rather than when loadPyodide asks for it, after importing and
// setting up its loader (~150 ms later). Pyodide's own fetch of it gets a stand-in (self.fetch
// below) and its instantiateStreaming the module compiled here (WebAssembly.instantiateStreaming
// below); if this compile fails, Pyodide's request is made for real and fails or works as it would.
const nativeFetch = self.fetch.bind(self);
const WASM_URL = `${PYODIDE_URL}pyodide.asm.wasm`;
const wasmCompiled = WebAssembly.compileStreaming(nativeFetch(WASM_URL));
wasmCompiled.catch(() => {}); // a failure is reported when Pyodide instantiates it
// Given to Pyodide's first fetch of the wasm only: a second boot (a snapshot fallback) fetches its own.
let wasmStandIn = null;
// Pyodide's 1.2 MB loader, imported now rather than after loadPyodide's set-up (the same module
// instance: loadPyodide's own import then finds it loaded); a failure is loadPyodide's to report.
const asmImported = import(`${PYODIDE_URL}pyodide.asm.mjs`);

// When each step of the start-up ended, in ms from the worker's creation (its time origin), for
// the benchmark's breakdown (window.Kapu.timings.marks): this module evaluated,
// Pyodide's loader imported, the wheel fetched, the snapshot received and checked, the wasm asked
// for and instantiated, Pyodide's fsInit hook reached (just before it restores the memory),
// Pyodide loaded, the wheel unpacked, calculators.web imported.
const marks = { modules: performance.now() };
asmImported.then(() => { marks.asm_imported = performance.now(); }, () => {});

const WHEEL_URL = new URL("__KAPU_WHEEL__", import.meta.url).href; // filled in at build time
// A snapshot is only ever used with the same Pyodide and the same wheel (both hashed addresses).
const SNAPSHOT_KEY = `${PYODIDE_URL} ${WHEEL_URL}`;
let snapshotWanted = false;
let pyodideRef = null;

// The start-up is watched in two places, both reporting through fail() below: every download
// (any failed fetch before we are ready, e.g. a 404 for python_stdlib.zip or the wheel, is a
// failed start, reported at once) and every WebAssembly instantiation (a CSP that forbids
// compiling wasm, a broken pyodide.asm.wasm). A download that only stalls is not a failure:
// the bridge shows a "still loading" note and keeps waiting.
self.fetch = async (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  if (url === WASM_URL && !wasmStandIn) {
    wasmStandIn = new Response(null, { headers: { "Content-Type": "application/wasm" } });
    return wasmStandIn;
  }
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
  }).then((bytes) => {
    marks.wheel_fetched = performance.now();
    return bytes;
  });
  wheel.catch(fail); // at once, not when Pyodide is up
  const [{ loadPyodide }, { bootPython }] = await Promise.all([pyodideLoader, snapshotModule]);
  const { pyodide, snapshot } = await bootPython(loadPyodide, PYODIDE_URL, SNAPSHOT_KEY, offered, marks);
  const t1 = performance.now();
  // The snapshot holds Python's memory, not its files: unpack the wheel every time (data files,
  // lazy imports).
  pyodide.unpackArchive(await wheel, "wheel");
  marks.wheel_unpacked = performance.now();
  // The import is the real check that the package is there.
  const web = pyodide.pyimport("calculators.web");
  marks.imported = performance.now();
  timings = { pyodide_ms: t1 - t0, wheel_and_import_ms: performance.now() - t1, snapshot, marks,
              origin: performance.timeOrigin, worker: shared ? "shared" : "dedicated", running: false };
  snapshotWanted = snapshot !== "restored" && snapshot !== "no-storage";
  pyodideRef = pyodide;
  webModule = web;
  return web.run_json;
}

let webModule = null;

// Before the snapshot is taken: every calculator once (an empty form, in the language and with
// the date of the page's first request), each in its own task so a keystroke is answered in
// between. The snapshot then holds every calculator's modules and data, and a first visit to
// another calculator starts as fast as a reload of this one. The names come from Python.
async function warmEveryCalculator(request) {
  let asked = null;
  try {
    asked = JSON.parse(request);
  } catch {
    // an embedder's first call may be anything: warm up in English, today
  }
  const lang = typeof asked?.lang === "string" ? asked.lang : "en";
  const today = typeof asked?.today === "string" ? asked.today : new Date().toISOString().slice(0, 10);
  const warmed = {}; // name -> the status of its empty form (reported with the snapshot, for tests)
  for (const name of webModule.CALCULATORS) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    warmed[name] = JSON.parse(webModule.run_json(JSON.stringify({ calculator: name, values: {}, lang, today }))).status;
  }
  return warmed;
}

let timings = null;

// Pyodide's loader catches a failed WebAssembly instantiation (a blocked or broken
// pyodide.asm.wasm) and only logs a warning, so loadPyodide() would never settle and the widget
// would wait for the bridge's timeout. Report such a failure as a failed start at once. Other
// load failures surface only as an unhandled rejection inside the loader: those too; the reader
// is told by the widget, so the browser need not report them again.
let booted = false;
let failure = null; // reported once: the bridge shows the first cause
function fail(reason) {
  if (booted || failure !== null) return;
  failure = String((reason && reason.message) || reason);
  tellAll({ type: "failed", error: failure });
  endOnceTold();
}
// A shared worker that could not start ends, so that the next page starts a new one; but only once
// a page has been told: a failure can come before the first page's "connect" is dispatched (a
// request refused at once), and a page that connects to an ended worker would wait for ever.
function endOnceTold() {
  if (shared && channels.size > 0) self.close();
}
// The stand-in's instantiation: the module compiled at the start, or (if that failed) Pyodide's
// request made for real.
const nativeInstantiateStreaming = WebAssembly.instantiateStreaming;
async function instantiateStandIn(source, imports) {
  const response = await source;
  if (response !== wasmStandIn) return nativeInstantiateStreaming(response, imports);
  let module;
  try {
    module = await wasmCompiled;
  } catch {
    return nativeInstantiateStreaming(self.fetch(WASM_URL), imports);
  }
  return { module, instance: await WebAssembly.instantiate(module, imports) };
}
for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = name === "instantiateStreaming" ? instantiateStandIn : WebAssembly[name];
  WebAssembly[name] = (...args) => {
    const big = name === "instantiateStreaming" || args[0]?.byteLength > 1e6;
    if (big) marks.wasm_asked = performance.now();
    return original.apply(WebAssembly, args).then((result) => {
      if (big) marks.wasm_instantiated = performance.now();
      return result;
    }, (err) => {
      fail(err);
      throw err;
    });
  };
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
    tellAll({ type: "ready", timings });
  },
  fail,
);

async function answer(data, channel) {
  if (data?.type !== "run") return;
  try {
    const runJson = await started;
    channel.postMessage({ type: "result", id: data.id, outcome: runJson(data.request) });
    if (snapshotWanted) {
      // After the first answer (the bridge's warm-up): Python has loaded what the calculators need.
      snapshotWanted = false;
      let warmed = null;
      warmEveryCalculator(data.request).then(async (w) => {
        warmed = w;
        return (await snapshotModule).makeSnapshot(pyodideRef, SNAPSHOT_KEY);
      }).then(
        () => tellAll({ type: "snapshot", stored: true, warmed }),
        (err) => tellAll({ type: "snapshot", stored: false, error: String(err) }),
      );
    }
  } catch (err) {
    channel.postMessage({ type: "error", id: data.id, error: String(err && err.message || err) });
    if (booted) stopped(err);
  }
}

// run_json answers every request, a bad one with an error outcome: a call that throws means Python
// itself no longer works (Pyodide refuses every call after a fatal error). A dedicated worker ends
// with its page, but a shared one would go on serving the next pages with it: tell every page, and
// end, so that the next page starts a new one.
function stopped(err) {
  tellAll({ type: "failed", error: `Python stopped: ${err && err.message || err}` });
  if (shared) self.close();
}

if (shared) {
  // A page connects: it is asked for the stored snapshot while none has been offered, and told at
  // once if Python is already running (a reload, another calculator: no start-up at all) or could
  // not start.
  self.addEventListener("connect", ({ ports: [port] }) => {
    channels.add(port);
    port.addEventListener("message", ({ data }) => {
      offered.receive(data, port);
      answer(data, port);
    });
    port.start();
    port.postMessage({ type: "hello", wantsSnapshot: offered.wanted() && !booted && failure === null });
    if (booted) port.postMessage({ type: "ready", timings: { ...timings, running: true } });
    else if (failure !== null) {
      port.postMessage({ type: "failed", error: failure });
      endOnceTold();
    }
  });
} else {
  self.addEventListener("message", ({ data }) => answer(data, self));
}
