"""Every calculator, every required question: left empty in turn, it gets that field's error, never
an answer on an assumption. The same answers drive tests/browser/test_required_fields.py."""

from __future__ import annotations

import pytest

from calculators import web
from calculators.core.i18n import LANGUAGES

TODAY = "2026-11-22"

# One complete, valid set of answers per calculator (each gives an answer as it is).
COMPLETE: dict[str, dict[str, str]] = {
    "validators": {"kind": "taj", "value": "123 456 788"},
    "eligibility": {"residence": "hu-citizen-address", "ground": "certificate", "health_status": "40",
                    "on": "2024-03-01"},
    "coverage-end": {"first_day": "2023-01-01", "last_day": "2023-02-14", "domestic": "yes"},
    "office-finder": {"query": "9021"},
}

# Questions that are required together: left all empty, the first of them gets the error.
GROUPS: dict[str, tuple[str, ...]] = {
    "eligibility": ("work_capacity_change", "health_impairment", "health_status"),  # the certificate ground
}


def required(name: str) -> list[str]:
    return [f.name for f in web.form(name).fields if f.required]


CASES = [(name, field) for name in COMPLETE for field in required(name)]


def test_every_calculator_has_complete_answers():
    assert set(COMPLETE) == set(web.CALCULATORS)
    for name, values in COMPLETE.items():
        assert web.run(name, values, "en", TODAY)["status"] == "answer", name


@pytest.mark.parametrize(("name", "field"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_required_field_left_empty_is_that_fields_error(name, field, lang):
    values = {**COMPLETE[name], field: ""}
    out = web.run(name, values, lang, TODAY)
    assert out["status"] in ("problems", "empty")
    assert out["answer"] is None
    errors = [e for e in out["errors"] if e["field"] == field]
    assert errors and all(e["message"] for e in errors), out["errors"]


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_a_group_left_empty_asks_for_one_of_it(name):
    values = {**COMPLETE[name], **dict.fromkeys(GROUPS[name], "")}
    out = web.run(name, values, "en", TODAY)
    assert out["status"] == "problems" and out["answer"] is None
    assert [e["field"] for e in out["errors"]] == [GROUPS[name][0]]


@pytest.mark.parametrize("name", sorted(COMPLETE))
def test_an_empty_form_says_what_to_fill_in(name):
    """Pressing Check on an empty form: errors for what to fill in (status "empty": nothing typed yet;
    the validators' empty request has no kind either, a problem of its own)."""
    out = web.run(name, {}, "en", TODAY)
    assert out["status"] in ("empty", "problems") and out["answer"] is None
    fields = {e["field"] for e in out["errors"]}
    assert fields, name
    assert fields <= {f.name for f in web.form(name).fields}
