"""Dates as the page sends them: a date field left half filled in is never read as an empty one."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.cleaning import INCOMPLETE_DATE, incomplete_date, parse_date


def test_a_half_filled_date_is_refused_as_incomplete():
    with pytest.raises(ValueError, match=r"^incomplete-date$"):
        parse_date(INCOMPLETE_DATE)
    with pytest.raises(ValueError, match=r"^incomplete-date$"):
        parse_date(f" {INCOMPLETE_DATE} ")  # cleaned like any other answer


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_no_real_date_reads_as_the_sentinel(day):
    assert parse_date(day.isoformat()) == day


def test_the_incomplete_date_error_asks_for_the_date_as_the_reader_sees_the_field():
    problem = incomplete_date("on").as_dict("hu")
    assert problem == {"code": "incomplete-date", "field": "on",
                       "message": "Adja meg a dátumot: az évet, a hónapot és a napot, vagy válassza ki a naptárban.",
                       "hint": "Például: 2023. 03. 01."}
