// Kapu's Pyodide memory snapshot: Python's memory right after the calculators were imported and
// warmed up, kept in Cache Storage so a later visit restores it instead of booting cold.
// Pyodide's snapshot API is private (loadPyodide({_makeSnapshot}), makeMemorySnapshot(),
// loadPyodide({_loadSnapshot})) and tied to its exact version, so everything about it is here:
// - one entry, stored with its key (Pyodide's folder + the hashed wheel's address) and its
//   SHA-256; any other key (another Pyodide, another wheel, another site) is not used;
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
    if (response.headers.get("X-Kapu-Key") !== key) return { reason: "other-key" };
    const bytes = response.arrayBuffer().then(async (buffer) => {
      const view = new Uint8Array(buffer);
      marks.snapshot_bytes = performance.now();
      if ((await sha256(view)) !== response.headers.get("X-Kapu-Sha256")) throw new Unusable("hash");
      marks.snapshot_checked = performance.now();
      return view;
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
  const headers = { "X-Kapu-Key": key, "X-Kapu-Sha256": await sha256(bytes), "Content-Type": "application/octet-stream" };
  await (await caches.open(CACHE)).put(ENTRY, new Response(bytes, { headers }));
}

/**
 * Boot Pyodide from the snapshot for `key` when there is a usable one, else normally (ready to
 * make one). Returns { pyodide, snapshot } where snapshot is "restored", or the reason it was not
 * used ("missing", "other-key", "hash", "rejected: …", "no-storage", …).
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
