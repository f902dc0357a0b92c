// Kapu embed page (frame side): only on /embed/<calculator>/ pages, beside bridge.js.
// Reads the embed's URL parameters (accent, theme, answers), reports to the parent page with the
// versioned message protocol {"kapu": 1, "type": …, "calculator": …} (see the For municipalities
// page), and opens answer links in a new tab. Prefill is the bridge's link state (below). No rule
// lives here.
import { BACKGROUND, parseHex, usableAccent } from "./__KAPU:contrast.mjs__";

export const PROTOCOL = 1;

const params = new URLSearchParams(location.search);
const widget = document.querySelector("[data-calculator]");
const calculator = widget?.dataset.calculator;

// --- theming: only parsed values reach the page, as CSS custom properties --------------------
const theme = params.get("theme") === "dark" ? "dark" : "light";
const body = document.body;
body.dataset.mdColorScheme = theme === "dark" ? "slate" : "default";
body.style.setProperty("--md-default-bg-color", BACKGROUND[theme]);
document.documentElement.style.backgroundColor = BACKGROUND[theme]; // the canvas too, under the body
const accent = parseHex(params.get("accent"));
if (accent) {
  const { hex } = usableAccent(accent, theme);
  for (const name of ["--md-primary-fg-color", "--md-primary-fg-color--dark", "--md-accent-fg-color",
    "--md-typeset-a-color", "--kapu-accent"]) {
    body.style.setProperty(name, hex);
  }
  // Text on an accent-coloured button: the background colour, which has 4.5:1 with the accent.
  body.style.setProperty("--md-primary-bg-color", BACKGROUND[theme]);
  body.style.setProperty("--md-accent-bg-color", BACKGROUND[theme]);
}

// --- messages: only to the parent, and the answer only to the parent's own origin ------------
function parentOrigin() {
  if (location.ancestorOrigins?.length) return location.ancestorOrigins[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

const host = parentOrigin();
const answers = params.get("answers") === "1" && host !== null && window.parent !== window;

function send(type, extra = {}, { privateData = false } = {}) {
  if (window.parent === window) return;
  if (privateData && !answers) return;
  // Heights and states say nothing about the reader; the answer goes only to the parent's origin.
  window.parent.postMessage({ kapu: PROTOCOL, type, calculator, ...extra }, privateData ? host : host || "*");
}

if (answers) document.querySelector("[data-kapu-answers-notice]")?.removeAttribute("hidden");

// --- prefill: the link state, the same as on every Kapu page. The bridge (web/linkstate.js) fills
// the form from the fragment #<calculator>.<field>=<value>&… and keeps it in step as the reader
// types; nothing of it is read here. "Copy link" and "Print this answer" name the calculator's full
// page (with the same fragment), not this chrome-less one: the widget's data-kapu-page.
const guide = document.querySelector(".kapu-embed__guide a[href]");
if (widget && guide) widget.dataset.kapuPage = new URL(guide.getAttribute("href"), location.href).href;

// --- answer links open in a new tab (the frame is not the place to read another site) --------
function openLinksOutside(root) {
  for (const a of root.querySelectorAll("[data-kapu-result] a[href]")) {
    a.target = "_blank";
    a.rel = "noopener";
  }
}

// --- state and size ----------------------------------------------------------------------------
if (widget) {
  const reportState = () => {
    const state = widget.dataset.state;
    if (state === "ready") send("ready");
    else if (state === "error") send("error", { message: widget.querySelector("[data-kapu-status]")?.textContent || "" });
  };
  new MutationObserver(reportState).observe(widget, { attributes: true, attributeFilter: ["data-state"] });
  reportState();
  widget.addEventListener("kapu:outcome", ({ detail }) => {
    openLinksOutside(widget);
    if (detail.status === "answer") send("answer", { status: detail.status, data: detail.data }, { privateData: true });
  });
}

const content = document.querySelector(".kapu-embed__content") || document.body;
let lastHeight = 0;
const reportHeight = () => {
  const height = Math.ceil(content.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    send("height", { height });
  }
};
// ResizeObserver alone is not enough: Chromium does not render a cross-origin frame that is
// scrolled out of view, so its observers stay silent; measuring after each answer, a resize or
// an opened "Why?" keeps the host's frame right wherever it is on the page.
new ResizeObserver(reportHeight).observe(content);
widget?.addEventListener("kapu:outcome", reportHeight);
window.addEventListener("resize", reportHeight);
document.addEventListener("toggle", reportHeight, true);
reportHeight();
