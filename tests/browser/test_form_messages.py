"""What the form says when something is wrong, in every language (issue 12, items 5 and 8):
each problem is said once where it belongs (GOV.UK: an error summary linking to the field, the
message at the field), the answer card points to where that is, and an empty or unfinished date
field asks for the date the way the reader sees the field."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.i18n import LANGUAGES, format_date, translate
from tests.browser.helpers import open_calculator, submit_and_settle

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_problem_is_said_once_where_it_belongs(page, site_url, lang):
    root = open_calculator(page, site_url, lang, "validators")
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
    # The card does not say it again, and says where to look as the page shows it.
    card = root.locator(".kapu-answer")
    assert message not in card.inner_text()
    assert card.locator(".kapu-answer__headline").inner_text() == translate(
        lang, "Not valid yet: see what to fix just above the input box.")
    link.click()
    assert page.evaluate("document.activeElement.id") == field.get_attribute("id")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unfinished_date_is_asked_for_as_the_reader_sees_it(page, site_url, lang):
    root = open_calculator(page, site_url, lang, "coverage-end")
    first = root.locator('input[name="first_day"]')
    first.focus()
    page.keyboard.type("15")  # one part of the date only: the browser gives the page no date
    root.locator('input[name="last_day"]').fill("2023-02-14")
    root.locator('input[name="domestic"][value="yes"]').check()
    outcome = submit_and_settle(page, root)
    [problem] = [e for e in outcome["errors"] if e["field"] == "first_day"]
    expected = translate(lang, "Enter the date: day, month and year, or choose it in the calendar.")
    example = translate(lang, "For example: %(day)s", day=format_date(lang, dt.date(2023, 3, 1)))
    assert (problem["message"], problem["hint"]) == (expected, example)
    assert root.locator('[data-field="first_day"] .kapu-field-error').inner_text() == f"{expected} {example}"
