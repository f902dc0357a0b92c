"""Every page of the built site, in every language (its 404 page too), as a reader on a narrow phone
sees it: it loads with no console error, no uncaught error and no failed request, and asks nothing
of another origin (the same watcher every browser test has); nothing scrolls sideways at 320 px;
and translated pages carry no English left over from the theme (footer, tooltips, search)
(issue 12). Python is kept off here: the calculator tests run it, under the same watcher; the
theme's own scripts (search, language selector) run as usual.

Each page is opened once, by the module's `visited` fixture; the tests read what it saw."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from calculators.core.i18n import LANGUAGES
from tests.browser.helpers import page_url, without_python
from tests.browser.watch import Watcher

DOCS = Path(__file__).resolve().parents[2] / "docs" / "en"
NARROW = {"width": 320, "height": 640}


def site_path(markdown: Path) -> str:
    rel = markdown.relative_to(DOCS).with_suffix("")
    rel = rel.parent if rel.name == "index" else rel
    return "" if rel == Path(".") else f"{rel.as_posix()}/"


PAGES = sorted(site_path(p) for p in DOCS.rglob("*.md"))
NOT_FOUND = "404.html"  # each language's 404 page, opened directly
PATHS = [*PAGES, NOT_FOUND]
# English the theme (Material, Markdown's toc) would put on a page: none may remain on a translated one.
THEME_ENGLISH = ("Permanent link", "Made with", "Initializing search", "Type to start searching",
                 "Back to top", "Skip to content", "Select language", "Share", "Clear", "Search")
# Strings that are the same in every language: the languages' own names, product names.
SAME_IN_EVERY_LANGUAGE = {"English", "Magyar", "Polski", "Tiếng Việt", "Material for MkDocs", "¶"}

# The theme's text and every tooltip or accessible name on a page (not the article's own words
# or its table of contents, which may quote names and terms in other languages).
CHROME = """() => {
  const texts = new Set();
  const skip = (node) => node.parentElement.closest("script, style, svg, article, abbr, .md-nav--secondary");
  const theme = ".md-header, .md-footer, .md-sidebar, .md-search, .md-skip, .md-top, .md-content__button";
  for (const root of document.querySelectorAll(theme)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim();
      if (text && !skip(node)) texts.add(text);
    }
  }
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
    if (el.closest("abbr")) continue;
    for (const name of ["title", "aria-label", "placeholder", "alt"]) {
      const value = el.getAttribute(name);
      if (value && value.trim()) texts.add(value.trim());
    }
  }
  return [...texts];
}"""
# The first few elements that reach past the right edge of the screen (what makes a page scroll).
WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .slice(0, 3).map((e) => e.tagName + '.' + e.className)"""


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


@pytest.fixture(scope="module")
def visited(browser_context, site_url):
    """Each page in each language, opened once at 320 px, Python off:
    {(lang, path): {lang, h1, problems, foreign, width, widest, chrome}}. The page has a watcher of
    its own (tests/browser/watch.py), so each page's problems are its own; the tests fail on them."""
    watcher = Watcher(site_url)
    page = browser_context.new_page()
    page.set_viewport_size(NARROW)
    watcher.watch(page)
    without_python(page)
    seen = {}
    try:
        for lang in LANGUAGES:
            for path in PATHS:
                problems = watcher.start()
                load(page, page_url(site_url, lang, path))
                seen[lang, path] = {
                    "lang": page.get_attribute("html", "lang"),
                    "h1": page.locator("h1").count(),
                    "width": page.evaluate("document.documentElement.scrollWidth"),
                    "widest": page.evaluate(WIDEST),
                    "chrome": set(page.evaluate(CHROME)),
                }
                watcher.stop()
                seen[lang, path] |= {"problems": problems.problems, "foreign": problems.foreign}
    finally:
        page.close()
    return seen


def test_every_page_is_listed():
    assert len(PAGES) == len(list(DOCS.rglob("*.md"))) and "" in PAGES and "guides/" in PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_cleanly(visited, lang):
    for path in PATHS:
        seen = visited[lang, path]
        assert seen["lang"] == lang, path
        assert not seen["problems"], (path, seen["problems"])
        assert not seen["foreign"], (path, seen["foreign"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_not_found_page_loads_cleanly(visited, lang):
    assert visited[lang, NOT_FOUND]["h1"] == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_at_320_px(visited, lang):
    wide = {path: (v["width"], v["widest"]) for (page_lang, path), v in visited.items()
            if page_lang == lang and v["width"] > NARROW["width"]}
    assert not wide, wide


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_left_in_the_theme_of_translated_pages(visited, lang):
    for path in PATHS:
        chrome = visited[lang, path]["chrome"]
        left = {text for text in chrome for english in THEME_ENGLISH if english.lower() in text.lower()}
        assert not left, (path, left)
        # And nothing else the English page's theme says, word for word.
        same = chrome & visited["en", path]["chrome"] - SAME_IN_EVERY_LANGUAGE
        assert not same, (path, same)


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
