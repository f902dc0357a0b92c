// Kapu's Pyodide memory snapshot: Python's memory right after the calculators were imported and
// warmed up, kept in Cache Storage so a later visit restores it instead of booting cold.
// Pyodide's snapshot API is private (loadPyodide({_makeSnapshot}), makeMemorySnapshot(),
// loadPyodide({_loadSnapshot})) and tied to its exact version, so everything about it is here:
// - one entry, stored with its key (Pyodide's folder + the hashed wheel's address + the storage
//   format) and its SHA-256; any other key (another Pyodide, another wheel, another site) is not used;
// - a missing, truncated or altered entry is not used (the hash); if Pyodide still rejects the
//   bytes, the worker boots normally (bootPython below);
// - the stored bytes are read, hashed and unpacked while Pyodide imports its loader, fetches and
//   instantiates its wasm (it needs only the memory's length until then: see bootPython);
// - no Cache Storage (file://, some private windows): a normal boot, nothing stored.
const CACHE = "kapu-python-snapshot";
const ENTRY = "/__kapu/python-snapshot"; // an address inside the site's origin, never fetched

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

class Unusable extends Error {}

// About half of Python's memory is all-zero 64 KiB pages. Only the other pages are stored (and so
// read and hashed on every visit), with their numbers in a header ("0-211,230,400-479"); the
// zero pages come back as the zeros of a new array. The format is part of the key.
const FORMAT = "sparse-64k-1";
const PAGE = 65536;

function isZero(bytes, start, end) {
  if ((bytes.byteOffset + start) % 4 === 0 && (end - start) % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 4);
    for (let i = 0; i < words.length; i++) if (words[i]) return false;
    return true;
  }
  for (let i = start; i < end; i++) if (bytes[i]) return false;
  return true;
}

/** The non-zero pages of `bytes`, one after another, and their numbers as ranges. */
export function pack(bytes) {
  const kept = [];
  for (let start = 0; start < bytes.length; start += PAGE) {
    if (!isZero(bytes, start, Math.min(bytes.length, start + PAGE))) kept.push(start / PAGE);
  }
  const body = new Uint8Array(kept.reduce((n, page) => n + Math.min(PAGE, bytes.length - page * PAGE), 0));
  let at = 0;
  for (const page of kept) {
    const part = bytes.subarray(page * PAGE, Math.min(bytes.length, (page + 1) * PAGE));
    body.set(part, at);
    at += part.length;
  }
  const ranges = [];
  for (const page of kept) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === page - 1) last[1] = page;
    else ranges.push([page, page]);
  }
  return { body, pages: ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(",") };
}

/**
 * Put pack()'s body back into `memory` (zero-filled, Python's whole memory) by its page ranges;
 * false if the ranges and the body disagree. Checked before any byte is written.
 */
export function unpackInto(memory, body, pages) {
  if (!/^(\d+(-\d+)?(,\d+(-\d+)?)*)?$/.test(pages)) return false;
  const runs = [];
  let at = 0;
  for (const range of pages ? pages.split(",") : []) {
    const [first, last = first] = range.split("-").map(Number);
    const size = Math.min((last + 1) * PAGE, memory.length) - first * PAGE;
    if (last < first || last * PAGE >= memory.length || at + size > body.length) return false;
    runs.push([at, first * PAGE, size]);
    at += size;
  }
  if (at !== body.length) return false;
  for (const [from, to, size] of runs) memory.set(body.subarray(from, from + size), to);
  return true;
}

/**
 * In the page: read the stored entry and post it to the new worker (`to`: a dedicated worker, or a
 * shared worker's port), which is still starting its thread and fetching its scripts (about 50 ms);
 * the worker's own thread is then busy with Pyodide's set-up, where reading 16 MB took it
 * 100–230 ms. Two messages: { type: "snapshot", headers } (or a `reason` there is none), then
 * { type: "snapshot-body", body } (transferred, not copied) or { type: "snapshot-body", error }.
 * A dedicated worker gets the headers as soon as the entry is found (it needs only the memory's
 * length to start); with `whole`, both are posted together once the body is read, so a page that
 * goes away meanwhile leaves a shared worker nothing half offered (it asks the next page). The
 * worker checks everything (key, hash, pages): this only reads.
 */
export async function offerSnapshot(to, { whole = false } = {}) {
  if (typeof caches === "undefined") {
    to.postMessage({ type: "snapshot", reason: "no-storage" });
    return;
  }
  let response;
  try {
    response = await (await caches.open(CACHE)).match(ENTRY);
  } catch (err) {
    to.postMessage({ type: "snapshot", reason: `unreadable: ${err}` });
    return;
  }
  if (!response) {
    to.postMessage({ type: "snapshot", reason: "missing" });
    return;
  }
  const headers = { type: "snapshot", headers: Object.fromEntries(response.headers) };
  if (!whole) to.postMessage(headers);
  let body = null;
  let error = null;
  try {
    body = await response.arrayBuffer();
  } catch (err) {
    error = String(err);
  }
  if (whole) to.postMessage(headers);
  if (body) to.postMessage({ type: "snapshot-body", body }, [body]);
  else to.postMessage({ type: "snapshot-body", error });
}

/**
 * The offered snapshot for `key`: { memory, filled } — Python's memory, zero-filled at first, and a
 * promise that fills it with the entry's checked bytes — or { reason } it cannot be used. `offered`
 * holds the messages offerSnapshot() posted, as the worker receives them ({ headers, body }:
 * promises of each message's data). Only the headers are needed here (they give the memory's
 * length, all Pyodide needs to start): the bytes are hashed and unpacked while Pyodide imports its
 * loader, fetches and instantiates its wasm. A mismatch rejects `filled` with
 * Unusable("hash"/"pages") and leaves `memory` zero.
 */
export async function findSnapshot(key, offered, marks = {}) {
  const found = await offered.headers;
  if (!found.headers) return { reason: found.reason };
  const headers = new Headers(found.headers);
  if (headers.get("X-Kapu-Key") !== `${key} ${FORMAT}`) return { reason: "other-key" };
  const length = Number(headers.get("X-Kapu-Length"));
  if (!(length > 0)) return { reason: "pages" };
  const memory = new Uint8Array(length);
  const filled = offered.body.then(async ({ body: buffer, error }) => {
    if (!buffer) throw new Unusable(`unreadable: ${error}`);
    const body = new Uint8Array(buffer);
    marks.snapshot_bytes = performance.now();
    if ((await sha256(body)) !== headers.get("X-Kapu-Sha256")) throw new Unusable("hash");
    if (!unpackInto(memory, body, headers.get("X-Kapu-Pages"))) throw new Unusable("pages");
    marks.snapshot_checked = performance.now();
  });
  filled.catch(() => {}); // handled by bootPython
  return { memory, filled };
}

export async function saveSnapshot(key, bytes) {
  if (typeof caches === "undefined") return;
  const { body, pages } = pack(bytes);
  const headers = {
    "X-Kapu-Key": `${key} ${FORMAT}`, "X-Kapu-Sha256": await sha256(body), "X-Kapu-Pages": pages,
    "X-Kapu-Length": String(bytes.length), "Content-Type": "application/octet-stream",
  };
  await (await caches.open(CACHE)).put(ENTRY, new Response(body, { headers }));
}

/**
 * Boot Pyodide from the snapshot for `key` when there is a usable one, else normally (ready to
 * make one). Returns { pyodide, snapshot } where snapshot is "restored", or the reason it was not
 * used ("missing", "other-key", "hash", "pages", "rejected: …", "no-storage", …).
 */
export async function bootPython(loadPyodide, indexURL, key, offered, marks = {}) {
  const found = await findSnapshot(key, offered, marks);
  let reason = found.reason;
  if (found.memory) {
    try {
      // Pyodide needs only the memory's length to set itself up; it reads the bytes after its wasm
      // is instantiated, and runs `fsInit` (a documented hook, awaited) just before that: the
      // bytes are checked and in place by then. If they are not usable, `memory` stays zero, and
      // Pyodide rejects it ("invalid magic number") before running any of it.
      const pyodide = await loadPyodide({
        indexURL, _loadSnapshot: found.memory,
        fsInit: () => {
          marks.fs_init = performance.now();
          return found.filled.catch(() => {});
        },
      });
      // Pyodide keeps the bytes referenced in its config: let the 30 MB go.
      if (pyodide._api?.config) pyodide._api.config._loadSnapshot = undefined;
      marks.pyodide_loaded = performance.now();
      return { pyodide, snapshot: "restored" };
    } catch (err) {
      reason = await found.filled.then(
        () => `rejected: ${err && err.message || err}`,
        (unusable) => (unusable instanceof Unusable ? unusable.message : `rejected: ${unusable}`),
      );
    }
  }
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
  marks.pyodide_loaded = performance.now();
  return { pyodide, snapshot: reason };
}

/** Store a snapshot of `pyodide` now (after the first answer: imports and data are loaded). */
export async function makeSnapshot(pyodide, key) {
  await saveSnapshot(key, pyodide.makeMemorySnapshot());
}
