"""What the form says when something is wrong, in every language (issue 12, items 5 and 8):
each problem is said once where it belongs (GOV.UK: an error summary linking to the field, the
message at the field), the answer card points to where that is, and an unfinished date field asks
for the date the way the reader sees the field; a half-filled optional date is an error too, never
an answer for today."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.core.i18n import LANGUAGES, format_date, translate
from tests.adapters.test_required_fields import COMPLETE
from tests.browser.flows import answer_in_order
from tests.browser.helpers import submit_and_settle

pytestmark = pytest.mark.browser

INCOMPLETE = "Enter the date: day, month and year, or choose it in the calendar."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_problem_is_said_once_where_it_belongs(calculator_page, lang):
    page, root = calculator_page("validators", lang)
    root.locator("select").select_option("taj")
    field = root.locator('input[name="value"]')
    field.fill("123 456 789")  # the check digit is wrong
    outcome = submit_and_settle(page, root)
    [problem] = outcome["errors"]
    message = problem["message"]
    # Once in the summary, as a link to the field; once at the field, above its input box.
    assert root.inner_text().count(message) == 2
    link = root.locator(".kapu-error-summary a")
    assert link.inner_text() == message
    assert link.get_attribute("href") == f"#{field.get_attribute('id')}"
    error = root.locator('[data-field="value"] .kapu-field-error')
    assert error.inner_text() == f"{message} {problem['hint']}"
    assert error.bounding_box()["y"] + error.bounding_box()["height"] <= field.bounding_box()["y"]
    # The card does not say it again, and says where to look (on screen, on paper and in JSON alike).
    card = root.locator(".kapu-answer")
    assert message not in card.inner_text()
    assert card.locator(".kapu-answer__headline").inner_text() == translate(
        lang, "Not valid yet: what to fix is shown with the code you entered.")
    link.click()
    assert page.evaluate("document.activeElement.id") == field.get_attribute("id")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unfinished_date_is_asked_for_as_the_reader_sees_it(calculator_page, lang):
    page, root = calculator_page("coverage-end", lang)
    first = root.locator('input[name="first_day"]')
    first.focus()
    page.keyboard.type("15")  # one part of the date only: the browser gives the page no date
    root.locator('input[name="last_day"]').fill("2023-02-14")
    root.locator('input[name="domestic"][value="yes"]').check()
    outcome = submit_and_settle(page, root)
    [problem] = [e for e in outcome["errors"] if e["field"] == "first_day"]
    expected = translate(lang, INCOMPLETE)
    example = translate(lang, "For example: %(day)s", day=format_date(lang, dt.date(2023, 3, 1)))
    assert (problem["message"], problem["hint"]) == (expected, example)
    assert root.locator('[data-field="first_day"] .kapu-field-error').inner_text() == f"{expected} {example}"


def test_a_half_filled_optional_date_is_an_error_not_today(calculator_page):
    """Eligibility's "Date to check" (optional: empty means today) with only its year typed: the
    browser's date field reports "" as when empty; the answer must not be given for today."""
    page, root = calculator_page("eligibility", "en")
    values = {**COMPLETE["eligibility"], "on": ""}  # a complete form that, as it stands, is answered
    answer_in_order(page, "eligibility", values)  # as a reader does: the questions on screen, in order
    assert submit_and_settle(page, root)["status"] == "answer"
    on = root.locator('input[name="on"]')
    on.focus()  # the day; Tab moves to the month, then the year (en-GB order)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("2023")
    assert on.evaluate("(i) => [i.value, i.validity.badInput]") == ["", True]
    outcome = submit_and_settle(page, root)
    assert outcome["status"] == "problems" and outcome["answer"] is None
    [problem] = outcome["errors"]
    assert (problem["field"], problem["code"], problem["message"]) == ("on", "incomplete-date", INCOMPLETE)
    assert root.locator(".kapu-error-summary").is_visible()
    assert root.locator('[data-field="on"] .kapu-field-error').inner_text().startswith(INCOMPLETE)
