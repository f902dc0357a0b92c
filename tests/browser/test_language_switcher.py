"""The language switcher on every guide leads to the same guide in the other language."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.core.i18n import LANGUAGES
from tests.browser.helpers import page_url, without_python, without_search

pytestmark = pytest.mark.browser

GUIDES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "docs" / "en" / "guides").glob("*.md"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("guide", GUIDES)
def test_switcher_leads_to_the_same_guide(page, site_url, guide, lang):
    path = "guides/" if guide == "index" else f"guides/{guide}/"
    without_python(page)  # some guides hold a calculator; this test does not use it
    without_search(page)  # nor the search
    page.goto(page_url(site_url, lang, path))
    assert page.get_attribute("html", "lang") == lang
    links = page.locator(".md-header a.md-select__link[hreflang]").evaluate_all(
        "as => as.map((a) => [a.hreflang, a.href])")
    for other in LANGUAGES:
        hrefs = [href for hreflang, href in links if hreflang == other]
        assert hrefs == [page_url(site_url, other, path)], (other, hrefs)
    # And a reader can use it: open the menu, pick the next language, land on the same guide.
    target = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(page_url(site_url, target, path))
    assert page.get_attribute("html", "lang") == target
