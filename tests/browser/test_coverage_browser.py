"""The coverage-end page as a reader uses it, in every language: real Chromium, the built site,
the rules in Pyodide. The cases are the worked examples of calculators/examples/coverage-end.toml,
the same ones pytest checks against CPython (tests/test_worked_examples.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES, format_date, translate
from tests.browser.flows import answer_in_order, reset
from tests.browser.helpers import (
    IS_VISIBLE,
    call_all,
    page_url,
    submit_and_settle,
    typeable,
    without_python,
    without_search,
)

pytestmark = pytest.mark.browser

mismatches = examples.mismatches  # the one checker, as in pytest and the CLI test


def form_values(example: dict) -> dict[str, str]:
    return examples.values(EXAMPLES, example)

NAME = "coverage-end"
EXAMPLES = examples.load("coverage-end")


# The answer as shown: headline(s), the why's steps (ids and texts), the timeline's rows (kinds and texts).
SHOWN_ANSWER = """(root) => {
  const result = root.querySelector("[data-kapu-result]");
  const all = (selector) => [...result.querySelectorAll(selector)];
  return {headlines: all(".kapu-answer__headline").map((e) => e.innerText),
          steps: all(".kapu-why li").map((e) => e.dataset.step), why: all(".kapu-why li").map((e) => e.innerText),
          segments: all(".kapu-timeline [data-segment]").map((e) => e.dataset.segment),
          rows: all(".kapu-timeline [data-segment]").map((e) => e.innerText)};
}"""
SHOWN_SUMMARY = f"""(root) => {{
  const summary = root.querySelector(".kapu-error-summary");
  return {{visible: ({IS_VISIBLE})(summary), text: summary.innerText}};
}}"""


def type_values(page, values: dict[str, str]):
    """As a reader: from a cleared form, answer the questions on screen in order (a guided flow)."""
    answer_in_order(page, NAME, values, reset(page, NAME))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_type_the_worked_examples(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    for example in filter(typeable, EXAMPLES["example"]):
        values = form_values(example)
        type_values(page, values)
        outcome = submit_and_settle(page, root)
        assert not mismatches(example, outcome), example["id"]
        expected = web.run(NAME, values, lang, EXAMPLES["today"])  # only `ignored` may differ
        assert {**outcome, "ignored": []} == {**expected, "ignored": []}, example["id"]
        if not outcome["answer"]:
            shown = root.evaluate(SHOWN_SUMMARY)
            assert shown["visible"]
            for error in outcome["errors"]:
                assert error["message"] in shown["text"]
            continue
        answer = outcome["answer"]
        # What the page shows, read in one go (after the reader opens the why).
        root.locator("[data-kapu-result] .kapu-why summary").click()
        shown = root.evaluate(SHOWN_ANSWER)
        assert shown["headlines"] == [answer["headline"]]
        last_day = dt.date.fromisoformat(example["expect"]["data"]["coverage_last_day"])
        assert format_date(lang, last_day) in answer["headline"]
        assert shown["steps"] == outcome["data"]["why"]
        assert shown["why"][-1].startswith(answer["why"][-1]["message"])
        # The timeline: one row per segment Python computed, with its dates in the text.
        segments = answer["timeline"]["segments"]
        assert shown["segments"] == [s["kind"] for s in segments]
        texts = shown["rows"]
        for i, segment in enumerate(segments):
            assert segment["label"] in texts[i]
            assert segment["dates"] in texts[i]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_through_the_bridge(calculator_page, lang):
    """Including what a date field cannot hold (2024-02-30, "yesterday")."""
    page, _ = calculator_page(NAME, lang)
    requests = [form_values(e) for e in EXAMPLES["example"]]
    outcomes = call_all(page, NAME, requests, lang, EXAMPLES["today"])
    for example, outcome in zip(EXAMPLES["example"], outcomes, strict=True):
        assert not mismatches(example, outcome), example["id"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_summary_for_a_last_day_before_the_first(calculator_page, lang):
    page, root = calculator_page(NAME, lang)
    type_values(page, {"domestic": "yes", "first_day": "2023-03-10", "last_day": "2023-03-01"})
    submit_and_settle(page, root)
    summary = root.locator(".kapu-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('kapu-error-summary')")
    message = translate(lang, "The last day cannot be before the first day.")
    assert message in summary.inner_text()
    assert message in root.locator(f"#kapu-{NAME}-last_day-error").inner_text()
    assert page.get_attribute(f"#kapu-{NAME}-last_day", "aria-invalid") == "true"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == f"kapu-{NAME}-last_day"
    # Fixing the date clears the summary.
    page.fill(f"#kapu-{NAME}-last_day", "2023-03-20")
    outcome = submit_and_settle(page, root)
    assert outcome["status"] == "answer"
    assert summary.is_hidden()


def test_worked_examples_table_in_every_language(page, site_url):
    without_python(page)  # the table is in the page as served
    without_search(page)
    for lang in LANGUAGES:
        page.goto(page_url(site_url, lang, "calculators/coverage-end/"))
        rows = page.locator(f'table[data-examples="{NAME}"] tbody tr')
        assert rows.count() == len(EXAMPLES["example"])
        text = rows.first.inner_text()
        assert EXAMPLES["example"][0]["title"][lang] in text
        last_day = dt.date.fromisoformat(EXAMPLES["example"][0]["expect"]["data"]["coverage_last_day"])
        assert format_date(lang, last_day) in text


def test_printing_hides_the_form_and_opens_the_why(calculator_page):
    page, root = calculator_page(NAME, "en")
    type_values(page, form_values(EXAMPLES["example"][0]))
    submit_and_settle(page, root)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert root.locator(".kapu-form").is_hidden()
    assert root.locator(".kapu-why").get_attribute("open") is not None
    assert root.locator(".kapu-why li").first.is_visible()
    assert root.locator(".kapu-timeline").is_visible()
