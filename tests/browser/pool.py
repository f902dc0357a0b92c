"""Booted calculator pages, kept for the whole pytest session.

Starting Pyodide takes 3–6 s of CPU per page, and a shared HTTP cache does not shorten it (it is
the interpreter starting, not the download). So each calculator × language page is opened and
booted once; a later test gets the same page back with its widget reset: the widget is put back as
the server sent it and wired again by the bridge's own `Kapu.initWidgets()` (the public, idempotent
API), against the Python that is already running. Focus, scroll, routes, media emulation and the
recorded outcomes are reset too, and the address loses the fragment the link state wrote as the
test typed. A page that was navigated away, closed or crashed is replaced.
"""

from __future__ import annotations

from collections import OrderedDict

from tests.browser.helpers import dedicated_worker, page_url, wait_ready, widget

# Recorded on every pooled page from its first paint: the widgets as the server sent them (before
# the bridge, a module script, runs: readyState "interactive" comes first), every outcome a widget
# renders (window.__kapuOutcomes, as RECORD_OUTCOMES), every data-state it goes through
# (window.__kapuStates), and where the page's scrolled boxes stood when it was first ready (the
# theme scrolls its sidebar to the current page on load; axe's target-size check depends on it).
RECORD_WIDGETS = """
window.__kapuOutcomes = [];
window.__kapuStates = [];
const recordScrolls = () => {
  window.__kapuScrolls = new Map([...document.querySelectorAll("*")]
    .filter((e) => e.scrollTop || e.scrollLeft).map((e) => [e, [e.scrollLeft, e.scrollTop]]));
};
document.addEventListener("kapu:outcome", (e) => window.__kapuOutcomes.push(e.detail));
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  window.__kapuPristine = {};
  for (const w of document.querySelectorAll("[data-calculator]")) {
    window.__kapuPristine[w.dataset.calculator] = w.outerHTML;
  }
});
new MutationObserver((records) => {
  for (const r of records) {
    const el = r.target.nodeType === 1 && r.target.matches("[data-calculator]") ? r.target : null;
    if (el && (window.__kapuStates.at(-1) !== el.dataset.state)) window.__kapuStates.push(el.dataset.state);
    if (el && el.dataset.state === "ready" && !window.__kapuScrolls) recordScrolls();
    for (const n of r.addedNodes || []) {
      if (n.nodeType === 1 && n.matches("[data-calculator]")) window.__kapuStates.push(n.dataset.state);
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"]});
"""

# The widget as the server sent it, wired again; the reader's focus and the scroll positions back
# where a page load leaves them.
RESET = """(calculator) => {
  const old = document.querySelector(`[data-calculator="${calculator}"]`);
  const template = document.createElement("template");
  template.innerHTML = window.__kapuPristine[calculator];
  window.__kapuOutcomes.length = 0;
  window.__kapuStates.length = 0;
  // The old widget is done: what its fields still fire (a "change" as the focus leaves one) must not
  // reach its listeners, which would answer it and write its values into the address.
  for (const type of ["input", "change"]) old.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
  old.replaceWith(template.content.firstElementChild);
  // Sequential focus navigation starts again from the top of the page, as after a page load.
  const top = document.createElement("span");
  top.tabIndex = -1;
  document.body.prepend(top);
  top.focus();
  top.remove();
  for (const e of document.querySelectorAll("*")) {
    const [left, top] = window.__kapuScrolls.get(e) || [0, 0];
    if (e.scrollLeft !== left || e.scrollTop !== top) e.scrollTo(left, top);
  }
  window.scrollTo(0, 0);
  // The theme's drawer and search overlay closed, as on load (a click, so the theme sees it).
  for (const t of document.querySelectorAll('[data-md-toggle="drawer"], [data-md-toggle="search"]')) {
    if (t.checked) t.click();
  }
  // The address without the fragment the link state kept as the test typed (no history entry, no
  // hashchange): the new widget must not fill itself from the last test's answers.
  if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  window.Kapu.initWidgets();
}"""


# True once the context's Cache Storage holds the worker's Python snapshot (web/snapshot.mjs), false
# if it still does not after `ms` milliseconds (checked every 100 ms, without rendering frames).
SNAPSHOT_STORED = """async (ms) => {
  const end = Date.now() + ms;
  for (;;) {
    const cache = await caches.open("kapu-python-snapshot");
    if (await cache.match("/__kapu/python-snapshot")) return true;
    if (Date.now() >= end) return false;
    await new Promise((wake) => setTimeout(wake, 100));
  }
}"""


# Why pooled pages had to be replaced instead of reset (shown at the end of the run by conftest.py):
# a few are expected (a test navigated away); many mean the reset no longer works and time is lost.
REPLACED: list[str] = []


class CalculatorPages:
    """One booted page per calculator × language (the least recently used closed beyond `size`).
    12 of the 16: files that share pages (form_messages after validators and coverage) find them
    still open; each page holds ~200-400 MB (Pyodide's memory), so not all 16 per xdist worker."""

    def __init__(self, context, site_url: str, watcher, size: int = 12):
        self.context = context
        self.site_url = site_url
        self.watcher = watcher
        self.size = size
        self.pages: OrderedDict[tuple[str, str], object] = OrderedDict()
        self.viewport = None

    def url(self, calculator: str, lang: str) -> str:
        return page_url(self.site_url, lang, f"calculators/{calculator}/")

    def get(self, calculator: str, lang: str, *, fresh: bool = False):
        """(page, widget root) of a booted, reset calculator page. With `fresh`, a page that was just
        loaded (Python still starting), for tests of what a reader sees before Python is ready."""
        key = (calculator, lang)
        page = self.pages.pop(key, None)
        if page is not None and (fresh or not self._reset(page, calculator, lang)):
            page.close()
            page = None
        if page is None:
            page = self._open(calculator, lang, fresh=fresh)
            if not fresh:
                wait_ready(page, calculator)
        page.bring_to_front()  # else Chromium throttles its timers as a background tab's: ~1 s per step
        self.pages[key] = page
        while len(self.pages) > self.size:
            self.pages.popitem(last=False)[1].close()
        return page, widget(page, calculator)

    def store_snapshot(self, calculator: str = "validators", lang: str = "en") -> None:
        """Make sure the context holds a stored Python snapshot, so that its pages outside the pool
        (an embed page, a host page's frames) restore Python rather than boot it cold. A pooled
        page proves it; if the snapshot is gone (a test of snapshots removes it), a fresh page
        boots cold and stores one, as every first visit does (after the bridge's first answer)."""
        page, _ = self.get(calculator, lang)
        if not page.evaluate(SNAPSHOT_STORED, 0):
            page, _ = self.get(calculator, lang, fresh=True)
            wait_ready(page, calculator)
            assert page.evaluate(SNAPSHOT_STORED, 60_000), "the new page stored no Python snapshot"

    def _open(self, calculator: str, lang: str, *, fresh: bool = False):
        page = self.context.new_page()
        self.viewport = self.viewport or page.viewport_size
        self.watcher.watch(page)
        page.add_init_script(RECORD_WIDGETS)
        if fresh:  # its own Python, still starting (not the context's shared worker, already running)
            dedicated_worker(page)
        page.goto(self.url(calculator, lang))
        return page

    def _reset(self, page, calculator: str, lang: str) -> bool:
        """Put the page back as after a load; False if it cannot be (then a new page is opened)."""
        # The fragment is the link state's (what the last test typed, kept in the address): RESET
        # removes it. Any other address means the test navigated away.
        if page.is_closed() or page.url.split("#")[0] != self.url(calculator, lang):
            REPLACED.append(f"{calculator} {lang}: the page was {'closed' if page.is_closed() else 'navigated'}")
            return False
        try:
            page.unroute_all(behavior="ignoreErrors")
            page.emulate_media(media="null")
            if page.viewport_size != self.viewport:
                page.set_viewport_size(self.viewport)
            page.mouse.move(0, 0)
            page.evaluate(RESET, calculator)
            wait_ready(page, calculator, timeout=10_000)
        except Exception as error:  # a crashed page, a broken widget: start over with a new page
            REPLACED.append(f"{calculator} {lang}: {str(error).splitlines()[0]}")
            return False
        return True

    def close(self) -> None:
        for page in self.pages.values():
            page.close()
        self.pages.clear()
