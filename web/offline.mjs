// Kapu offline: registers the service worker (the site's /sw.js, beside the pages, so a site under
// a sub-path keeps its own scope), asks it to store the page's language, and tells the reader, in
// the page's language, when a newer build is ready. Loaded by the bridge only over http(s) and
// only where service workers exist; any failure here leaves the page as it is (online only).
const SW_URL = new URL("../../sw.js", import.meta.url);
const MESSAGES = __KAPU_UPDATE_MESSAGES__; // filled in at build time from the catalogs

function lang() {
  const code = document.documentElement.lang || "en";
  return MESSAGES[code] ? code : "en";
}

function ask(worker, message) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => resolve(data);
    worker.postMessage(message, [channel.port2]);
  });
}

let switching = false;

function showUpdate(waiting) {
  if (document.querySelector(".kapu-update")) return;
  const words = MESSAGES[lang()];
  const box = document.createElement("div");
  box.className = "kapu-update";
  box.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = words.ready;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "kapu-update__reload";
  button.textContent = words.reload;
  button.addEventListener("click", () => {
    switching = true;
    waiting.postMessage({ type: "skip-waiting" });
  });
  box.append(text, " ", button);
  document.body.append(box);
}

function watchUpdates(registration) {
  // Only a page that a worker already controls has an older build to replace.
  const announce = (worker) => { if (navigator.serviceWorker.controller) showUpdate(worker); };
  const track = (worker) => worker?.addEventListener("statechange", () => {
    if (worker.state === "installed") announce(worker);
  });
  if (registration.waiting) announce(registration.waiting);
  track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (switching) location.reload();
  });
}

/** Register the service worker; with `store`, keep this page's language available offline. */
export async function enableOffline({ store }) {
  const registration = store
    ? await navigator.serviceWorker.register(SW_URL)
    : await navigator.serviceWorker.getRegistration(SW_URL);
  if (!registration) return;
  watchUpdates(registration);
  if (!store) return;
  const active = (await navigator.serviceWorker.ready).active;
  const answer = await ask(active, { type: "store-language", lang: document.documentElement.lang || "en" });
  if (answer.stored) document.documentElement.dataset.kapuOffline = answer.lang; // for tests and embedders
}
