// The embed builder on the For municipalities page. `snippets()` is the one function that writes
// both embed codes (the no-script iframe and the script version): the builder shows its output and
// the browser tests paste exactly that into their host pages.
import { parseHex, toHex, usableAccent } from "./__KAPU:contrast.mjs__";

export const DEFAULT_ACCENT = "#4051b5"; // Material's indigo, the site's own
export const SITE = new URL("../../", import.meta.url).href; // the Kapu site's root, sub-path included
const LANGS = ["en", "hu", "pl", "vi"];

const attr = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The accent as the embed will use it: null for the default or anything that is not a hex
 *  colour; otherwise {chosen, hex, changed} with the nearest colour that keeps 4.5:1. */
export function accentFor(accent, theme = "light") {
  const rgb = parseHex(accent);
  if (!rgb || toHex(rgb) === DEFAULT_ACCENT) return null;
  const used = usableAccent(rgb, theme);
  return { chosen: toHex(rgb), hex: used.hex, changed: used.changed };
}

/** The embed page's address: <site>[<lang>/]embed/<calculator>/?accent=…&theme=dark&answers=1#<calculator>.<field>=… */
export function embedUrl({ site = SITE, calculator, lang = "en", accent = "", theme = "light", answers = false, prefill = {} }) {
  const url = new URL(`${lang === "en" ? "" : `${lang}/`}embed/${calculator}/`, site);
  const used = accentFor(accent, theme);
  if (used) url.searchParams.set("accent", used.hex.slice(1));
  if (theme === "dark") url.searchParams.set("theme", "dark");
  if (answers) url.searchParams.set("answers", "1");
  const fragment = new URLSearchParams();
  for (const [field, value] of Object.entries(prefill)) fragment.append(`${calculator}.${field}`, value);
  url.hash = fragment.toString();
  return url.href;
}

/** Both embed codes for one choice of options: {iframe, script, url, attributes}.
 *  options: {site, calculator, lang, accent, theme, answers, prefill, title, height}. */
export function snippets(options) {
  const { site = SITE, calculator, lang = "en", theme = "light", answers = false, prefill = {}, title = "Kapu", height = 600 } = options;
  if (!/^[a-z][a-z0-9-]*$/.test(calculator) || !LANGS.includes(lang)) throw new Error(`no such embed: ${calculator} ${lang}`);
  const url = embedUrl({ ...options, site });
  const iframe = `<iframe src="${attr(url)}" title="${attr(title)}" style="width:100%;border:0" height="${Number(height)}"></iframe>`;
  const used = accentFor(options.accent, theme);
  const attributes = { "data-kapu-calculator": calculator, "data-lang": lang, "data-title": title, "data-height": String(Number(height)) };
  if (used) attributes["data-accent"] = used.hex;
  if (theme === "dark") attributes["data-theme"] = "dark";
  if (answers) attributes["data-answers"] = "on";
  const fill = new URLSearchParams(prefill).toString();
  if (fill) attributes["data-prefill"] = fill;
  const div = Object.entries(attributes).map(([k, v]) => `${k}="${attr(v)}"`).join(" ");
  const script = `<div ${div}></div>\n<script src="${attr(new URL("assets/kapu/embed.js", site).href)}" async></script>`;
  return { iframe, script, url, attributes };
}

// --- the builder on the page ---------------------------------------------------------------------

function format(message, values) {
  return message.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

function setUp(root) {
  const options = JSON.parse(root.dataset.options);
  const form = root.querySelector("form");
  const preview = root.querySelector("[data-kapu-embed-preview]");
  const notice = root.querySelector("[data-kapu-embed-contrast]");
  let shownUrl = null;
  const current = () => {
    const name = form.elements.calculator.value;
    const calc = options.calculators.find((c) => c.name === name);
    const theme = form.elements.theme.value === "dark" ? "dark" : "light";
    const lang = form.elements.lang.value;
    // The frame's title in the embed's language: the host page is most likely in that language too.
    return { calculator: name, lang, accent: form.elements.accent.value, theme,
      answers: form.elements.answers.checked, title: `${calc.titles[lang] || calc.title} · Kapu`, height: calc.height };
  };
  const update = () => {
    const chosen = current();
    const made = snippets(chosen);
    root.querySelector('[data-kapu-snippet="iframe"]').textContent = made.iframe;
    root.querySelector('[data-kapu-snippet="script"]').textContent = made.script;
    const used = accentFor(chosen.accent, chosen.theme);
    notice.textContent = used?.changed ? format(root.dataset.msgAdjusted, { chosen: used.chosen, used: used.hex }) : "";
    if (made.url === shownUrl) return;
    shownUrl = made.url;
    // The live preview is the real embed, made by the real embed script from the same attributes.
    const holder = document.createElement("div");
    for (const [k, v] of Object.entries(made.attributes)) holder.setAttribute(k, v);
    preview.replaceChildren(holder);
    window.__kapuEmbeds?.[new URL(SITE).origin]?.mount(holder);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  for (const button of root.querySelectorAll("[data-kapu-copy]")) {
    button.addEventListener("click", async () => {
      const text = root.querySelector(`[data-kapu-snippet="${button.dataset.kapuCopy}"]`).textContent;
      const status = root.querySelector("[data-kapu-copy-status]");
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = root.dataset.msgCopied;
      } catch {
        // No clipboard permission: select the code, so Ctrl+C copies it.
        const range = document.createRange();
        range.selectNodeContents(root.querySelector(`[data-kapu-snippet="${button.dataset.kapuCopy}"]`));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      }
    });
  }
  update();
}

for (const root of document.querySelectorAll("[data-kapu-embed-builder]")) setUp(root);
