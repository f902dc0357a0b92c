"""Hungarian identifiers: the Ügyfélkapu username and the TAJ check digit."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import examples
from calculators.rules.hu.identifiers import HUNGARIAN_LETTERS, taj_check_digit
from calculators.rules.validators import validate

TODAY = dt.date.fromisoformat(examples.load("validators")["today"])


@pytest.mark.parametrize(("first_eight", "digit"), [("12345678", 8), ("00000000", 0), ("10000000", 3), ("01000000", 7)])
def test_taj_check_digit(first_eight, digit):
    assert taj_check_digit(first_eight) == digit


def test_username_is_case_sensitive_and_counts_capitals_as_different():
    assert validate("ugyfelkapu-username", "aAaB", TODAY).valid
    assert not validate("ugyfelkapu-username", "aAaA", TODAY).valid


@settings(max_examples=200, deadline=None)
@given(value=st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=30))
def test_every_valid_username_satisfies_every_rule(value):
    result = validate("ugyfelkapu-username", value, TODAY)
    if result.valid:
        name = result.normalized
        assert len(name) >= 4 and len(set(name)) >= 3 and set(name) <= HUNGARIAN_LETTERS


@settings(max_examples=300, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=8, max_size=8), sep=st.sampled_from(["", " ", "-"]))
def test_every_taj_with_its_check_digit_is_valid_and_no_other(digits, sep):
    check = taj_check_digit(digits)
    assert validate("taj", f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}{check}", TODAY).valid
    wrong = (check + 1) % 10
    assert not validate("taj", f"{digits}{wrong}", TODAY).valid
