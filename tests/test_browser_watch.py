"""The browser tests' judge of console errors and failed requests (tests/browser/watch.py), without
a browser: what it lets through and what it fails."""

from __future__ import annotations

from tests.browser.watch import Problems, verdict

NOT_FOUND = "HTTP 404 http://127.0.0.1:1/guides/x/sitemap.xml"
BLOCKED = "request failed (net::ERR_FAILED) http://127.0.0.1:1/assets/pyodide/pyodide.asm.wasm"


def test_a_clean_page_passes():
    assert verdict(Problems(), []) == []


def test_any_console_error_or_failed_request_fails():
    failures = verdict(Problems(problems=["console error: boom", NOT_FOUND]), [])
    assert len(failures) == 1 and "console error: boom" in failures[0] and NOT_FOUND in failures[0]


def test_a_request_to_another_origin_fails_even_when_errors_are_expected():
    failures = verdict(Problems(foreign=["https://cdn.example/x.js"]), [r".*"])
    assert any("left the origin" in f and "cdn.example" in f for f in failures)


def test_an_expected_problem_passes_and_only_that_one():
    assert verdict(Problems(problems=[BLOCKED]), [r"pyodide\.asm\.wasm$"]) == []
    failures = verdict(Problems(problems=[BLOCKED, NOT_FOUND]), [r"pyodide\.asm\.wasm$"])
    assert len(failures) == 1 and NOT_FOUND in failures[0] and BLOCKED not in failures[0]


def test_an_expectation_that_does_not_happen_fails():
    failures = verdict(Problems(), [r"pyodide\.asm\.wasm$"])
    assert failures == [r"expected page errors that did not happen: ['pyodide\\.asm\\.wasm$']"]
