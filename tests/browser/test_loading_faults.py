"""Loading failures, injected by the test server (or, for a failed request of Python's shared worker,
by the DevTools watch: tests/browser/cdp.py): a failed start shows `error` within 5 s in the
page's language; a stalled download shows a "still loading" note and keeps waiting; the rest of
the page stays usable either way."""

from __future__ import annotations

import re
from contextlib import ExitStack

import pytest

from kapu_build.static_server import serve
from tests.browser.helpers import page_url, without_search
from tests.browser.watch import Watcher, await_expected, verdict

pytestmark = pytest.mark.browser

# Records when the widget's state changes, in ms since the page's navigation started.
RECORD_STATES = """window.__kapuStates = [];
new MutationObserver(() => {
  const w = document.querySelector("[data-calculator]");
  if (w && w.dataset.state !== window.__kapuStates.at(-1)?.state)
    window.__kapuStates.push({ state: w.dataset.state, at: performance.now() });
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"], childList: true });"""

# (file whose request fails, how, page language)
FAILURES = [
    ("pyodide.asm.wasm", "404", "hu"),
    ("python_stdlib.zip", "404", "pl"),
    ("pyodide-lock.json", "404", "vi"),
    (".whl", "404", "en"),
    ("", "csp-no-wasm", "hu"),  # a server whose policy forbids compiling WebAssembly
]
# What each fault must show in the console and the network log: the failed request itself.
# Anything else on these pages fails the test, except what Pyodide's loader logs or throws about
# the failure (PYODIDE_SAYS): it may, or may not, have said it before the shared worker, which
# could not start, ended (web/worker.mjs).
PYODIDE_SAYS = [r"(?s)console error: .*\(at [^ ]*/pyodide(\.asm)?\.mjs\)$", r"(?s)page error: .* is not valid JSON"]
FAULT_PROBLEMS = {
    "pyodide.asm.wasm": [r"HTTP 404 .*/pyodide\.asm\.wasm$"],
    "python_stdlib.zip": [r"HTTP 404 .*/python_stdlib\.zip$"],
    "pyodide-lock.json": [r"HTTP 404 .*/pyodide-lock\.json$"],
    ".whl": [r"HTTP 404 .*\.whl$"],
    # The careless policy also blocks the theme's inline icons (data: images): the server's doing.
    "": [r"console error: Loading the image 'data:image/svg\+xml.* violates the following Content Security Policy"],
}
STALLS = [("pyodide.asm.wasm", "pl"), ("python_stdlib.zip", "vi"), ("pyodide-lock.json", "en"), (".whl", "hu")]
FAILED_WITHIN_MS = 5000


def open_pages(browser, built_site, shared_workers, cases, clock: bool = False):
    """One server (with its fault) and one fresh context (empty cache) per case, opened together;
    each page watched as every test's pages are (tests/browser/watch.py). The theme's search index
    is not built (its worker on every page would only take CPU from the pages' loading). `clock`:
    the pages' timers are Playwright's (page.clock), so a test can move their time on."""
    stack = ExitStack()
    pages = []
    for suffix, fault, lang in cases:
        if fault == "404":
            # Python starts in a shared worker: its failed request is made by the DevTools watch
            # (tests/browser/cdp.py), which reports it as it makes it. (A 404 from the server is
            # reported by Chromium asynchronously, and may come after the worker, which could not
            # start, has ended: then it is never reported.) `fail` takes DevTools' wildcards.
            url = stack.enter_context(serve(built_site))
            stack.enter_context(shared_workers.fail(f"{url}*{suffix}", 404))
        else:
            url = stack.enter_context(serve(built_site, {suffix: fault}))
        context = browser.new_context()
        stack.callback(context.close)
        page = context.new_page()
        watcher = Watcher(url)
        watcher.watch(page)
        stack.callback(watcher.watch_shared_workers(shared_workers))  # Python's worker is a shared one
        page.problems = watcher.start()
        page.add_init_script(RECORD_STATES)
        without_search(page)
        if clock:
            page.clock.install()
        page.goto(page_url(url, lang, "calculators/validators/"))
        pages.append(page)
    return stack, pages


def assert_only(page, *patterns: str) -> None:
    """The page had no console error, page error or failed request but the injected fault's own
    (and perhaps Pyodide's log of it)."""
    await_expected(page.problems, list(patterns), page.wait_for_timeout)
    page.problems.problems[:] = [p for p in page.problems.problems if not any(re.search(s, p) for s in PYODIDE_SAYS)]
    failures = verdict(page.problems, list(patterns))
    assert not failures, "\n".join(failures)


def assert_usable(page):
    """The rest of the page works: the guide text is there and the form still takes typing."""
    assert page.locator("h1").first.is_visible()
    field = page.locator("#kapu-validators-value")
    field.fill("123 456 788")
    assert field.input_value() == "123 456 788"


def test_a_failed_start_shows_the_error_within_5_s_in_the_pages_language(browser, built_site, shared_workers):
    stack, pages = open_pages(browser, built_site, shared_workers, FAILURES)
    with stack:
        for (suffix, fault, lang), page in zip(FAILURES, pages, strict=True):
            root = page.locator('[data-calculator="validators"]')
            root.locator('xpath=self::*[@data-state="error"]').wait_for(timeout=30_000)
            states = page.evaluate("window.__kapuStates")
            failed_at = next(s["at"] for s in states if s["state"] == "error")
            assert failed_at < FAILED_WITHIN_MS, (suffix, fault, states)
            status = root.locator("[data-kapu-status]").inner_text()
            assert status == root.get_attribute("data-msg-error") and status, (suffix, fault)
            assert page.locator("html").get_attribute("lang") == lang
            assert_usable(page)
            assert_only(page, *FAULT_PROBLEMS[suffix])


def test_a_stalled_download_shows_still_loading_and_keeps_waiting(browser, built_site, shared_workers):
    stack, pages = open_pages(browser, built_site, shared_workers, [(suffix, "hang", lang) for suffix, lang in STALLS],
                              clock=True)
    with stack:
        for (suffix, lang), page in zip(STALLS, pages, strict=True):
            root = page.locator('[data-calculator="validators"]')
            slow = root.get_attribute("data-msg-slow")
            assert slow and lang == page.locator("html").get_attribute("lang")
            # Half a minute passes in the page (its timers, not the test's wall clock: the download
            # hangs all along); the bridge's "still loading" note is due well before.
            page.clock.fast_forward(30_000)
            page.wait_for_function("(text) => document.querySelector('[data-kapu-status]').textContent === text",
                                   arg=slow, timeout=30_000)
            assert root.get_attribute("data-state") == "loading", suffix
            assert_usable(page)
            assert_only(page)  # a stalled download is no error
