"""Dated parameters: values by effective date, a clear error outside the known range, integer money."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.i18n import format_date, format_number
from calculators.rules.hu.self_notification import figures as p

D = dt.date


@pytest.mark.parametrize(("day", "wage", "threshold"), [
    (D(2022, 1, 1), 200_000, 60_000),
    (D(2022, 12, 31), 200_000, 60_000),
    (D(2023, 1, 1), 232_000, 69_600),       # source 003: 69.600,- Ft from 2023-01-01
    (D(2023, 11, 30), 232_000, 69_600),
    (D(2023, 12, 1), 266_800, 80_040),      # the 2024 figure took effect on 2023-12-01
    (D(2024, 12, 31), 266_800, 80_040),
    (D(2025, 1, 1), 290_800, 87_240),
    (D(2026, 1, 1), 322_800, 96_840),
    (D(2026, 12, 31), 322_800, 96_840),
])
def test_minimum_wage_and_threshold_by_date(day, wage, threshold):
    assert p.minimum_wage(day).value == wage
    assert p.income_threshold(day) == threshold
    assert isinstance(p.income_threshold(day), int)


@pytest.mark.parametrize("day", [D(2021, 12, 31), D(2027, 1, 1), D(2031, 1, 1)])
def test_outside_the_known_range_is_an_error_not_an_old_figure(day):
    with pytest.raises(p.ParameterUnknown, match=f"no minimum wage is known for {day.isoformat()}"):
        p.minimum_wage(day)
    with pytest.raises(p.ParameterUnknown):
        p.income_threshold(day)


def test_every_value_has_a_reference_and_the_files_are_sorted():
    for name in ("minimum_wage", "income_limit_share"):
        param = p.parameter(name)
        assert [v.start for v in param.values] == sorted(v.start for v in param.values)
        assert all(v.reference.strip() for v in param.values)
    assert all(b.reference.strip() for b in p.pension_age_bands())
    # The 2026 decree's number was not found: its reference must say so, not invent one.
    assert p.minimum_wage(D(2026, 6, 1)).verified is False
    assert "Magyar Közlöny 2025-12-23" in p.minimum_wage(D(2026, 6, 1)).reference
    assert p.minimum_wage(D(2025, 6, 1)).verified is True


def test_threshold_rounds_up_a_non_integer(monkeypatch):
    # No real figure is fractional yet; an odd minimum wage shows the rule: 30% of 100 001 is
    # 30 000.3, and an income "below" it in whole forints is at most 30 000, i.e. below 30 001.
    fake = p.DatedValue(D(2022, 1, 1), 100_001, "test")
    monkeypatch.setattr(p, "minimum_wage", lambda day: fake)
    assert p.income_threshold(D(2024, 1, 1)) == 30_001


@pytest.mark.parametrize(("birth", "reached"), [
    (D(1951, 12, 31), D(2013, 12, 31)),   # before 1952: 62 years
    (D(1952, 1, 1), D(2014, 7, 3)),       # 62 years + 183 days
    (D(1952, 3, 1), D(2014, 8, 31)),
    (D(1953, 6, 10), D(2016, 6, 10)),     # 63 years
    (D(1954, 1, 1), D(2017, 7, 3)),       # 63 years + 183 days
    (D(1955, 7, 1), D(2019, 7, 1)),       # 64 years
    (D(1956, 12, 31), D(2021, 7, 2)),     # 64 years + 183 days
    (D(1957, 1, 1), D(2022, 1, 1)),       # 65 years
    (D(1990, 5, 5), D(2055, 5, 5)),
])
def test_pension_age_by_birth_year(birth, reached):
    assert p.pension_age_reached_on(birth) == reached


def test_29_february_birthday_reaches_age_on_28_february_in_a_common_year():
    assert p.pension_age_reached_on(D(1960, 2, 29)) == D(2025, 2, 28)
    # In a leap year the birthday exists: 1956 + 64 = 2020, then 183 more days.
    assert p.add_years(D(1956, 2, 29), 64) == D(2020, 2, 29)
    assert p.pension_age_reached_on(D(1956, 2, 29)) == D(2020, 2, 29) + dt.timedelta(days=183)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_pension_age_is_between_62_and_65_years_and_a_half(birth):
    reached = p.pension_age_reached_on(birth)
    assert p.add_years(birth, 62) <= reached <= p.add_years(birth, 65) + dt.timedelta(days=183)


@given(st.dates(min_value=D(2022, 1, 1), max_value=D(2026, 12, 31)),
       st.dates(min_value=D(2022, 1, 1), max_value=D(2026, 12, 31)))
def test_threshold_never_falls_over_time(a, b):
    a, b = sorted((a, b))
    assert p.income_threshold(a) <= p.income_threshold(b)


@pytest.mark.parametrize("lang", ["en", "hu", "pl", "vi"])
def test_pages_show_the_figures_from_the_data_files(lang):
    """The tables on the eligibility page are rendered from the parameter files, never copied."""
    from calculators.core.i18n import translate
    from macros import render_macros

    html = render_macros('{{ parameters("minimum-wage") }} {{ parameters("pension-age") }}', lang)
    for value in p.parameter("minimum_wage").values:
        assert format_date(lang, value.start) in html
        assert f"{format_number(lang, value.value)} Ft" in html
        assert f"{format_number(lang, p.income_threshold(value.start))} Ft" in html
    assert translate(lang, "Minimum wage") in html
    assert html.count("<tr ") == 1 + len(p.parameter("minimum_wage").values) + 1 + len(p.pension_age_bands())
