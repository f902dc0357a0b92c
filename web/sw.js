// Kapu service worker (written to the site's root at build time; kapu_build/offline.py fills in
// the manifest). It answers only GET requests for the files of its own build, from one cache
// named after the build's content hash, and stores nothing else: no query string, no fragment,
// no response to anything a reader typed (calculators run in the page, never over the network).
//
// - install: store the build's shared files (Pyodide, the wheel, CSS/JS), checking each against
//   the manifest's hash, so a cache never mixes files of two builds; and store again the
//   languages the previous build had stored, so an update keeps the site offline.
// - message "store-language": store every page of one language (the page asks after a visit
//   to a calculator), then answer on the message port.
// - message "skip-waiting": the reader chose to switch to the newer build now.
// - activate: delete the caches of older builds.
const MANIFEST = __KAPU_MANIFEST__;
const PREFIX = "kapu-site-";
const CACHE = `${PREFIX}${MANIFEST.version}`;
const SCOPE = self.registration.scope;
const MARK = "__kapu/stored-language/";

const address = (path) => new URL(path, SCOPE).href;
const HASHES = new Map();
for (const list of [MANIFEST.shared, ...Object.values(MANIFEST.languages)]) {
  for (const [path, hash] of list) HASHES.set(address(path), hash);
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// Fetch one file of this build and keep it only if it is the file the manifest names.
async function storeOne(cache, url, hash) {
  if (await cache.match(url)) return;
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (!(await sha256(body)).startsWith(hash)) throw new Error(`${url}: not the file of build ${MANIFEST.version}`);
  await cache.put(url, new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") || "" } }));
}

async function storeAll(cache, list) {
  const queue = [...list];
  const lane = async () => {
    while (queue.length) {
      const [path, hash] = queue.shift();
      await storeOne(cache, address(path), hash);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
}

async function storeLanguage(lang) {
  if (!MANIFEST.languages[lang]) return false;
  const cache = await caches.open(CACHE);
  await storeAll(cache, MANIFEST.languages[lang]);
  await cache.put(address(MARK + lang), new Response(lang));
  return true;
}

// The languages any older build of this site had stored offline.
async function languagesStoredBefore() {
  const languages = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const [, lang] = request.url.split(MARK);
      if (lang) languages.add(lang);
    }
  }
  return [...languages];
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await storeAll(await caches.open(CACHE), MANIFEST.shared);
    for (const lang of await languagesStoredBefore()) await storeLanguage(lang);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const { type, lang } = event.data || {};
  const reply = event.ports[0];
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "store-language") {
    event.waitUntil(storeLanguage(lang).then(
      (stored) => reply?.postMessage({ stored, lang, version: MANIFEST.version }),
      (err) => reply?.postMessage({ stored: false, lang, error: String(err) }),
    ));
  }
});

// A page's address as the manifest writes it: the folder, never index.html; no query, no fragment.
function key(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/index\.html$/, "/")}`;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = key(request.url);
  if (!HASHES.has(url)) return; // not a file of this build: the network answers, nothing is stored
  event.respondWith((async () => {
    const hit = await (await caches.open(CACHE)).match(url);
    return hit || fetch(request);
  })());
});
