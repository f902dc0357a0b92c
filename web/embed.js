/* Kapu embed script for host pages (no dependencies). Turns every
 *   <div data-kapu-calculator="eligibility" data-lang="hu"></div>
 * into an iframe of Kapu's embed page whose height follows its content. Optional attributes:
 * data-accent="#1d70b8", data-theme="dark", data-answers="on" (the host receives the outcome's
 * data as a "kapu:answer" event), data-prefill="query=9021" (fields, URL-encoded), data-title.
 * Events on the div: kapu:ready, kapu:error, kapu:height, kapu:answer (event.detail = message).
 * It accepts messages only from the Kapu origin this script was loaded from, and only from the
 * frames it made. Protocol: {"kapu": 1, "type": "height"|"ready"|"error"|"answer", "calculator"}. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var site = new URL("../../", script.src); // the Kapu site's root, also under a sub-path
  var origin = site.origin;
  var all = (window.__kapuEmbeds = window.__kapuEmbeds || {});
  if (all[origin]) { all[origin].scan(); return; } // the snippet pasted twice: one listener
  var LANGS = ["en", "hu", "pl", "vi"];
  var NAME = /^[a-z][a-z0-9-]{0,40}$/;
  var frames = []; // [{frame, holder}]

  function embedUrl(holder) {
    var name = holder.getAttribute("data-kapu-calculator") || "";
    var lang = holder.getAttribute("data-lang") || "en";
    if (!NAME.test(name) || LANGS.indexOf(lang) < 0) return null;
    var url = new URL((lang === "en" ? "" : lang + "/") + "embed/" + name + "/", site);
    var accent = holder.getAttribute("data-accent");
    if (accent) url.searchParams.set("accent", accent.replace(/^#/, ""));
    if (holder.getAttribute("data-theme") === "dark") url.searchParams.set("theme", "dark");
    if (holder.getAttribute("data-answers") === "on") url.searchParams.set("answers", "1");
    var prefill = new URLSearchParams(holder.getAttribute("data-prefill") || "");
    var fragment = new URLSearchParams();
    prefill.forEach(function (value, key) { fragment.append(name + "." + key, value); });
    url.hash = fragment.toString();
    return url.href;
  }

  function mount(holder) {
    if (holder.__kapuFrame) return holder.__kapuFrame;
    var src = embedUrl(holder);
    if (!src) return null;
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = holder.getAttribute("data-title") || "Kapu";
    // CSSOM, not a style attribute: works under a host CSP without 'unsafe-inline' styles.
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.height = (parseInt(holder.getAttribute("data-height"), 10) || 600) + "px";
    holder.replaceChildren(frame);
    holder.__kapuFrame = frame;
    frames.push({ frame: frame, holder: holder });
    return frame;
  }

  function scan(root) {
    var holders = (root || document).querySelectorAll("[data-kapu-calculator]");
    for (var i = 0; i < holders.length; i++) mount(holders[i]);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var entry = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === event.source) entry = frames[i];
    }
    var msg = event.data;
    if (!entry || !msg || msg.kapu !== 1 || typeof msg.type !== "string") return;
    if (msg.type === "height") {
      var height = Number(msg.height);
      if (!(height > 0 && height < 100000)) return;
      entry.frame.style.height = Math.ceil(height) + "px";
    }
    entry.holder.dispatchEvent(new CustomEvent("kapu:" + msg.type, { detail: msg, bubbles: true }));
  });

  all[origin] = { scan: scan, mount: mount, site: site.href };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { scan(); });
  else scan();
})();
