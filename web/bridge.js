// Kapu browser bridge: connects calculator widgets to the Python rules running in Pyodide.
// It holds no rule: it sends the form's raw values to calculators.web.run (in a Web Worker)
// and renders the outcome it gets back. Strings come from the page (data-msg-*), which the
// Python catalog rendered in the page's language.
//
// Pyodide starts only when the page has a widget, and in a module Worker so typing never waits.

import { copyText, fillForm, linkedValues, rememberValues, shareableLink } from "./__KAPU:linkstate.js__";
import { prepareAnswerSheet } from "./__KAPU:answersheet.js__";

const WORKER_URL = new URL("__KAPU:worker.mjs__", import.meta.url); // hashed name, filled in at build time
const SNAPSHOT_URL = new URL("__KAPU:snapshot.mjs__", import.meta.url).href;
// No time limit on starting: a failure is reported by the worker within seconds, while a slow
// network only gets a "still loading" note after this long, and we keep waiting.
const SLOW_NOTE_MS = 10000;

let channel = null; // where run requests go: the shared worker's port, or the dedicated worker
let ready = null; // Promise resolved when Python is ready, rejected when it cannot start
let nextId = 1;
const pending = new Map();

// One Python for every page of this site in the browser, where the browser has shared workers: it
// lives on for a while after its last page closes ({ extendedLifetime }, Chromium 148+), so a
// reload or the next calculator finds Python running and is ready at once. Elsewhere, or if a
// shared worker cannot start here, each page starts a dedicated worker of its own. The worker's
// address is hashed by content: pages of another build start another worker.
function startWorker() {
  if (typeof SharedWorker === "function") {
    try {
      const worker = new SharedWorker(WORKER_URL, { type: "module", name: "kapu-python", extendedLifetime: true });
      return { worker, channel: worker.port, shared: true };
    } catch {
      // e.g. a sandboxed frame: a dedicated worker below
    }
  }
  const worker = new Worker(WORKER_URL, { type: "module" });
  return { worker, channel: worker, shared: false };
}

// The stored Python snapshot, read here while the worker's thread starts (web/snapshot.mjs): a
// dedicated worker always wants it; a shared one asks for it ("hello") only when it is new.
function offerSnapshot(to, whole) {
  import(SNAPSHOT_URL).then((snapshot) => snapshot.offerSnapshot(to, { whole })).catch(
    (err) => to.postMessage({ type: "snapshot", reason: `unreadable: ${err}` }),
  );
}

function startPython() {
  if (ready) return ready;
  ready = new Promise((resolve, reject) => {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      reject(new Error("WebAssembly or Web Workers are not available"));
      return;
    }
    let started;
    try {
      started = startWorker();
    } catch (err) {
      reject(err);
      return;
    }
    channel = started.channel;
    if (!started.shared) offerSnapshot(channel, false);
    started.worker.addEventListener("error", (event) => {
      reject(new Error(event.message || "worker failed"));
    });
    channel.addEventListener("message", ({ data }) => {
      if (data.type === "hello") {
        if (data.wantsSnapshot) offerSnapshot(channel, true);
      } else if (data.type === "ready") {
        window.Kapu.timings = data.timings; // for the benchmark
        resolve();
      } else if (data.type === "failed") {
        // Python could not start, or (a shared worker) stopped: every open call fails too.
        reject(new Error(data.error));
        for (const call of pending.values()) call.reject(new Error(data.error));
        pending.clear();
      } else if (data.type === "result" || data.type === "error") {
        const call = pending.get(data.id);
        pending.delete(data.id);
        if (!call) return;
        if (data.type === "result") call.resolve(JSON.parse(data.outcome));
        else call.reject(new Error(data.error));
      }
    });
    channel.start?.(); // a MessagePort delivers nothing before it is started
  });
  return ready;
}

function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Run a calculator: the public API for embedders and tests. Resolves to the outcome (status
 * "error" for a request Python could not run: see calculators/outcome.py); rejects only when
 * Python could not start. */
export async function call(calculator, values, lang = document.documentElement.lang || "en", today = localToday()) {
  await startPython();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    channel.postMessage({ type: "run", id, request: JSON.stringify({ calculator, values, lang, today }) });
  });
}

// --- rendering: one generic renderer for every calculator's outcome -------------------------

function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

function formValues(form) {
  const values = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.type === "checkbox") values[input.name] = input.checked ? "yes" : "";
    else if (input.type === "radio") { if (input.checked) values[input.name] = input.value; }
    else values[input.name] = unfinished(input) ?? input.value;
  }
  return values;
}

// A browser's date field that holds part of a date (a year but no day, say) reports the value ""
// as if it were empty, and only validity.badInput tells the two apart. Such a field sends the
// value its data-incomplete names (the macro writes Python's cleaning.INCOMPLETE_DATE), which
// Python answers with a field error, so a half-filled date is never taken as "not given".
function unfinished(input) {
  return input.validity?.badInput && input.dataset.incomplete ? input.dataset.incomplete : null;
}

function renderErrors(widget, outcome, { summary }) {
  const byField = new Map();
  for (const error of outcome.errors || []) {
    if (!byField.has(error.field)) byField.set(error.field, []);
    byField.get(error.field).push(error);
  }
  for (const box of widget.querySelectorAll("[data-field]")) {
    const name = box.dataset.field;
    // Radios (kind "radios"): errors go on the fieldset and on every radio of the group.
    const inputs = [...box.querySelectorAll(".kapu-input, .kapu-radio__input")];
    const input = box.matches("fieldset") ? box : inputs[0];
    const slot = box.querySelector(".kapu-field-error");
    if (!input || !slot) continue; // a choices fieldset: its radios carry no field errors
    const errors = byField.get(name) || [];
    const shown = summary || !box.dataset.pristine;
    slot.replaceChildren(...errors.map((e) => el("span", {}, e.hint ? `${e.message} ${e.hint}` : e.message)));
    slot.hidden = !(shown && errors.length);
    box.classList.toggle("kapu-field--error", shown && errors.length > 0);
    const describedBy = [box.querySelector(".kapu-hint")?.id, shown && errors.length ? slot.id : null].filter(Boolean);
    if (describedBy.length) input.setAttribute("aria-describedby", describedBy.join(" "));
    for (const each of inputs) {
      if (shown && errors.length) each.setAttribute("aria-invalid", "true");
      else each.removeAttribute("aria-invalid");
    }
  }
  const box = widget.querySelector(".kapu-error-summary");
  const list = box.querySelector("ul");
  if (!summary) {
    // The summary is for a submit (GOV.UK): while typing, keep it in step but never open it.
    if (!box.hidden && !(outcome.errors || []).length) box.hidden = true;
    if (box.hidden) return;
  }
  list.replaceChildren(...(outcome.errors || []).map((e) => {
    const li = el("li");
    const target = widget.querySelector(`[data-field="${e.field}"] :is(.kapu-input, .kapu-radio__input)`);
    const a = el("a", { href: target ? `#${target.id}` : "#" }, e.message);
    a.addEventListener("click", (ev) => { ev.preventDefault(); target?.focus(); });
    li.append(a);
    return li;
  }));
  box.hidden = !(outcome.errors || []).length;
  if (summary && !box.hidden) box.focus();
}

// A timeline that Python computed: each segment has its offset and length in days, so the page
// only scales bars (no date arithmetic here). The dates are in the text; the bars are decoration.
function renderTimeline(timeline) {
  const list = el("ol", { class: "kapu-timeline" });
  for (const s of timeline.segments) {
    const li = el("li", { class: `kapu-timeline__row kapu-timeline__row--${s.kind}`, "data-segment": s.kind });
    const track = el("span", { class: "kapu-timeline__track", "aria-hidden": "true" });
    const bar = el("span", { class: "kapu-timeline__bar" });
    bar.style.marginLeft = `${(100 * s.offset) / timeline.days}%`;
    bar.style.width = `${Math.max((100 * s.days) / timeline.days, 0.6)}%`;
    track.append(bar);
    li.append(el("span", { class: "kapu-timeline__label" }, s.label), track,
      el("span", { class: "kapu-timeline__dates" }, s.dates));
    list.append(li);
  }
  return list;
}

function renderAnswer(widget, outcome) {
  const region = widget.querySelector("[data-kapu-result]");
  const answer = outcome.answer;
  if (!answer) { region.replaceChildren(); return; }
  const card = el("div", { class: `kapu-answer kapu-answer--${answer.tone}` });
  card.append(el("p", { class: "kapu-answer__headline" }, answer.headline));
  if (answer.facts.length) {
    const ul = el("ul", { class: "kapu-answer__facts" });
    answer.facts.forEach((f) => ul.append(el("li", {}, f)));
    card.append(ul);
  }
  answer.notes.forEach((n) => card.append(el("p", { class: "kapu-answer__note" }, n)));
  if (answer.links?.length) {
    const ul = el("ul", { class: "kapu-answer__links" });
    // A link names another calculator, a page of the site, or an outside address. The page
    // (macros/) wrote where each calculator's page is, and where the language's home page is,
    // relative to this page.
    const pages = JSON.parse(widget.dataset.calculatorPages || "{}");
    for (const link of answer.links) {
      const href = link.calculator ? pages[link.calculator]
        : link.page ? `${widget.dataset.home || ""}${link.page}` : link.href;
      if (!href || /^\s*javascript:/i.test(href)) continue;
      const li = el("li");
      li.append(el("a", { href }, link.text));
      ul.append(li);
    }
    card.append(ul);
  }
  if (answer.timeline) card.append(renderTimeline(answer.timeline));
  if (answer.why.length) {
    const details = el("details", { class: "kapu-why" });
    details.append(el("summary", {}, widget.dataset.msgWhy || "Why?"));
    const ol = el("ol");
    for (const step of answer.why) {
      const li = el("li", { "data-step": step.code }, step.message);
      if (step.source) {
        // The reference to the point; linked to the consolidated text when the registry has one.
        const cite = el("cite");
        if (step.url && /^https:\/\//.test(step.url)) cite.append(el("a", { href: step.url }, step.source));
        else cite.textContent = step.source;
        li.append(" ", cite);
      }
      ol.append(li);
    }
    details.append(ol);
    card.append(details);
  }
  region.replaceChildren(card);
}

// A field of kind "choices" is a fieldset that the outcome fills with radio buttons:
// outcome.choices[fieldName] = [{value, label}]. Python decides what the choices are; while
// they stay the same the radios are left alone, so the reader's focus and pick survive an update.
/** Show the choices the outcome offers. True when a choice the reader had picked is no longer
 * offered (a new query): the link state must then forget it too. */
function renderChoices(widget, outcome) {
  const all = outcome.choices || {};
  let dropped = false;
  for (const box of widget.querySelectorAll("[data-choices]")) {
    const name = box.dataset.field;
    const options = all[name] || [];
    const list = box.querySelector(".kapu-choices__list");
    const signature = JSON.stringify(options);
    if (list.dataset.signature !== signature) {
      const current = list.querySelector("input:checked")?.value;
      list.replaceChildren(...options.map((option, i) => {
        const id = `${box.id}-${i}`;
        const input = el("input", { class: "kapu-choice__input", type: "radio", id, name, value: option.value });
        input.checked = option.value === current;
        const item = el("div", { class: "kapu-choice" });
        item.append(input, el("label", { class: "kapu-choice__label", for: id }, option.label));
        return item;
      }));
      list.dataset.signature = signature;
      dropped ||= current !== undefined && !options.some((option) => option.value === current);
    }
    box.hidden = options.length === 0 || box.hasAttribute("data-irrelevant");
  }
  return dropped;
}

// Guided flows: which questions matter now is a rule in Python (outcome.relevant, in form order).
// The others are hidden, never cleared: what the reader typed is still there if they go back, and
// Python leaves it out of the answer (outcome.ignored). Focus stays where the reader put it.
function renderRelevance(widget, outcome) {
  if (!Array.isArray(outcome.relevant)) return;
  const relevant = new Set(outcome.relevant);
  for (const box of widget.querySelectorAll("[data-field]")) {
    const off = !relevant.has(box.dataset.field);
    box.toggleAttribute("data-irrelevant", off);
    if (!box.matches("[data-choices]")) box.hidden = off; // a choices field also waits for its choices
  }
}

function setState(widget, state, message = null) {
  widget.dataset.state = state;
  if (state !== "loading") delete widget.dataset.queued; // a kept submit is answered or cannot be
  const status = widget.querySelector("[data-kapu-status]");
  message ||= { loading: widget.dataset.msgLoading, ready: widget.dataset.msgReady, error: widget.dataset.msgError }[state];
  if (status && message) status.textContent = message;
}

function wire(widget) {
  const form = widget.querySelector("form");
  const lang = widget.dataset.lang || document.documentElement.lang || "en";
  let latest = 0;
  let started = false; // Python is up: every input is answered, even after a failed call
  let inFlight = 0; // exposed as data-busy so tests and embedders can tell when the answer is final
  widget.dataset.busy = "0";
  const update = async ({ summary }) => {
    const ticket = ++latest;
    widget.dataset.busy = String(++inFlight);
    let outcome;
    try {
      outcome = await call(widget.dataset.calculator, formValues(form), lang);
    } finally {
      widget.dataset.busy = String(--inFlight);
    }
    if (ticket !== latest) return; // a newer input has overtaken this one
    // An error outcome is Kapu's fault, not the reader's: say so; the next input tries again.
    if (outcome.status === "error") { setState(widget, "error", outcome.errors[0]?.message); return; }
    if (widget.dataset.state !== "ready") setState(widget, "ready");
    renderRelevance(widget, outcome);
    renderErrors(widget, outcome, { summary });
    renderAnswer(widget, outcome);
    if (renderChoices(widget, outcome)) rememberValues(widget.dataset.calculator, formValues(form));
    renderKeeping(widget, outcome);
    widget.dispatchEvent(new CustomEvent("kapu:outcome", { detail: outcome, bubbles: true }));
    // A link may name a choice that only this outcome offers (e.g. a settlement): pick it now.
    if (linkedChoices.pick(form)) update({ summary: false }).catch(() => setState(widget, "error"));
  };
  for (const box of widget.querySelectorAll("[data-field]")) box.dataset.pristine = "1";
  let linkedChoices = restoreFromLink(widget, form);
  window.addEventListener("hashchange", () => {
    linkedChoices = restoreFromLink(widget, form);
    if (linkedChoices.any && started) {
      update({ summary: false }).catch(() => setState(widget, "error"));
    }
  });
  wireKeeping(widget);
  // A radio, a select or a date fires "input" and then "change" with the same values, and a text
  // box fires "change" when left: the "change" is answered only if the values are new since the
  // last "input" (Python would give the same answer again).
  let inputValues = null;
  const answerChange = () => {
    const values = formValues(form);
    rememberValues(widget.dataset.calculator, values);
    if (started) update({ summary: false }).catch(() => setState(widget, "error"));
    return JSON.stringify(values);
  };
  form.addEventListener("input", (event) => {
    event.target.closest("[data-field]")?.removeAttribute("data-pristine");
    inputValues = answerChange();
  });
  form.addEventListener("change", () => {
    if (JSON.stringify(formValues(form)) !== inputValues) answerChange();
  });
  // Enter or Check before Python is ready is kept, said so, and answered once it is ready.
  let submitted = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const box of widget.querySelectorAll("[data-field]")) box.removeAttribute("data-pristine");
    if (started) update({ summary: true }).catch(() => setState(widget, "error"));
    else if (widget.dataset.state === "loading") {
      submitted = true;
      widget.dataset.queued = "submit";
      const status = widget.querySelector("[data-kapu-status]");
      if (status && widget.dataset.msgStarting) status.textContent = widget.dataset.msgStarting;
    }
  });
  // One unseen run before "ready": a calculator loads its data on its first run, so once the
  // widget says ready, every keystroke is answered at full speed.
  const warmUp = () => call(widget.dataset.calculator, {}, lang).catch(() => {});
  const slow = setTimeout(() => {
    if (widget.dataset.state === "loading") setState(widget, "loading", widget.dataset.msgSlow);
  }, SLOW_NOTE_MS);
  startPython().finally(() => clearTimeout(slow)).then(warmUp).then(
    () => {
      started = true;
      setState(widget, "ready");
      if (submitted) { update({ summary: true }).catch(() => setState(widget, "error")); return; }
      // Answer whatever the reader typed while Python was loading.
      // A link's values count as typed, so their answer (or their field errors) shows at once.
      const typed = linkedChoices.any || [...form.elements].some((i) => i.name && i.type !== "select-one"
        && i.value && (i.type !== "radio" || i.checked));
      if (typed) update({ summary: false }).catch(() => setState(widget, "error"));
    },
    () => setState(widget, "error"),
  );
}

// --- keeping an answer: state in the link, "Copy link", "Print this answer" -------------------

// Fill the form from the address's fragment (linkstate.js), before Python is ready so the reader
// sees the values at once. Filled fields are no longer pristine: a value Python refuses shows its
// usual field error. Values for choices the outcome offers later are kept until it offers them.
function restoreFromLink(widget, form) {
  const values = linkedValues(widget.dataset.calculator);
  const filled = fillForm(form, values);
  for (const name of filled) widget.querySelector(`[data-field="${name}"]`)?.removeAttribute("data-pristine");
  const later = Object.fromEntries(Object.entries(values).filter(([name]) => !filled.includes(name)));
  return {
    any: Object.keys(values).length > 0,
    pick(target) {
      if (!Object.keys(later).length) return false;
      const picked = fillForm(target, later);
      for (const name of picked) delete later[name];
      return picked.length > 0;
    },
  };
}

// The "Copy link" and "Print this answer" buttons show once there is an answer to keep.
function renderKeeping(widget, outcome) {
  const keep = widget.querySelector("[data-kapu-keep]");
  if (!keep) return;
  keep.hidden = outcome.status !== "answer";
  // "Link copied" stays while the link it copied is still this answer's; a new answer clears it.
  const copied = keep.querySelector("[data-kapu-copied]");
  if (copied && copied.dataset.link !== shareableLink(widget)) copied.replaceChildren();
}

function wireKeeping(widget) {
  const keep = widget.querySelector("[data-kapu-keep]");
  if (!keep) return;
  const copied = keep.querySelector("[data-kapu-copied]");
  keep.querySelector("[data-kapu-copy]")?.addEventListener("click", async () => {
    const url = shareableLink(widget);
    copied.dataset.link = url;
    if (await copyText(url)) {
      copied.replaceChildren(el("span", {}, widget.dataset.msgCopied || "Link copied."));
    } else {
      // No clipboard (an old browser, or a page not served over https): show the link to copy by hand.
      const id = `${widget.id || widget.dataset.calculator}-link`;
      const input = el("input", { class: "kapu-input kapu-link-field", id, type: "text", readonly: "", value: url });
      copied.replaceChildren(el("label", { class: "kapu-label", for: id }, widget.dataset.msgCopyByHand || "Copy this link:"), input);
      input.select();
    }
  });
  keep.querySelector("[data-kapu-print]")?.addEventListener("click", () => {
    if (prepareAnswerSheet(widget)) window.print();
  });
}

/** Initialise every widget under `root` once; safe to call again (e.g. after instant navigation). */
export function initWidgets(root = document) {
  for (const widget of root.querySelectorAll("[data-calculator]:not([data-kapu-wired])")) {
    widget.setAttribute("data-kapu-wired", "");
    wire(widget);
  }
}

// A printed answer is a summary a clerk can hand over: open every "Why?" before printing.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll(".kapu-why")) details.open = true;
});

// --- offline: the service worker (web/offline.mjs), only over http(s) where browsers have one ------
// A page with a calculator registers it once Python is ready (so it never competes with the boot)
// and stores its language; any other page only listens for a newer build, if a worker controls it.
// An embed page (data-kapu-offline="off") never registers one: it lives inside another site's page,
// whose reader did not choose to keep Kapu's pages.
function offline() {
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  if (document.documentElement.dataset.kapuOffline === "off") return;
  const store = document.querySelector("[data-calculator]") !== null;
  if (!store && !navigator.serviceWorker.controller) return;
  const start = () => import(new URL("__KAPU:offline.mjs__", import.meta.url).href)
    .then((module) => module.enableOffline({ store }))
    .catch(() => {}); // private windows and blocked workers: the page stays as it is, online only
  if (store) startPython().then(start, () => {});
  else start();
}

window.Kapu = { call, initWidgets, ready: () => startPython() };
initWidgets();
offline();
