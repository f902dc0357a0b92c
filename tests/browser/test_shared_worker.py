"""One Python for all of a reader's pages (web/bridge.js, web/worker.mjs): where the browser has
shared workers, the bridge starts Python in one, which outlives a navigation, so a reload or the
next calculator page finds it running. Playwright does not see a shared worker: these tests watch
and steer it over the DevTools protocol (the `shared_workers` fixture, tests/browser/cdp.py).

One context of this file's own (a reader's first visit: no HTTP cache, no stored snapshot, no
service worker in the way of the faults), one cold start in it; the other tests end its worker and
start a new one from the stored snapshot."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from calculators import web
from calculators.core import examples
from tests.browser.helpers import RECORD_SNAPSHOT, dedicated_worker, page_url, wait_ready, without_search

pytestmark = pytest.mark.browser

TODAY = examples.load("validators")["today"]
ANSWER = ("validators", {"kind": "taj", "value": "111 111 110", "birth_date": ""})
ENDS_WITHIN_MS = 10_000


@pytest.fixture(scope="module")
def reader(browser, _watcher) -> Iterator[object]:
    """A page in a context of its own (no service worker: this file's faults are the shared worker's
    own), watched like every test page."""
    context = browser.new_context(locale="en-GB", service_workers="block")
    page = context.new_page()
    page.add_init_script(RECORD_SNAPSHOT)
    without_search(page)
    _watcher.watch(page)
    yield page
    context.close()


def open_ready(page, site_url: str, lang: str, calculator: str) -> dict:
    page.goto(page_url(site_url, lang, f"calculators/{calculator}/"))
    wait_ready(page, calculator)
    return page.evaluate("window.Kapu.timings")


def answers_as_cpython(page, lang: str) -> None:
    calculator, values = ANSWER
    outcome = page.evaluate("([c, v, l, t]) => window.Kapu.call(c, v, l, t)", [calculator, values, lang, TODAY])
    assert outcome == web.run(calculator, values, lang, TODAY)
    assert outcome["status"] == "answer"


def ends_by_itself(shared_workers, page) -> None:
    for _ in range(ENDS_WITHIN_MS // 100):
        if not shared_workers.running(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the shared worker that could not start is still running")


def test_python_starts_in_a_shared_worker_and_nothing_leaves_the_origin(reader, site_url, shared_workers,
                                                                        page_problems):
    # Every request the browser makes while the page loads and Python starts in its shared worker,
    # seen at the browser's level: the worker's own downloads are there, so a request to elsewhere
    # could not hide.
    with shared_workers.observe() as seen:
        timings = open_ready(reader, site_url, "en", "validators")
    assert (timings["worker"], timings["running"], timings["snapshot"]) == ("shared", False, "missing")
    assert len(shared_workers.running(reader)) == 1
    assert any(re.search(r"/assets/pyodide/[^/]+/pyodide\.asm\.wasm$", u) for u in seen), seen
    assert any(re.search(r"/assets/pyodide/[^/]+/python_stdlib\.zip$", u) for u in seen), seen
    assert any(u.endswith(".whl") for u in seen), seen
    assert all(u.startswith((site_url, "data:", "blob:")) for u in seen), seen
    answers_as_cpython(reader, "en")
    reader.wait_for_function("window.__kapuSnapshot !== undefined", timeout=60_000)
    assert reader.evaluate("window.__kapuSnapshot.stored") is True


def test_a_reload_and_the_next_calculator_find_python_running(reader, site_url, shared_workers, page_problems):
    reader.reload()
    wait_ready(reader, "validators")
    assert reader.evaluate("[window.Kapu.timings.worker, window.Kapu.timings.running]") == ["shared", True]
    answers_as_cpython(reader, "en")
    timings = open_ready(reader, site_url, "pl", "eligibility")
    assert (timings["worker"], timings["running"]) == ("shared", True)
    answers_as_cpython(reader, "pl")
    # A second tab at the same time: the same Python answers both, each on its own channel.
    tab = reader.context.new_page()
    try:
        timings = open_ready(tab, site_url, "vi", "coverage-end")
        assert (timings["worker"], timings["running"]) == ("shared", True)
        both = [tab.evaluate("([c, v, l, t]) => window.Kapu.call(c, v, l, t)", [*ANSWER, "vi", TODAY]),
                reader.evaluate("([c, v, l, t]) => window.Kapu.call(c, v, l, t)", [*ANSWER, "pl", TODAY])]
        assert both == [web.run(*ANSWER, "vi", TODAY), web.run(*ANSWER, "pl", TODAY)]
    finally:
        tab.close()
    assert len(shared_workers.running(reader)) == 1


def test_a_new_shared_worker_restores_the_snapshot(reader, site_url, shared_workers, page_problems):
    """After the browser ended the worker (minutes after the last page closed), the next page's
    new worker asks it for the stored snapshot and restores Python from it."""
    assert shared_workers.end(reader) == 1
    timings = open_ready(reader, site_url, "hu", "validators")
    assert (timings["worker"], timings["running"], timings["snapshot"]) == ("shared", False, "restored")
    answers_as_cpython(reader, "hu")


@pytest.mark.expect_page_errors(r"^HTTP 404 \S*/assets/kapu/wheels/\S*\.whl$")
def test_a_shared_worker_that_cannot_start_says_so_ends_and_the_next_page_starts_again(
        reader, site_url, shared_workers, page_problems):
    shared_workers.end(reader)
    with shared_workers.fail(f"{site_url}assets/kapu/wheels/*.whl", 404):
        reader.goto(page_url(site_url, "en", "calculators/validators/"))
        root = reader.locator('[data-calculator="validators"]')
        root.locator('xpath=self::*[@data-state="error"]').wait_for(timeout=90_000)
        assert root.locator("[data-kapu-status]").inner_text().startswith("Sorry, the calculator could not start")
        # It ended itself: the next page must not be told "failed" by the same worker.
        ends_by_itself(shared_workers, reader)
    timings = open_ready(reader, site_url, "en", "validators")
    assert (timings["worker"], timings["running"], timings["snapshot"]) == ("shared", False, "restored")
    answers_as_cpython(reader, "en")


def test_a_python_that_stops_working_ends_its_worker_and_the_next_page_starts_again(
        reader, site_url, shared_workers, page_problems):
    """run_json answers every request (a bad one with an error outcome), so a call that throws
    means Python no longer works. A shared worker would go on serving the next pages with it: it
    tells its pages and ends instead. Here the function it calls is destroyed (from the debugger,
    where the worker takes the page's next call), so that the call throws."""
    open_ready(reader, site_url, "en", "validators")
    shared_workers.evaluate_in_handler(
        reader, lambda: reader.evaluate("() => { window.Kapu.call('validators', {}, 'en').then(() => 'answered',"
                                        " (error) => error.message).then((said) => { window.__said = said; }); }"),
        "started.then((runJson) => runJson.destroy())")
    reader.wait_for_function("window.__said !== undefined")
    assert reader.evaluate("window.__said") != "answered"
    ends_by_itself(shared_workers, reader)
    timings = open_ready(reader, site_url, "en", "validators")
    assert (timings["worker"], timings["running"], timings["snapshot"]) == ("shared", False, "restored")
    answers_as_cpython(reader, "en")


def test_without_shared_workers_each_page_starts_its_own(reader, site_url, page_problems):
    page = reader.context.new_page()
    try:
        dedicated_worker(page)
        timings = open_ready(page, site_url, "en", "validators")
        assert (timings["worker"], timings["running"], timings["snapshot"]) == ("dedicated", False, "restored")
        answers_as_cpython(page, "en")
    finally:
        page.close()
