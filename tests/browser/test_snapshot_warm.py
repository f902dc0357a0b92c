"""Before the Python snapshot is taken, the worker runs every calculator once (web/worker.mjs), so a
first visit to another calculator restores them loaded instead of loading them on its first run.
The worker reports what it warmed with the snapshot; every calculator of the registry must be
there, each answered (not an error outcome)."""

from __future__ import annotations

import pytest

from calculators.core.registry import CALCULATORS
from tests.browser.helpers import RECORD_SNAPSHOT, dedicated_worker, page_url, wait_ready, without_search

pytestmark = pytest.mark.browser

FORGET = "async () => (await caches.open('kapu-python-snapshot')).delete('/__kapu/python-snapshot')"


def test_every_calculator_is_warmed_before_the_snapshot(page, site_url):
    page.add_init_script(RECORD_SNAPSHOT)
    # Each load starts its own Python (a dedicated worker): not the context's shared one, running
    # already (the snapshot is offered to either in the same way: test_shared_worker.py).
    dedicated_worker(page)
    without_search(page)  # (every load would build the search index: not needed here)
    # First a page without a calculator (no boot of its own): an earlier test may have stored a
    # snapshot, and this boot must make one.
    page.goto(page_url(site_url, "hu", "guides/"))
    page.evaluate(FORGET)
    page.goto(page_url(site_url, "hu", "calculators/office-finder/"))
    wait_ready(page, "office-finder")
    assert page.evaluate("window.Kapu.timings.snapshot") == "missing"
    page.wait_for_function("window.__kapuSnapshot !== undefined", timeout=60_000)
    report = page.evaluate("window.__kapuSnapshot")
    assert report["stored"] is True, report
    assert sorted(report["warmed"]) == sorted(CALCULATORS)
    assert "error" not in report["warmed"].values(), report["warmed"]
