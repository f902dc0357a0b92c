"""Dates and numbers in messages are written as each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.core.i18n import N_, Number, Text, format_date, format_number

DAY = dt.date(2025, 2, 10)


@pytest.mark.parametrize(
    ("lang", "date", "number"),
    [("en", "10 February 2025", "96,840"), ("hu", "2025. 02. 10.", "96\u00a0840"),
     ("pl", "10.02.2025", "96\u00a0840"), ("vi", "10/02/2025", "96.840")],
)
def test_local_forms(lang, date, number):
    assert format_date(lang, DAY) == date
    assert format_number(lang, 96840) == number


def test_text_parameters_are_localised_and_nested_texts_translated():
    text = Text(N_("You are covered until %(day)s, that day included."), {"day": DAY})
    assert "10/02/2025" in text.render("vi")
    nested = Text("%(a)s / %(b)s", {"a": Text(N_("Why?")), "b": Number(1000)})
    assert nested.render("en") == "Why? / 1,000"
    assert nested.render("hu") != nested.render("en")
