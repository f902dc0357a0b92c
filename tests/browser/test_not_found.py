"""A missing page answers with the 404 page of its language folder, in that language, with a way
back to the home page in every language (issue 12, item 1)."""

from __future__ import annotations

import pytest

from calculators.core.i18n import LANGUAGES, translate
from tests.browser.helpers import page_url, without_python

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.expect_page_errors(  # the missing page itself, and Chromium's console line for it
    r"^HTTP 404 \S*/guides/no-such-page/$",
    r"^console error: Failed to load resource: .* 404 .*\(at \S*/guides/no-such-page/\)$",
)
def test_missing_page_answers_in_its_language(page, site_url, lang):
    without_python(page)
    response = page.goto(page_url(site_url, lang, "guides/no-such-page/"))
    assert response.status == 404
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("article h1").inner_text() == translate(lang, "Page not found")
    assert page.title().startswith(translate(lang, "Page not found"))
    # The way back: each language's home page, named in that language, from the page and the switcher.
    for other in LANGUAGES:
        link = page.locator(f'article a[hreflang="{other}"]')
        assert link.evaluate("a => a.href") == page_url(site_url, other, "")
        assert link.inner_text() == translate(other, "Home page in English")
        assert link.locator("xpath=..").get_attribute("lang") == other
        switcher = page.locator(f'.md-header a.md-select__link[hreflang="{other}"]')
        assert switcher.evaluate("a => a.href") == page_url(site_url, other, "")
    target = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    page.locator(f'article a[hreflang="{target}"]').click()
    page.wait_for_url(page_url(site_url, target, ""))
    assert page.get_attribute("html", "lang") == target


def test_each_language_has_its_own_404_file(built_site):
    for lang in LANGUAGES:
        path = built_site / ("" if lang == "en" else lang) / "404.html"
        assert f'<html lang="{lang}"' in path.read_text("utf-8"), path
