"""The eligibility page as a reader uses it, in every language: real Chromium, the built site,
the rules in Pyodide. The cases are the worked examples of calculators/examples/eligibility.toml,
the same ones pytest checks against CPython (tests/test_eligibility.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES, format_date, translate
from calculators.rules.hu.self_notification import eligibility_form as eligibility
from tests.browser.flows import answer_in_order, reset
from tests.browser.helpers import (
    IS_VISIBLE,
    axe_violations,
    call_all,
    page_url,
    submit_and_settle,
    typeable,
    widget,
    without_python,
    without_search,
)

pytestmark = pytest.mark.browser

mismatches = examples.mismatches  # the one checker, as in pytest and the CLI test


def form_values(example: dict) -> dict[str, str]:
    return examples.values(EXAMPLES, example)

NAME = "eligibility"
EXAMPLES = examples.load("eligibility")


# The answer as shown: headline(s), the why's steps (their ids and texts), the links' texts.
SHOWN_ANSWER = """(root) => {
  const result = root.querySelector("[data-kapu-result]");
  const texts = (selector) => [...result.querySelectorAll(selector)].map((e) => e.innerText);
  return {headlines: texts(".kapu-answer__headline"), why: texts(".kapu-why li"),
          steps: [...result.querySelectorAll(".kapu-why li")].map((e) => e.dataset.step),
          links: texts(".kapu-answer__links a")};
}"""
# The error summary (shown? its text) and whether each named field's own error is shown.
SHOWN_ERRORS = f"""(root, fields) => {{
  const visible = {IS_VISIBLE};
  const summary = root.querySelector(".kapu-error-summary");
  return {{summary_visible: visible(summary), summary: summary.innerText,
          field_errors_visible: fields.map((f) => visible(root.querySelector(`#kapu-{NAME}-${{f}}-error`)))}};
}}"""


def type_values(page, values: dict[str, str]):
    """As a reader: from a cleared form, answer the questions on screen in order (a guided flow)."""
    answer_in_order(page, NAME, values, reset(page, NAME))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_type_the_worked_examples(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    for example in EXAMPLES["example"]:
        if not typeable(example):
            continue
        values = form_values(example)
        type_values(page, values)
        outcome = submit_and_settle(page, root)
        assert not mismatches(example, outcome), example["id"]
        # Pyodide and CPython give the very same outcome, wording included (answers in questions
        # not on screen are not typed, so only `ignored` may differ).
        expected = web.run(NAME, values, lang, EXAMPLES["today"])
        assert {**outcome, "ignored": []} == {**expected, "ignored": []}, example["id"]
        # What the page shows, read in one go (after the reader opens the why).
        if outcome["answer"]:
            root.locator("[data-kapu-result] .kapu-why summary").click()
            shown = root.evaluate(SHOWN_ANSWER)
            assert shown["headlines"] == [outcome["answer"]["headline"]]
            assert shown["steps"] == outcome["data"]["why"]
            assert shown["why"][0].startswith(outcome["answer"]["why"][0]["message"])
            assert shown["links"][-1] == translate(lang, "Find your government office")
        else:
            shown = root.evaluate(SHOWN_ERRORS, [e["field"] for e in outcome["errors"]])
            assert shown["summary_visible"]
            for error, visible in zip(outcome["errors"], shown["field_errors_visible"], strict=True):
                assert error["message"] in shown["summary"]
                assert visible, error["field"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_through_the_bridge(calculator_page, lang):
    """Including what a date field cannot hold (2024-02-30, "yesterday")."""
    page, _ = calculator_page(NAME, lang)
    requests = [form_values(e) for e in EXAMPLES["example"]]
    outcomes = call_all(page, NAME, requests, lang, EXAMPLES["today"])
    for example, outcome in zip(EXAMPLES["example"], outcomes, strict=True):
        assert not mismatches(example, outcome), example["id"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_summary_for_a_date_without_figures(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    type_values(page, {"residence": "hu-citizen-address", "ground": "pension-age", "on": "2027-01-01",
                       "birth_date": "1950-01-01",
                       "monthly_income": "50 000"})
    submit_and_settle(page, root)
    summary = root.locator(".kapu-error-summary")
    assert summary.is_visible()
    assert translate(lang, "There is a problem") in summary.inner_text()
    assert format_date(lang, dt.date(2027, 1, 1)) in summary.inner_text()
    assert page.get_attribute(f"#kapu-{NAME}-on", "aria-invalid") == "true"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == f"kapu-{NAME}-on"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_radios_are_a_fieldset_and_their_error_leads_to_them(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    fieldset = root.locator(f"fieldset#kapu-{NAME}-residence")
    assert fieldset.locator("legend").inner_text() == translate(lang, "Which of these describes you?")
    assert fieldset.locator("input[type=radio]").count() == len(eligibility.RESIDENCE_OPTIONS)
    submit_and_settle(page, root)
    summary = root.locator(".kapu-error-summary")
    assert translate(lang, "Choose the sentence that describes you.") in summary.inner_text()
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.name") == "residence"
    assert page.get_attribute(f"#kapu-{NAME}-residence-none", "aria-invalid") == "true"


def test_money_and_percent_fields_ask_for_a_numeric_keyboard(calculator_page):
    _, root = calculator_page(NAME, "en")
    for name in ("monthly_income", "work_capacity_change", "health_impairment", "health_status"):
        assert root.locator(f"#kapu-{NAME}-{name}").get_attribute("inputmode") == "numeric"


def test_worked_examples_table_in_every_language(page, site_url):
    without_python(page)  # the table is in the page as served
    without_search(page)
    for lang in LANGUAGES:
        page.goto(page_url(site_url, lang, "calculators/eligibility/"))
        rows = page.locator(f'table[data-examples="{NAME}"] tbody tr')
        assert rows.count() == len(EXAMPLES["example"])
        first = EXAMPLES["example"][0]
        assert first["title"][lang] in rows.first.inner_text()


def test_no_accessibility_violations(calculator_page):
    page, root = calculator_page(NAME, "hu")
    type_values(page, form_values(EXAMPLES["example"][0]))
    submit_and_settle(page, root)
    assert not axe_violations(page, "[data-calculator]")
    assert widget(page, NAME).get_attribute("data-state") == "ready"
