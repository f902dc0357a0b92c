// Kapu's Pyodide memory snapshot: Python's memory right after the calculators were imported and
// warmed up, kept in Cache Storage so a later visit restores it instead of booting cold.
// Pyodide's snapshot API is private (loadPyodide({_makeSnapshot}), makeMemorySnapshot(),
// loadPyodide({_loadSnapshot})) and tied to its exact version, so everything about it is here:
// - one entry, stored with its key (Pyodide's folder + the hashed wheel's address + the storage
//   format) and its SHA-256; any other key (another Pyodide, another wheel, another site) is not used;
// - a missing, truncated or altered entry is not used (the hash); if Pyodide still rejects the
//   bytes, the worker boots normally (bootPython below);
// - the 31 MB are read and hashed while Pyodide imports its loader and fetches its files (it
//   accepts a promise of the bytes), not before: that overlap is most of a repeat visit's saving;
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

/** The memory back from pack()'s body, its page ranges and the whole length; null if they disagree. */
export function unpack(body, pages, length) {
  if (!/^(\d+(-\d+)?(,\d+(-\d+)?)*)?$/.test(pages) || !(length > 0)) return null;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const range of pages ? pages.split(",") : []) {
    const [first, last = first] = range.split("-").map(Number);
    for (let page = first; page <= last; page++) {
      const size = Math.min(PAGE, length - page * PAGE);
      if (size <= 0 || at + size > body.length) return null;
      bytes.set(body.subarray(at, at + size), page * PAGE);
      at += size;
    }
  }
  return at === body.length ? bytes : null;
}

/**
 * The stored snapshot for `key`: { bytes } — a promise of its checked bytes — or { reason } it
 * cannot be used. Only the entry's headers are read here (no 31 MB yet): the bytes are read and
 * their hash checked while Pyodide loads its own files (loadPyodide takes a promise), and a
 * mismatch rejects that promise as Unusable("hash").
 */
export async function findSnapshot(key, marks = {}) {
  if (typeof caches === "undefined") return { reason: "no-storage" };
  try {
    const response = await (await caches.open(CACHE)).match(ENTRY);
    if (!response) return { reason: "missing" };
    if (response.headers.get("X-Kapu-Key") !== `${key} ${FORMAT}`) return { reason: "other-key" };
    const bytes = response.arrayBuffer().then(async (buffer) => {
      const body = new Uint8Array(buffer);
      marks.snapshot_bytes = performance.now();
      if ((await sha256(body)) !== response.headers.get("X-Kapu-Sha256")) throw new Unusable("hash");
      const memory = unpack(body, response.headers.get("X-Kapu-Pages"), Number(response.headers.get("X-Kapu-Length")));
      if (!memory) throw new Unusable("pages");
      marks.snapshot_checked = performance.now();
      return memory;
    }, (err) => {
      throw new Unusable(`unreadable: ${err}`);
    });
    bytes.catch(() => {}); // handled by bootPython (through loadPyodide)
    return { bytes };
  } catch (err) {
    return { reason: `unreadable: ${err}` };
  }
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
export async function bootPython(loadPyodide, indexURL, key, marks = {}) {
  const found = await findSnapshot(key, marks);
  let reason = found.reason;
  if (found.bytes) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: found.bytes });
      // Pyodide keeps the bytes referenced in its config: let the 30 MB go.
      if (pyodide._api?.config) pyodide._api.config._loadSnapshot = undefined;
      marks.pyodide_loaded = performance.now();
      return { pyodide, snapshot: "restored" };
    } catch (err) {
      reason = err instanceof Unusable ? err.message : `rejected: ${err && err.message || err}`;
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
