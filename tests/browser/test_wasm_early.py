"""Pyodide's wasm is fetched and compiled from the worker's start (web/worker.mjs), before
loadPyodide asks for it: it is still downloaded once, and if that early compile fails, Pyodide's
own request is made and the widget starts as it would have. Service workers blocked: every
request reaches the test server (none is answered from a cache or made by the service worker)."""

from __future__ import annotations

import pytest

from kapu_build.static_server import serve
from tests.browser.helpers import page_url, wait_ready
from tests.browser.watch import Watcher, verdict

pytestmark = pytest.mark.browser

WASM = "pyodide.asm.wasm"


def visit(browser, url: str, lang: str):
    """A fresh context (no service worker), watched; returns (context, page, wasm requests)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    watcher = Watcher(url)
    watcher.watch(page)
    page.problems = watcher.start()
    wasm = []
    context.on("request", lambda r: wasm.append(r.url) if r.url.endswith(WASM) else None)
    page.goto(page_url(url, lang, "calculators/validators/"))
    return context, page, wasm


def answers(page) -> str:
    return page.evaluate("window.Kapu.call('validators', {kind: 'taj', value: '123456788'}, 'hu')"
                         ".then((o) => o.status)")


def test_the_wasm_is_downloaded_once_and_python_answers(browser, built_site):
    with serve(built_site) as url:
        context, page, wasm = visit(browser, url, "hu")
        try:
            wait_ready(page, "validators")
            assert answers(page) == "answer"
            assert len(wasm) == 1, wasm  # Pyodide's own request got the early compile, not a second download
            assert not verdict(page.problems, [], page.wait_for_timeout)
        finally:
            context.close()


def test_a_failed_early_compile_falls_back_to_pyodides_own_request(browser, built_site):
    # The first request for the wasm (the early compile's) fails; Pyodide's own one is served.
    with serve(built_site, {WASM: "404-once"}) as url:
        context, page, wasm = visit(browser, url, "pl")
        try:
            wait_ready(page, "validators")
            assert answers(page) == "answer"
            assert len(wasm) == 2, wasm
            failures = verdict(page.problems, [rf"HTTP 404 .*/{WASM}$"], page.wait_for_timeout)
            assert not failures, failures
        finally:
            context.close()
