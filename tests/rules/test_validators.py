"""The validators calculator across countries: its worked examples, input hygiene, properties. Each
country's own arithmetic is tested beside it (tests/rules/hu|ru|vn)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import examples
from calculators.core.cleaning import parse_date
from calculators.rules.validators import KINDS, validate

EXAMPLES = examples.load("validators")
TODAY = dt.date.fromisoformat(EXAMPLES["today"])



def _birth_date(values):
    return parse_date(values["birth_date"]) if "birth_date" in values else None


@pytest.mark.parametrize("example", EXAMPLES["example"], ids=lambda e: e["id"])
def test_worked_example(example):
    """The rule itself, below the form: validate() agrees with the example's data."""
    values, expect = example["values"], example["expect"]["data"]
    result = validate(values["kind"], values["value"], TODAY, _birth_date(values))
    assert result.valid is expect["valid"]
    assert result.normalized == expect["normalized"]
    assert [p.code for p in result.problems] == expect["problems"]


def test_examples_cover_every_kind_valid_and_invalid():
    for kind in KINDS:
        outcomes = {e["expect"]["data"]["valid"] for e in EXAMPLES["example"] if e["values"]["kind"] == kind}
        assert outcomes == {True, False}, kind


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_huge_input_is_refused_with_a_clear_problem(kind):
    for value in ("1" * 10_000, "á" * 1_000_000, "\u200b" * 10_000 + "123"):
        result = validate(kind, value, TODAY)
        assert not result.valid and [p.code for p in result.problems] == ["too-long"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_empty_and_blank_input(kind):
    for value in ("", "   ", "\u200b\u00a0"):
        result = validate(kind, value, TODAY)
        assert not result.valid and [p.code for p in result.problems] == ["empty"]


def test_full_width_and_separators_normalise_the_same():
    assert validate("snils", "１１２－２３３－４４５　９５", TODAY).valid
    assert validate("vn-personal-id", "001\u200b090\u2013123456", TODAY).normalized == "001090123456"


# --- properties -----------------------------------------------------------------------------

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(sorted(KINDS)), value=any_text)
def test_no_input_raises_and_answers_are_consistent(kind, value):
    result = validate(kind, value, TODAY)
    assert result.valid == (not result.problems)
    for problem in result.problems:
        assert problem.code and problem.message.render("hu")
