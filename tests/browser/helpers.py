"""Helpers for the browser tests.

Fixtures (tests/conftest.py); every test using them is marked `browser` automatically:

- `built_site`, `site_url`: the site built once per session (`mkdocs build --strict`) and served on
  127.0.0.1; `site_build` is that build with its log.
- `browser`, `browser_context`: one Chromium and one context for the session (a shared HTTP cache).
- `page`: a fresh page for this test. Use it for what needs a page load of its own: a first paint,
  a blocked request, navigation, the language switcher, pages without a calculator.
- `calculator_page(calculator, lang)` → `(page, root)`: that calculator's page in that language,
  booted and ready, the widget reset as on a fresh load. One page per calculator × language is kept
  for the whole session, so this costs no Pyodide start after the first: prefer it for anything
  typed into or computed by a widget. Do not navigate that page (tests/browser/pool.py). It records
  `window.__kapuOutcomes` (as RECORD_OUTCOMES; `submit_and_settle` works) and `window.__kapuStates`.
  `calculator_page(calculator, lang, fresh=True)` is a page just loaded, Python still starting.
- `shared_workers`: every shared worker of the browser (the bridge's Python runs in one), watched
  and steered over the DevTools protocol (tests/browser/cdp.py): `fail(pattern)` makes their
  requests fail, `end(page)` ends the ones of a page's context.
- `page_problems`: what went wrong on this test's pages so far; a test whose page talks to a second
  origin of its own (a host page embedding Kapu) adds it to `page_problems.also_allowed`.
- `python_snapshot`: the session context holds Python's stored snapshot, so a calculator opened
  outside the pool (an embed page, a host page's frames, a `page`) restores it instead of booting
  cold; request it before opening such pages.

On every page of both kinds, the test fails on a request to another origin, a console error, an
uncaught page error, or a same-origin request that fails (HTTP >= 400 included), unless declared
with `@pytest.mark.expect_page_errors(r"regex", ...)` (tests/browser/watch.py).

Python runs in a shared worker per context, so a calculator page in the session's context finds it
running. `dedicated_worker(page)` before `page.goto` makes that page start its own, in a dedicated
worker, as a browser without shared workers does: for tests that steer the worker's downloads with
routes (Playwright does not see a shared worker's requests).

`without_python(page)` before `page.goto` keeps Pyodide from loading on a page whose test does
not need it (the widget stays "loading"): tables, the language switcher, plain reading.
`without_search(page)` likewise keeps the theme's search from building its index (a worker's CPU
on every page load) where the test does not search.
"""

from __future__ import annotations

import re
from pathlib import Path

BOOT_TIMEOUT_MS = 90_000


def widget(page, calculator: str):
    return page.locator(f'[data-calculator="{calculator}"]')


def wait_ready(page, calculator: str, timeout: int = BOOT_TIMEOUT_MS):
    """Wait until the widget's Python is loaded; fail fast with the status text if it errors."""
    root = widget(page, calculator)
    root.locator('xpath=self::*[@data-state="ready" or @data-state="error"]').wait_for(timeout=timeout)
    state = root.get_attribute("data-state")
    assert state == "ready", f"widget {calculator} is {state}: {root.locator('[data-kapu-status]').inner_text()}"
    return root


def without_python(page) -> None:
    """This page's calculators never start Python: the worker script is an empty module, so
    Pyodide is never requested (the widgets stay "loading", as on a slow connection)."""
    dedicated_worker(page)  # a route reaches a dedicated worker's script only
    page.route(KAPU_WORKER, lambda route: route.fulfill(body="", content_type="text/javascript"))


# The bridge starts Python in a shared worker where the browser has them (web/bridge.js), and in a
# dedicated worker where it has not. Playwright sees a dedicated worker's requests (routes, request
# events) and not a shared worker's (tests/browser/cdp.py watches those), so a test that steers the
# worker's downloads with routes, or needs a Python of its own page that is still starting, makes
# its page such a browser. The worker runs the same code either way; test_shared_worker.py tests
# what only a shared worker does.
NO_SHARED_WORKER = "delete window.SharedWorker;"


def dedicated_worker(page_or_context) -> None:
    """Before its pages load: their calculators start Python in a dedicated worker of their own, as
    in a browser without shared workers."""
    page_or_context.add_init_script(NO_SHARED_WORKER)


# The calculators' worker script, by its plain name or its content-hashed one (the pages load the latter).
KAPU_WORKER = re.compile(r"/assets/kapu/worker(\.[0-9a-f]{12})?\.mjs(\?.*)?$")


def without_search(page) -> None:
    """This page's search never builds its index (the theme's search worker is an empty script, so
    the search box stays "initializing", as before the index arrives): for tests that do not search
    (each page load otherwise builds the whole language's index in a worker)."""
    page.route(SEARCH_WORKER, lambda route: route.fulfill(body="", content_type="text/javascript"))


# The theme's search worker (Material: assets/javascripts/workers/search.<hash>.min.js).
SEARCH_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(\?.*)?$")


def page_url(site_url: str, lang: str, path: str) -> str:
    """URL of a page in a language: English at the root, others under /<lang>/."""
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{site_url}{prefix}{path}"


# Every outcome a widget renders, in order, for tests that submit and read the answer.
RECORD_OUTCOMES = """window.__kapuOutcomes = [];
document.addEventListener("kapu:outcome", (e) => window.__kapuOutcomes.push(e.detail));"""


def typeable(example: dict) -> bool:
    """A browser's date field only takes real dates: examples with impossible ones are sent
    through the bridge's own API instead (the same Python, in the same page)."""
    return not any(e["code"] in ("no-such-day", "not-a-date") for e in example["expect"].get("errors", []))


def open_calculator(page, site_url: str, lang: str, calculator: str):
    """Open a calculator's own page, recording its outcomes, and wait until it is ready."""
    page.add_init_script(RECORD_OUTCOMES)
    page.goto(page_url(site_url, lang, f"calculators/{calculator}/"))
    return wait_ready(page, calculator)


# Resolves once `until(widget)` holds, checked each time the widget's data-busy changes or it renders
# an outcome (no polling: a wait polled every animation frame makes Chromium render frames the
# whole time it waits, which was most of the browser tests' CPU). Fails after `ms`.
WHEN_SETTLED = """(widget, until, ms) => new Promise((done, fail) => {
  const check = () => until(widget);
  const stop = () => {
    observer.disconnect();
    document.removeEventListener("kapu:outcome", test);
    clearTimeout(timer);
  };
  const test = () => { const value = check(); if (value) { stop(); done(value); } };
  const observer = new MutationObserver(test);
  const timer = setTimeout(() => { stop(); fail(new Error("the widget did not settle within " + ms + " ms")); }, ms);
  observer.observe(widget, {attributes: true, attributeFilter: ["data-busy"]});
  document.addEventListener("kapu:outcome", test);
  test();
})"""
SETTLE_MS = 30_000


def when_settled(root, until: str, arg=None, timeout: int = SETTLE_MS):
    """Wait, without polling, until the widget `root` (a locator) is not busy and the JavaScript
    function `until(widget, arg)` returns something truthy; return that (as JSON)."""
    return root.evaluate(
        f"(widget, [arg, ms]) => ({WHEN_SETTLED})(widget, (w) => w.dataset.busy === '0' && ({until})(w, arg), ms)",
        [arg, timeout])


def submit_and_settle(page, root):
    """Press the widget's submit button; return the outcome once every input is answered."""
    before = page.evaluate("window.__kapuOutcomes.length")
    root.locator(".kapu-submit").click()
    return when_settled(root, "(w, before) => window.__kapuOutcomes.length > before && window.__kapuOutcomes.at(-1)",
                        before)


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# Let running CSS transitions end before axe judges colours: the theme's header fades its title
# when the page scrolls (opacity .15 s), and axe measures the contrast of a half-faded text
# as it is at that instant (a failure that depends only on how fast the browser got there).
SETTLE_TRANSITIONS = """await Promise.all(document.getAnimations()
    .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
    .map((a) => a.finished.catch(() => null)));"""


def axe_violations(page, context: str | None = None) -> list:
    """axe-core's WCAG 2.2 A/AA violations on the page (or under a CSS selector), as (rule, targets)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        f"async ([context, tags]) => {{ {SETTLE_TRANSITIONS} return await axe.run("
        "context ? document.querySelector(context) : document, {runOnly: {type: 'tag', values: tags}}); }",
        [context, WCAG_22_AA],
    )
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


# Playwright's own test of "visible" (a box of non-zero size, not visibility:hidden), for reading many
# elements in one `evaluate`: `(${IS_VISIBLE})(element)`.
IS_VISIBLE = """(e) => !!e && e.checkVisibility({visibilityProperty: true})
  && e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0"""


def call_all(page, calculator: str, cases: list[dict], lang: str, today: str) -> list[dict]:
    """Run many form inputs through the page's own bridge (the Python in Pyodide), in one go."""
    return page.evaluate(
        "([name, cases, lang, today]) => Promise.all(cases.map((v) => window.Kapu.call(name, v, lang, today)))",
        [calculator, cases, lang, today],
    )


# An init script: keeps the worker's report on the snapshot it stored (or could not) in
# window.__kapuSnapshot (the bridge has no use for it; the snapshot tests wait for it).
RECORD_SNAPSHOT = """
{
  const record = (e) => { if (e.data.type === "snapshot") window.__kapuSnapshot = e.data; };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", record);
    }
  };
  if (window.SharedWorker) {
    const NativeShared = window.SharedWorker;
    window.SharedWorker = class extends NativeShared {
      constructor(...args) {
        super(...args);
        this.port.addEventListener("message", record);
      }
    };
  }
}
"""
