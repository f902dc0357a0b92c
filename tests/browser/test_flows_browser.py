"""Guided flows as a reader meets them (issue 16): real Chromium, the built site, the rules in
Pyodide. Each worked example's path is walked on the guide page that embeds both calculators, in
every language (one booted page per language, cleared between examples), checking after every
answer that the questions on screen are the ones CPython's relevance rule lists. The full calculator
pages are walked by test_eligibility_browser.py and test_coverage_browser.py."""

from __future__ import annotations

import pytest

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES, translate
from tests.browser.flows import answer_in_order, reset, settle, visible_questions
from tests.browser.helpers import (
    RECORD_OUTCOMES,
    axe_violations,
    page_url,
    submit_and_settle,
    typeable,
    wait_ready,
    without_search,
)

pytestmark = pytest.mark.browser

FLOWS = ("eligibility", "coverage-end")
GUIDE = "guides/self-notification/"


def relevant(name: str, values: dict[str, str], lang: str, today: str) -> list[str]:
    return web.run(name, values, lang, today)["relevant"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_worked_example_walks_its_path_on_the_guide_page(page, site_url, lang):
    without_search(page)  # this test does not search: the theme's search index is not built
    page.add_init_script(RECORD_OUTCOMES)
    page.goto(page_url(site_url, lang, GUIDE))
    for name in FLOWS:
        root = wait_ready(page, name)
        data = examples.load(name)
        fields = [f.name for f in web.form(name).fields]
        for example in filter(typeable, data["example"]):
            values = examples.values(data, example)
            first = reset(page, name)
            assert first == relevant(name, {}, lang, data["today"]), example["id"]
            typed: dict[str, str] = {}
            for field, visible in answer_in_order(page, name, values, first):
                typed[field] = values[field]
                # The questions on screen after each answer: exactly the ones the rule lists.
                assert visible == relevant(name, typed, lang, data["today"]), (example["id"], field)
            outcome = submit_and_settle(page, root)
            assert not examples.mismatches(example, outcome), example["id"]
            assert visible_questions(page, name) == outcome["relevant"], example["id"]
            # What was not typed is what did not matter: the answer is CPython's for every value.
            expected = web.run(name, values, lang, data["today"])
            assert {**outcome, "ignored": []} == {**expected, "ignored": []}, example["id"]
            assert set(typed) | set(expected["ignored"]) >= {f for f in fields if values.get(f, "").strip()}


def test_a_hidden_answer_is_kept_and_never_used(calculator_page):
    page, root = calculator_page("eligibility", "en")
    answer_in_order(page, "eligibility", {"residence": "stateless", "ground": "pension-age", "on": "2024-03-01",
                                          "birth_date": "1950-01-01", "monthly_income": "50 000"})
    yes = submit_and_settle(page, root)
    assert yes["data"]["eligible"] is True
    # Another ground: the pension-age questions go out of sight, their answers stay and are not used.
    page.check("#kapu-eligibility-ground-certificate")
    settle(page, "eligibility")
    assert root.locator('[data-field="birth_date"]').is_hidden()
    assert page.input_value("#kapu-eligibility-birth_date") == "1950-01-01"
    page.fill("#kapu-eligibility-health_status", "60")
    no = submit_and_settle(page, root)
    assert no["data"]["eligible"] is False and no["ignored"] == ["birth_date", "monthly_income"]
    assert "Date of birth" not in no["answer"]["why"][0]["message"]
    # Back to the pension-age ground: the answers are still there, and the answer is as before.
    page.check("#kapu-eligibility-ground-pension-age")
    again = submit_and_settle(page, root)
    assert page.input_value("#kapu-eligibility-monthly_income") == "50 000"
    assert {**again, "ignored": []} == {**yes, "ignored": []} and again["ignored"] == ["health_status"]


def test_the_page_before_python_and_what_was_typed_while_loading(calculator_page):
    page, root = calculator_page("eligibility", "pl", fresh=True)
    assert root.get_attribute("data-state") == "loading"
    # Before Python: the first question, and the path in words.
    assert visible_questions(page, "eligibility") == ["residence"]
    intro = translate("pl", web.form("eligibility").intro)
    assert root.locator(".kapu-intro").inner_text() == intro
    page.check("#kapu-eligibility-residence-stateless")  # typed while loading
    wait_ready(page, "eligibility")
    settle(page, "eligibility")
    page.wait_for_function("!document.querySelector('[data-field=ground]').hidden")
    assert page.is_checked("#kapu-eligibility-residence-stateless")
    assert visible_questions(page, "eligibility") == ["residence", "ground"]


def test_keyboard_reveal_accessibility_tree_and_axe(calculator_page):
    lang = "hu"
    page, root = calculator_page("eligibility", lang)
    ground_label = translate(lang, "Which of these applies to you?")
    assert ground_label not in root.aria_snapshot()
    # The controlling radios name what they reveal (GOV.UK conditional reveal).
    controls = page.get_attribute("#kapu-eligibility-residence-stateless", "aria-controls").split()
    assert "kapu-eligibility-ground" in controls and all(page.locator(f"#{i}").count() == 1 for i in controls)
    # Keyboard only: focus the first radio, choose with the arrow keys.
    page.focus("#kapu-eligibility-residence-hu-citizen-address")
    page.keyboard.press("Space")
    settle(page, "eligibility")
    page.keyboard.press("ArrowDown")  # hu-citizen-living
    settle(page, "eligibility")
    assert page.evaluate("document.activeElement.id") == "kapu-eligibility-residence-hu-citizen-living"  # no jump
    tree = root.aria_snapshot()
    assert f'group "{ground_label}"' in tree
    # The revealed question follows its control in tab order.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "ground"
    page.keyboard.press("ArrowDown")  # pension-age
    settle(page, "eligibility")
    assert page.evaluate("document.activeElement.id") == "kapu-eligibility-ground-pension-age"
    assert visible_questions(page, "eligibility") == relevant(
        "eligibility", {"residence": "hu-citizen-living", "ground": "pension-age"}, lang, "2026-11-22")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kapu-eligibility-birth_date"
    assert translate(lang, "Date of birth (optional)") in root.aria_snapshot()
    assert translate(lang, "Health status, in percent (optional)") not in root.aria_snapshot()
    assert not axe_violations(page, "[data-calculator]")
    # "None of these" ends at once: the answer, and nothing more to fill in.
    page.check("#kapu-eligibility-ground-none")
    outcome = submit_and_settle(page, root)
    assert outcome["data"]["eligible"] is False
    assert visible_questions(page, "eligibility") == ["residence", "ground"]
    assert root.locator(".kapu-answer__headline").inner_text() == outcome["answer"]["headline"]
    assert not axe_violations(page, "[data-calculator]")


def test_coverage_end_reveals_the_earlier_condition_by_keyboard(calculator_page):
    page, root = calculator_page("coverage-end", "vi")
    page.fill("#kapu-coverage-end-first_day", "2023-03-01")
    page.fill("#kapu-coverage-end-last_day", "2023-03-10")
    page.focus("#kapu-coverage-end-domestic-yes")
    page.keyboard.press("Space")
    settle(page, "coverage-end")
    assert page.evaluate("document.activeElement.id") == "kapu-coverage-end-domestic-yes"
    assert visible_questions(page, "coverage-end")[-2:] == ["prior_first_day", "prior_last_day"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kapu-coverage-end-prior_first_day"
    assert not axe_violations(page, "[data-calculator]")
    page.fill("#kapu-coverage-end-last_day", "2023-12-31")  # long enough: the earlier one no longer matters
    settle(page, "coverage-end")
    assert root.locator('[data-field="prior_first_day"]').is_hidden()
