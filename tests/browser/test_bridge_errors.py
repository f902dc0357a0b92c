"""Malformed calls through the page's bridge (Python in Pyodide) get documented error outcomes,
never a traceback; and one failed call never leaves a widget stuck in `error`."""

from __future__ import annotations

import pytest

from calculators import web
from tests.browser.helpers import open_calculator

pytestmark = pytest.mark.browser

# (calculator, values, lang, today) as an embedder might get them wrong -> the documented code
BAD_CALLS = [
    (["nope", {}, "hu", "2026-03-01"], "unknown-calculator"),
    ([None, {}, "hu", "2026-03-01"], "unknown-calculator"),
    (["validators", ["taj"], "hu", "2026-03-01"], "bad-values"),
    (["validators", {"kind": None}, "hu", "2026-03-01"], "bad-values"),
    (["validators", {"kind": "taj"}, "hu", "2026-01-9999999999"], "bad-today"),
    (["validators", {"kind": "taj"}, "hu", 20260301], "bad-today"),
]

# A system clock far in the future (year 275760): the page's "today" is then no YYYY-MM-DD date,
# a real way for a widget's call to get an error outcome. Switched on and off by the test.
BREAKABLE_CLOCK = """const RealDate = Date;
window.__clockBroken = false;
Date = class extends RealDate {
  constructor(...args) { if (!args.length && window.__clockBroken) super(8.64e15); else super(...args); }
};"""


def test_bad_calls_get_documented_errors_without_traceback(calculator_page):
    page, _ = calculator_page("validators", "hu")  # a booted page from the pool: only calls, no typing
    outcomes = page.evaluate("(calls) => Promise.all(calls.map((args) => window.Kapu.call(...args)))",
                             [args for args, _ in BAD_CALLS])
    for (args, code), outcome in zip(BAD_CALLS, outcomes, strict=True):
        assert outcome["status"] == "error" and [e["code"] for e in outcome["errors"]] == [code], args
        assert outcome["answer"] is None and outcome["data"] == {}
        assert outcome["errors"][0]["message"] not in web.REQUEST_ERRORS.values(), "in Hungarian"
        assert "Traceback" not in str(outcome)


def test_a_failed_call_does_not_leave_the_widget_in_error(page, site_url):
    page.add_init_script(BREAKABLE_CLOCK)
    root = open_calculator(page, site_url, "en", "validators")
    status = root.locator("[data-kapu-status]")
    field = root.locator("#kapu-validators-value")
    page.evaluate("window.__clockBroken = true")
    field.fill("123 456 788")
    root.locator('xpath=self::*[@data-state="error"]').wait_for()
    assert status.inner_text() == "The calculator needs today's date as year-month-day."
    page.evaluate("window.__clockBroken = false")
    field.fill("123 456 789")
    root.locator('xpath=self::*[@data-state="ready"]').wait_for()
    assert status.inner_text() == root.get_attribute("data-msg-ready")
    root.locator(".kapu-answer__headline").wait_for()
