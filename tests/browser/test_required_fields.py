"""Every calculator, every required question, as a reader meets it (one language): leave it empty,
press Check, and that field's error appears beside the field and in the error summary, with no
answer. An empty form gets the errors that say what to fill in. While typing, the summary stays
closed. The answers come from tests/adapters/test_required_fields.py (the same cases CPython checks)."""

from __future__ import annotations

import pytest

from calculators import web
from calculators.core.i18n import translate
from tests.adapters.test_required_fields import COMPLETE, required
from tests.browser.flows import answer_in_order, settle
from tests.browser.helpers import submit_and_settle

pytestmark = pytest.mark.browser

LANG = "hu"


def fill(page, name: str, values: dict[str, str]) -> None:
    """Answer the form as a reader would: pick, choose, type the questions on screen, in order (a
    guided flow shows the next ones as it goes); an empty value is left unanswered."""
    page.evaluate(f"document.querySelector('[data-calculator=\"{name}\"] form').reset()")
    page.evaluate(f"document.querySelector('[data-calculator=\"{name}\"] form')"
                  ".dispatchEvent(new Event('input', {bubbles: true}))")
    settle(page, name)
    answer_in_order(page, name, values)


@pytest.mark.parametrize("name", sorted(COMPLETE))
def test_each_required_field_left_empty_shows_its_error(calculator_page, name):
    page, root = calculator_page(name, LANG)
    summary = root.locator(".kapu-error-summary")
    # A select always shows one of its choices: a reader cannot leave it empty (CPython checks that case).
    selects = {f.name for f in web.form(name).fields if f.kind == "select"}
    for i, field in enumerate(f for f in required(name) if f not in selects):
        values = {**COMPLETE[name], field: ""}
        fill(page, name, values)
        page.wait_for_function(f"document.querySelector('[data-calculator=\"{name}\"]').dataset.busy === '0'")
        if i == 0:  # before any submit: typing never opens the summary (once open, it stays in step)
            assert summary.is_hidden(), f"{field}: the summary opened while typing"
        outcome = submit_and_settle(page, root)
        errors = [e for e in outcome["errors"] if e["field"] == field]
        assert errors and outcome["answer"] is None, (field, outcome["errors"])
        assert summary.is_visible()
        assert translate(LANG, "There is a problem") in summary.inner_text()
        for error in errors:
            assert error["message"] in summary.inner_text()
            assert error["message"] in root.locator(f"#kapu-{name}-{field}-error").inner_text()
        assert root.locator("[data-kapu-result] .kapu-answer").count() == 0
    # Answering everything clears the summary and gives the answer.
    fill(page, name, COMPLETE[name])
    outcome = submit_and_settle(page, root)
    assert outcome["status"] == "answer" and summary.is_hidden()


@pytest.mark.parametrize("name", ["eligibility", "coverage-end", "office-finder"])
def test_check_on_an_empty_form_says_what_to_fill_in(calculator_page, name):
    page, root = calculator_page(name, LANG)
    outcome = submit_and_settle(page, root)
    assert outcome["status"] == "empty" and outcome["errors"]
    summary = root.locator(".kapu-error-summary")
    assert summary.is_visible()
    for error in outcome["errors"]:
        assert error["message"] in summary.inner_text()
        assert root.locator(f"#kapu-{name}-{error['field']}-error").is_visible()
