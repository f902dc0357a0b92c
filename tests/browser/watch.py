"""What a browser test watches on every page it drives: requests to other origins, console errors,
uncaught page errors, and failed same-origin requests (HTTP status >= 400, or a request that
failed outright). Any of these fails the test unless the test declares it expects it:

    @pytest.mark.expect_page_errors(r"request failed .*pyodide\\.asm\\.wasm", r"page error: Failed to fetch")

Each pattern is a regular expression searched in the problem's text (the forms are below, e.g.
`console error: …`, `page error: …`, `HTTP 404 http://…`, `request failed (net::ERR_FAILED) http://…`).
A problem that matches a pattern is allowed, and every pattern must match some problem: an
expectation that no longer happens is stale and fails too.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

# The browser cancelling a request (a navigation away, a closed page) is not a failure of the site.
CANCELLED = "net::ERR_ABORTED"
# How long to wait at the end of a test for an expected problem whose event is still on its way.
EXPECTED_GRACE_S = 3.0


@dataclass
class Problems:
    """What went wrong on the pages of one test."""

    foreign: list[str] = field(default_factory=list)  # requests that left the site's origin
    problems: list[str] = field(default_factory=list)  # console errors, page errors, failed requests
    # Origins this test's pages may talk to besides the site's (a host page that embeds Kapu, on a
    # port of its own): requests there are not foreign, and their failures count as the site's own.
    also_allowed: list[str] = field(default_factory=list)

    def unexpected(self, patterns: list[str]) -> tuple[list[str], list[str]]:
        """(problems no pattern allows, patterns that matched no problem)."""
        allowed = [re.compile(p) for p in patterns]
        unexpected = [p for p in self.problems if not any(a.search(p) for a in allowed)]
        unmet = [a.pattern for a in allowed if not any(a.search(p) for p in self.problems)]
        return unexpected, unmet


class Watcher:
    """Attached once to every page of the session (fresh or pooled); reports into the problems of
    the test that is running. What happens between tests is kept for the next test."""

    def __init__(self, site_url: str):
        self.site_url = site_url
        self.current: Problems | None = None
        self._between = Problems()

    def _sink(self) -> Problems:
        return self.current if self.current is not None else self._between

    def start(self) -> Problems:
        """A new test starts: it also answers for what happened since the last one ended."""
        self.current = Problems(
            foreign=list(self._between.foreign),
            problems=[f"(before this test) {p}" for p in self._between.problems],
        )
        self._between = Problems()
        return self.current

    def stop(self) -> None:
        self.current = None

    def same_origin(self, url: str) -> bool:
        return url.startswith((self.site_url, *self._sink().also_allowed))

    def watch(self, page) -> None:
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self._sink().problems.append(f"page error: {error}"))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)

    def watch_shared_workers(self, workers):
        """Also watch the shared workers of this watcher's origins (tests/browser/cdp.py: Playwright
        does not see them): their failed requests, console errors and uncaught exceptions count as
        their pages' would. Any shared worker's request to another origin than its own is foreign.
        Returns the function that stops this."""

        def on_request(worker: str, url: str) -> None:
            if not (origin(worker) and url.startswith((origin(worker), "data:", "blob:"))):
                self._sink().foreign.append(f"{url} (from the shared worker {worker})")

        def on_problem(worker: str, text: str) -> None:
            if self.same_origin(worker):
                self._sink().problems.append(text)

        workers.events.request.append(on_request)
        workers.events.problem.append(on_problem)

        def stop() -> None:
            workers.events.request.remove(on_request)
            workers.events.problem.remove(on_problem)
        return stop

    def _on_request(self, request) -> None:
        url = request.url
        if not (self.same_origin(url) or url.startswith(("data:", "blob:"))):
            self._sink().foreign.append(url)

    def _on_console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url") or ""
            self._sink().problems.append(f"console error: {message.text}" + (f" (at {where})" if where else ""))

    def _on_response(self, response) -> None:
        if response.status >= 400 and self.same_origin(response.url):
            self._sink().problems.append(f"HTTP {response.status} {response.url}")

    def _on_request_failed(self, request) -> None:
        failure = request.failure or "failed"
        if failure != CANCELLED and self.same_origin(request.url):
            self._sink().problems.append(f"request failed ({failure}) {request.url}")


def origin(url: str) -> str:
    """scheme://host:port/ of an http(s) address; "" for any other."""
    match = re.match(r"https?://[^/?#]+", url)
    return match.group(0) + "/" if match else ""


def expected_patterns(node) -> list[str]:
    """The patterns a test declares with @pytest.mark.expect_page_errors(...)."""
    return [p for marker in node.iter_markers("expect_page_errors") for p in marker.args]


def await_expected(problems: Problems, patterns: list[str], wait_ms) -> None:
    """Give the browser a moment to deliver an expected problem that has not arrived yet."""
    deadline = time.monotonic() + EXPECTED_GRACE_S
    while problems.unexpected(patterns)[1] and time.monotonic() < deadline:
        wait_ms(50)


def verdict(problems: Problems, patterns: list[str], wait_ms=None) -> list[str]:
    """Why the test fails ([] if it does not). `wait_ms` (e.g. page.wait_for_timeout) lets late
    events arrive while an expected problem is missing."""
    if wait_ms is not None:
        await_expected(problems, patterns, wait_ms)
    unexpected, unmet = problems.unexpected(patterns)
    failures = []
    if problems.foreign:
        failures.append(f"requests left the origin: {problems.foreign}")
    if unexpected:
        failures.append("console errors or failed requests:\n  " + "\n  ".join(unexpected))
    if unmet:
        failures.append(f"expected page errors that did not happen: {unmet}")
    return failures
