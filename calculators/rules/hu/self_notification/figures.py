"""The dated figures of the self-notification rules, from parameters/ beside this file: the
minimum wage (and the one figures for benefits use), the 30% share, the percentage thresholds, the
45- and 30-day periods, and the old-age pension age by year of birth (a table of bands).

Files are read strictly by calculators/core/parameters.py; this module adds what is particular to
these rules: the pension-age table, the income limit computed from two parameters, and how Hungarian
law counts a period in years.

Money is whole forints (int); see ``income_threshold`` for how a non-integer threshold is rounded.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache

from calculators.core import sources
from calculators.core.parameters import (
    DatedValue,
    Parameter,
    ParameterFileError,
    ParameterFolder,
    ParameterUnknown,
    check_keys,
    parse_parameter,
)

__all__ = ["DatedValue", "ParameterFileError", "ParameterUnknown", "parse_parameter"]  # for the rules' tests

FOLDER = ParameterFolder(("rules", "hu", "self_notification", "parameters"))

_TABLE_KEYS = {"required": {"description", "label", "unit", "checked", "reference", "source", "bands"},
               "optional": set()}
_BAND_KEYS = {"required": {"years", "days", "reference", "source"},
              "optional": {"first_birth_year", "last_birth_year"}}


@dataclass(frozen=True)
class PensionAgeBand:
    first_birth_year: int | None  # None: open
    last_birth_year: int | None
    years: int
    days: int
    reference: str
    source: str | None = None

    def covers(self, birth_year: int) -> bool:
        return (self.first_birth_year is None or birth_year >= self.first_birth_year) and (
            self.last_birth_year is None or birth_year <= self.last_birth_year)

    @property
    def url(self) -> str | None:
        return sources.source(self.source).url if self.source else None


def parse_bands(text: str, where: str = "parameters/pension_age.toml") -> tuple[PensionAgeBand, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ParameterFileError(f"{where}: {err}") from None
    check_keys(data, _TABLE_KEYS, where)
    bands = []
    for i, raw in enumerate(data["bands"], 1):
        b = check_keys(raw, _BAND_KEYS, f"{where} band {i}")
        if not all(type(b.get(k, 0)) is int for k in ("years", "days", "first_birth_year", "last_birth_year")):
            raise ParameterFileError(f"{where} band {i}: years, days and birth years must be whole numbers")
        bands.append(PensionAgeBand(b.get("first_birth_year"), b.get("last_birth_year"), b["years"], b["days"],
                                    b["reference"], b["source"]))
    return tuple(bands)


def parameter(name: str) -> Parameter:
    """One dated parameter of this folder, read strictly."""
    return FOLDER.parameter(name)


@cache
def pension_age_bands() -> tuple[PensionAgeBand, ...]:
    return parse_bands(FOLDER.text("pension_age"))


def value(name: str, day: dt.date) -> DatedValue:
    """The value of parameter `name` in force on `day`."""
    return FOLDER.value(name, day)


def minimum_wage(day: dt.date) -> DatedValue:
    return parameter("minimum_wage").at(day)


def income_limit_share(day: dt.date) -> DatedValue:
    return parameter("income_limit_share").at(day)


def _share_of(wage: int, share: int) -> int:
    return -(-wage * share // 100)


def income_threshold(day: dt.date) -> int:
    """The monthly income limit of the pension-age ground on `day`, in whole forints, from the
    minimum wage in force on that day.

    The law says the income must be *below* share × minimum wage. Incomes are whole forints, so
    "below x" is the same as "below ceil(x)": a non-integer threshold is rounded UP to the next
    forint, which changes no one's answer. (Every figure so far is a whole number anyway.)"""
    return _share_of(minimum_wage(day).value, income_limit_share(day).value)


def income_threshold_for_benefits(day: dt.date) -> int:
    """The same limit computed from the minimum wage that figures for benefits ("ellátások") use:
    it differs from `income_threshold` only in December 2023 (508/2023. Korm. rendelet 4. § (2)–(3))."""
    return _share_of(parameter("minimum_wage_for_benefits").at(day).value, income_limit_share(day).value)


def pension_age_band(birth_year: int) -> PensionAgeBand:
    return next(b for b in pension_age_bands() if b.covers(birth_year))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later. A 29 February with no 29 February in the target
    year gives 28 February, the last day of that month: the way Hungarian law counts a period in
    years that would end on a day the month does not have."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # only 29 February can fail
        return day.replace(year=day.year + years, day=28)


def pension_age_reached_on(birth_date: dt.date) -> dt.date:
    """The day the old-age pension age is reached; that day itself counts as reached."""
    band = pension_age_band(birth_date.year)
    return add_years(birth_date, band.years) + dt.timedelta(days=band.days)
