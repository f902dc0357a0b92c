"""The office finder as a reader uses it: real Chromium, the built site, Python in Pyodide."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES, format_date, translate
from tests.browser.helpers import axe_violations, call_all, widget

pytestmark = pytest.mark.browser

NAME = "office-finder"
QUERY = "#kapu-office-finder-query"
GS = "Győr-Moson-Sopron Vármegyei Kormányhivatal"
EXAMPLES = examples.load(NAME)


def settled(page):
    page.wait_for_function(f"document.querySelector('[data-calculator=\"{NAME}\"]').dataset.busy === '0'")


def result_text(root) -> str:
    return root.locator("[data-kapu-result]").inner_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_postcode_gives_the_office_in_every_language(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    page.fill(QUERY, " 9021 ")
    settled(page)
    text = result_text(root)
    assert translate(lang, "Your office: %(office)s", office=GS) in text
    assert translate(lang, "Seat: %(seat)s", seat="Győr") in text
    assert format_date(lang, dt.date(2026, 11, 22)) in text  # last checked, written the page's way
    links = root.locator(".kapu-answer__links a")
    assert links.count() == 2
    assert links.nth(0).get_attribute("href") == "https://kormanyablak.hu/hu/feladatkorok/133/EGBIZ00002"
    assert links.nth(1).get_attribute("href").startswith("https://www.openstreetmap.org/search?query=")
    assert root.locator("iframe").count() == 0  # a link only: no embedded map
    # Budapest names the district.
    page.fill(QUERY, "1132")
    settled(page)
    assert translate(lang, "Postcode %(postcode)s: Budapest, district %(district)s",
                     postcode="1132", district="XIII") in result_text(root)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pick_a_settlement_from_the_choices(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    choices = root.locator("[data-choices]")
    assert choices.is_hidden()
    page.fill(QUERY, "komlo")
    settled(page)
    assert choices.is_visible()
    assert translate(lang, "Choose your settlement") in choices.inner_text()
    assert translate(lang, "Settlements in more than one county have this name: choose yours from the list.") \
        in result_text(root)
    page.get_by_label("Kömlő (Heves)").check()
    settled(page)
    assert "Heves Vármegyei Kormányhivatal" in result_text(root)
    page.get_by_label("Komló (Baranya)").check()
    settled(page)
    assert "Baranya Vármegyei Kormányhivatal" in result_text(root)
    # A new query replaces the choices; one that needs none hides them.
    page.fill(QUERY, "gyor")
    settled(page)
    assert choices.is_hidden()
    assert GS in result_text(root)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyboard_only(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    for _ in range(60):  # from the top of the page, Tab until the finder's field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kapu-office-finder-query":
            break
    assert page.evaluate("document.activeElement.id") == "kapu-office-finder-query"
    page.keyboard.press("Enter")  # submit with nothing typed
    summary = root.locator(".kapu-error-summary")
    summary.wait_for(state="visible")
    assert translate(lang, "Enter a postcode or the name of a settlement.") in summary.inner_text()
    page.keyboard.press("Tab")  # the summary's link takes the reader back to the field
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "kapu-office-finder-query"
    page.keyboard.type("0000")
    page.keyboard.press("Enter")
    settled(page)
    assert translate(lang, "We know no settlement with the postcode %(postcode)s.", postcode="0000") \
        in summary.inner_text()
    assert page.get_attribute(QUERY, "aria-invalid") == "true"
    page.focus(QUERY)
    page.keyboard.press("Control+A")
    page.keyboard.type("komlo")
    settled(page)
    assert summary.is_hidden()
    page.keyboard.press("Tab")  # into the radio group
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowDown")  # selects the next settlement
    settled(page)
    picked = page.evaluate("document.activeElement.value")
    assert page.evaluate("document.activeElement.checked")
    county = "Heves" if picked == "Kömlő" else "Baranya"
    assert f"{county} Vármegyei Kormányhivatal" in result_text(root)
    # The update kept the radios: the focus is still where the reader left it.
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowDown")
    settled(page)
    assert page.evaluate("document.activeElement.value") != picked


@pytest.mark.parametrize("lang", ["en", "hu"])
def test_no_accessibility_violations(calculator_page, lang):
    """The widget with its choices and answer (the theme's own findings are the site tests' job)."""
    page, root = calculator_page(NAME, lang)
    page.fill(QUERY, "komlo")
    settled(page)
    page.get_by_label("Kömlő (Heves)").check()
    settled(page)
    assert root.locator(".kapu-answer__links a").count() == 2
    violations = axe_violations(page, '[data-calculator="office-finder"]')
    assert not violations, json.dumps(violations, indent=1)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_example_through_the_bridge(calculator_page, lang):
    """The worked examples, checked by the one checker; Pyodide's outcome equals CPython's."""
    page, _ = calculator_page(NAME, lang)
    requests = [examples.values(EXAMPLES, e) for e in EXAMPLES["example"]]
    outcomes = call_all(page, NAME, requests, lang, EXAMPLES["today"])
    for example, values, outcome in zip(EXAMPLES["example"], requests, outcomes, strict=True):
        assert not examples.mismatches(example, outcome), example["id"]
        assert outcome == web.run(NAME, values, lang, EXAMPLES["today"]), example["id"]


def test_the_postcode_file_is_published_open(page, site_url):
    response = page.request.get(f"{site_url}assets/kapu/data/hu_postcodes.csv")
    assert response.ok
    text = response.text()
    assert "ODbL" in text and "GS,Győr,9000 9011" in text
    assert widget(page, NAME).count() == 0  # nothing was opened yet: just the file
