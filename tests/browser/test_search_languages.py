"""A reader searches the pages of their own language, and a page loads only its language's search
index (issue 12, item 2). Polish has no lunr stemmer: its words are found as written."""

from __future__ import annotations

from contextlib import suppress

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.helpers import page_url

pytestmark = pytest.mark.browser

def search(page, site_url, lang, query, expected):
    """Open a guide page in `lang`, search for `query`; the result links' paths and the indexes fetched.
    The results are read once the `expected` page is among them (results for the query typed so far,
    "TA", can come first), or after 10 s (the test then fails on what was found)."""
    indexes = []
    page.on("request", lambda r: indexes.append(r.url.removeprefix(site_url)) if "search_index" in r.url else None)
    page.goto(page_url(site_url, lang, "guides/municipal-portal/"))
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    with suppress(PlaywrightTimeout):  # the assertions below say what was found instead
        page.wait_for_function("""path => [...document.querySelectorAll(".md-search-result__item a")]
                                    .some((a) => new URL(a.href).pathname === path)""", arg=expected, timeout=10_000)
    links = page.locator(".md-search-result__item a").evaluate_all("all => all.map((a) => new URL(a.href).pathname)")
    return links, indexes


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("en", "TAJ", "/calculators/validators/"),
    ("hu", "kormányhivatal", "/hu/guides/self-notification/"),
    ("pl", "nieodwołane", "/pl/guides/gosuslugi-appointments/"),  # no stemmer: found as written
    ("vi", "căn cước", "/vi/guides/vneid-health-book/"),
])
def test_search_finds_only_pages_of_the_readers_language(page, site_url, lang, query, expected):
    links, indexes = search(page, site_url, lang, query, expected)
    assert expected in links, links
    if lang == "en":
        assert not [link for link in links if link.startswith(("/hu/", "/pl/", "/vi/"))], links
    else:
        assert all(link.startswith(f"/{lang}/") for link in links), links
    own = "search/search_index.json" if lang == "en" else f"{lang}/search/search_index.json"
    assert indexes == [own]

