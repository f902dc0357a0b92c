"""Every date field of every calculator, left half filled in (the page then sends
cleaning.INCOMPLETE_DATE, since the browser's date field reports "" as if it were empty): that
field's error, never an answer, required or optional alike. An optional "Date to check" left half
filled in must not be answered silently for today. The browser side: tests/browser/test_form_messages.py."""

from __future__ import annotations

import pytest

from calculators import web
from calculators.core.cleaning import INCOMPLETE_DATE
from calculators.core.forms import FieldKind
from calculators.core.i18n import LANGUAGES, translate
from tests.adapters.test_required_fields import COMPLETE, TODAY

# Answers on a path where a date question is asked (a question the flow does not ask is not read).
ON_ITS_PATH: dict[str, dict[str, str]] = {
    "eligibility": {"residence": "hu-citizen-address", "ground": "pension-age", "birth_date": "1950-01-01",
                    "monthly_income": "50000", "income_below_since": "2023-01-01", "on": "2024-03-01"},
    "coverage-end": {"first_day": "2023-01-01", "last_day": "2023-01-10", "domestic": "yes",
                     "prior_first_day": "2022-10-01", "prior_last_day": "2022-12-20"},
}


def answers(name: str, field: str) -> dict[str, str]:
    """Complete answers under which `field` is asked."""
    for values in (COMPLETE[name], ON_ITS_PATH.get(name, {})):
        if field in web.run(name, values, "en", TODAY)["relevant"]:
            return values
    raise AssertionError(f"{name}: no test answers ask {field}")


CASES = [(name, f.name) for name in COMPLETE for f in web.form(name).fields if f.kind == FieldKind.DATE]


def test_the_calculators_have_date_fields_optional_ones_among_them():
    optional = [(n, f) for n, f in CASES if not next(x for x in web.form(n).fields if x.name == f).required]
    assert ("eligibility", "on") in optional and ("validators", "birth_date") in optional


@pytest.mark.parametrize(("name", "field"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_half_filled_date_is_that_fields_error(name, field, lang):
    out = web.run(name, {**answers(name, field), field: INCOMPLETE_DATE}, lang, TODAY)
    assert out["status"] == "problems" and out["answer"] is None, out
    [error] = [e for e in out["errors"] if e["field"] == field]
    assert error["code"] == "incomplete-date"
    assert error["message"] == translate(lang, "Enter the date: day, month and year, or choose it in the calendar.")
