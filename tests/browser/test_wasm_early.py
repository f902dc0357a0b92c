"""Pyodide's wasm is fetched and compiled from the worker's start (web/worker.mjs), before
loadPyodide asks for it: it is still downloaded once, and if that early compile fails, Pyodide's
own request is made and the widget starts as it would have. In the session's context (service
workers blocked): every request is seen, and Python restores the stored snapshot rather than
starting cold (the wasm is fetched and compiled either way). Each page starts its own Python in a
dedicated worker, whose requests Playwright's routes see (a shared worker runs the same code)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import dedicated_worker, page_url, wait_ready

pytestmark = pytest.mark.browser

WASM = "**/pyodide.asm.wasm"


def answers(page) -> str:
    return page.evaluate("window.Kapu.call('validators', {kind: 'taj', value: '123456788'}, 'hu')"
                         ".then((o) => o.status)")


def test_the_wasm_is_downloaded_once_and_python_answers(page, site_url):
    asked = []
    dedicated_worker(page)  # routes reach a dedicated worker's requests (the same worker code)
    page.route(WASM, lambda route: (asked.append(route.request.url), route.continue_()))
    page.goto(page_url(site_url, "hu", "calculators/validators/"))
    wait_ready(page, "validators")
    assert answers(page) == "answer"
    assert len(asked) == 1, asked  # Pyodide's own request got the early compile, not a second download


@pytest.mark.expect_page_errors(r"^HTTP 404 \S*/pyodide\.asm\.wasm$")
def test_a_failed_early_compile_falls_back_to_pyodides_own_request(page, site_url):
    # The first request for the wasm (the early compile's) gets a 404; Pyodide's own one is served.
    asked = []

    def first_fails(route):
        asked.append(route.request.url)
        if len(asked) == 1:
            route.fulfill(status=404, body="")
        else:
            route.continue_()

    dedicated_worker(page)
    page.route(WASM, first_fails)
    page.goto(page_url(site_url, "pl", "calculators/validators/"))
    wait_ready(page, "validators")
    assert answers(page) == "answer"
    assert len(asked) == 2, asked
