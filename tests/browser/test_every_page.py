"""Every page of the built site, in every language, as a reader on a narrow phone sees it
(issue 12): nothing scrolls sideways at 320 px, and translated pages carry no English left over
from the theme (footer, tooltips, search)."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.i18n import LANGUAGES
from tests.browser.helpers import page_url

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "en"
NARROW = {"width": 320, "height": 640}
# Every page, as the path under a language's folder; plus the language's 404 page.


def _path(source: Path) -> str:
    page = source.relative_to(DOCS).with_suffix("")
    page = page.parent if page.name == "index" else page
    return "" if page == Path(".") else f"{page.as_posix()}/"


PATHS = [*sorted(_path(p) for p in DOCS.rglob("*.md")), "404.html"]
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


@pytest.fixture(scope="module")
def visited(browser, site_url):
    """Each page in each language, opened once at 320 px: {(lang, path): {width, chrome}}."""
    context = browser.new_context(viewport=NARROW, locale="en-GB")
    # The calculators' Python is not what these tests look at: keep the 2-core machine free.
    context.route("**/assets/pyodide/**", lambda route: route.abort())
    foreign = []
    context.on("request", lambda r: None if r.url.startswith((site_url, "data:", "blob:")) else foreign.append(r.url))
    page = context.new_page()
    seen = {}
    for lang in LANGUAGES:
        for path in PATHS:
            page.goto(page_url(site_url, lang, path))
            page.wait_for_load_state("load")
            seen[lang, path] = {
                "width": page.evaluate("document.documentElement.scrollWidth"),
                "chrome": set(page.evaluate(CHROME)),
                "widest": page.evaluate("""() => [...document.querySelectorAll('body *')]
                    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                    .slice(0, 3).map((e) => e.tagName + '.' + e.className)"""),
            }
    context.close()
    assert not foreign, f"requests left the origin: {foreign}"
    return seen


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
