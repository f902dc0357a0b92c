"""Every page of the built site, in every language, loads with no console error, no uncaught error
and no failed request, and asks nothing of another origin (the `page` fixture's watcher, which every
browser test has). Python is kept off here: the calculator tests run it, under the same watcher;
the theme's own scripts (search, language selector) run as usual."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from calculators.core.i18n import LANGUAGES
from tests.browser.helpers import page_url, without_python

DOCS = Path(__file__).resolve().parents[2] / "docs" / "en"


def site_path(markdown: Path) -> str:
    rel = markdown.relative_to(DOCS).with_suffix("")
    rel = rel.parent if rel.name == "index" else rel
    return "" if rel == Path(".") else f"{rel.as_posix()}/"


PAGES = sorted(site_path(p) for p in DOCS.rglob("*.md"))


def load(page, url: str, quiet_ms: int = 100, timeout_s: float = 15) -> None:
    """Open `url` and wait until the page has loaded and no request has been in flight for
    `quiet_ms` (what the theme fetches after the load event is part of the page)."""
    in_flight: set = set()

    def started(request):
        in_flight.add(request)

    def ended(request):
        in_flight.discard(request)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    try:
        page.goto(url)
        deadline, quiet_since = time.monotonic() + timeout_s, None
        while time.monotonic() < deadline:
            page.wait_for_timeout(25)
            if in_flight:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet_ms / 1000:
                return
        raise AssertionError(f"{url}: still loading after {timeout_s} s: {[r.url for r in in_flight]}")
    finally:
        page.remove_listener("request", started)
        page.remove_listener("requestfinished", ended)
        page.remove_listener("requestfailed", ended)


def test_every_page_is_listed():
    assert len(PAGES) == len(list(DOCS.rglob("*.md"))) and "" in PAGES and "guides/" in PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_cleanly(page, page_problems, site_url, lang):
    without_python(page)
    for path in PAGES:
        load(page, page_url(site_url, lang, path))
        assert page.get_attribute("html", "lang") == lang, path
        assert not page_problems.problems, (path, page_problems.problems)
        assert not page_problems.foreign, (path, page_problems.foreign)


def test_the_not_found_page_loads_cleanly(page, page_problems, site_url):
    load(page, f"{site_url}404.html")
    assert page.locator("h1").count() == 1
    assert not page_problems.problems, page_problems.problems


@pytest.mark.expect_page_errors(
    r"^console error: kapu-watch-check",
    r"^page error: kapu-watch-check$",
    r"^HTTP 404 \S*/no-such-file$",
    r"^console error: Failed to load resource: .* 404 .*\(at \S*/no-such-file\)$",  # Chromium's own line
)
def test_the_watcher_sees_console_errors_and_failed_requests(page, page_problems, site_url):
    """The watcher itself can fail a test: each kind of problem is recorded (and expected here)."""
    without_python(page)
    load(page, site_url)
    page.evaluate("console.error('kapu-watch-check')")
    page.evaluate("setTimeout(() => { throw new Error('kapu-watch-check'); })")
    page.evaluate("fetch('no-such-file').catch(() => {})")
    page.wait_for_timeout(200)
    assert len(page_problems.problems) >= 4, page_problems.problems
