"""Before the Python snapshot is taken, the worker runs every calculator once (web/worker.mjs), so a
first visit to another calculator restores them loaded instead of loading them on its first run.
The worker reports what it warmed with the snapshot; every calculator of the registry must be
there, each answered (not an error outcome)."""

from __future__ import annotations

import pytest

from calculators.core.registry import CALCULATORS
from tests.browser.helpers import RECORD_SNAPSHOT, page_url, wait_ready

pytestmark = pytest.mark.browser

FORGET = "async () => (await caches.open('kapu-python-snapshot')).delete('/__kapu/python-snapshot')"


def test_every_calculator_is_warmed_before_the_snapshot(page, site_url):
    page.add_init_script(RECORD_SNAPSHOT)
    page.goto(page_url(site_url, "hu", "calculators/office-finder/"))
    wait_ready(page, "office-finder")
    if page.evaluate("window.Kapu.timings.snapshot") != "restored":
        # This boot stores a snapshot after its warm-up: let it land before forgetting it.
        page.wait_for_function("window.__kapuSnapshot !== undefined", timeout=60_000)
    page.evaluate(FORGET)  # (an earlier test may have stored one: this boot must make it)
    page.reload()
    wait_ready(page, "office-finder")
    assert page.evaluate("window.Kapu.timings.snapshot") == "missing"
    page.wait_for_function("window.__kapuSnapshot !== undefined", timeout=60_000)
    report = page.evaluate("window.__kapuSnapshot")
    assert report["stored"] is True, report
    assert sorted(report["warmed"]) == sorted(CALCULATORS)
    assert "error" not in report["warmed"].values(), report["warmed"]
