// Kapu's Pyodide memory snapshot: Python's memory right after the calculators were imported and
// warmed up, kept in Cache Storage so a later visit restores it instead of booting cold.
// Pyodide's snapshot API is private (loadPyodide({_makeSnapshot}), makeMemorySnapshot(),
// loadPyodide({_loadSnapshot})) and tied to its exact version, so everything about it is here:
// - one entry, stored with its key (Pyodide's folder + the hashed wheel's address) and its
//   SHA-256; any other key (another Pyodide, another wheel, another site) is not used;
// - a missing, truncated or altered entry is not used (the hash); if Pyodide still rejects the
//   bytes, the worker boots normally (bootPython below);
// - no Cache Storage (file://, some private windows): a normal boot, nothing stored.
const CACHE = "kapu-python-snapshot";
const ENTRY = "/__kapu/python-snapshot"; // an address inside the site's origin, never fetched

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The stored snapshot for `key`, or null with the reason it cannot be used. */
export async function readSnapshot(key) {
  if (typeof caches === "undefined") return { bytes: null, reason: "no-storage" };
  try {
    const response = await (await caches.open(CACHE)).match(ENTRY);
    if (!response) return { bytes: null, reason: "missing" };
    if (response.headers.get("X-Kapu-Key") !== key) return { bytes: null, reason: "other-key" };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if ((await sha256(bytes)) !== response.headers.get("X-Kapu-Sha256")) return { bytes: null, reason: "hash" };
    return { bytes, reason: null };
  } catch (err) {
    return { bytes: null, reason: `unreadable: ${err}` };
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
export async function bootPython(loadPyodide, indexURL, key) {
  let found = await readSnapshot(key);
  if (found.bytes) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: found.bytes });
      found = null;
      // Pyodide keeps the bytes referenced in its config: let the 30 MB go.
      if (pyodide._api?.config) pyodide._api.config._loadSnapshot = undefined;
      return { pyodide, snapshot: "restored" };
    } catch (err) {
      found = { bytes: null, reason: `rejected: ${err && err.message || err}` };
    }
  }
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
  return { pyodide, snapshot: found.reason };
}

/** Store a snapshot of `pyodide` now (after the first answer: imports and data are loaded). */
export async function makeSnapshot(pyodide, key) {
  await saveSnapshot(key, pyodide.makeMemorySnapshot());
}
