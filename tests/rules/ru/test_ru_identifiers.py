"""SNILS: the check number."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import examples
from calculators.rules.ru.identifiers import snils_check_number
from calculators.rules.validators import validate

TODAY = dt.date.fromisoformat(examples.load("validators")["today"])


@pytest.mark.parametrize(
    ("first_nine", "check"),
    [
        ("112233445", 95),  # sum 95, under 100: the sum itself
        ("001326679", 0),  # sum 100: 00
        ("001508816", 0),  # sum 101: 00
        ("123456789", 64),  # sum 165, above 101: 165 mod 101 = 64
        ("017996174", 0),  # sum 201, above 101: 201 mod 101 = 100, which gives 00
    ],
)
def test_snils_check_number(first_nine, check):
    assert snils_check_number(first_nine) == check


@settings(max_examples=300, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_valid_snils_satisfies_the_check_rule(digits):
    check = snils_check_number(digits)
    assert 0 <= check <= 99
    result = validate("snils", f"{digits}{check:02d}", TODAY)
    assert result.valid
