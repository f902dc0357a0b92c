"""Dated parameters of the rules: figures that change by law live in data files, not in code.

Each file in ``calculators/parameters/`` is one parameter, in the manner of OpenFisca's
parameters: a description, a unit, and values each with the date it takes effect and its legal
reference. A value applies from its ``start`` until the next value starts, and never after the
parameter's ``known_until``: asking for a date outside the known range raises
``ParameterUnknown`` ("no minimum wage is known for 2031-01-01") instead of silently reusing an
old figure (the pitfall GOV.UK Smart Answers' rate lookup falls into).

Money is whole forints (int). Percentages are whole numbers, so thresholds are computed in
integers; see ``income_threshold`` for how a non-integer threshold is rounded.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache

from calculators.core.files import read_text


class ParameterUnknown(LookupError):
    """No value of a parameter is known for the date asked (before the first or after known_until)."""

    def __init__(self, parameter: str, day: dt.date, first: dt.date, last: dt.date):
        super().__init__(f"no {parameter.replace('_', ' ')} is known for {day.isoformat()}")
        self.parameter, self.day, self.first, self.last = parameter, day, first, last


@dataclass(frozen=True)
class DatedValue:
    start: dt.date
    value: int
    reference: str
    verified: bool = True  # False: the reference is only the publication (e.g. the decree number is unknown)


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    values: tuple[DatedValue, ...]  # sorted by start
    known_until: dt.date

    def at(self, day: dt.date) -> DatedValue:
        """The value in force on `day` (its start is on or before `day`)."""
        if day < self.values[0].start or day > self.known_until:
            raise ParameterUnknown(self.name, day, self.values[0].start, self.known_until)
        return [v for v in self.values if v.start <= day][-1]


@dataclass(frozen=True)
class PensionAgeBand:
    first_birth_year: int | None  # None: open
    last_birth_year: int | None
    years: int
    days: int
    reference: str

    def covers(self, birth_year: int) -> bool:
        return (self.first_birth_year is None or birth_year >= self.first_birth_year) and (
            self.last_birth_year is None or birth_year <= self.last_birth_year)


def _read(name: str) -> dict:
    text = read_text("rules", "hu", "self_notification", "parameters", f"{name}.toml")
    return tomllib.loads(text)


@cache
def parameter(name: str) -> Parameter:
    """Load a dated parameter file, checking that it is well-formed (sorted, integer values)."""
    data = _read(name)
    values = tuple(DatedValue(v["start"], v["value"], v["reference"], v.get("verified", True))
                   for v in data["values"])
    starts = [v.start for v in values]
    if starts != sorted(set(starts)) or not all(type(v.value) is int for v in values):
        raise ValueError(f"parameters/{name}.toml: values must have increasing starts and integer values")
    return Parameter(name, data["description"], data["unit"], values, data["known_until"])


@cache
def pension_age_bands() -> tuple[PensionAgeBand, ...]:
    data = _read("pension_age")
    return tuple(
        PensionAgeBand(b.get("first_birth_year"), b.get("last_birth_year"), b["years"], b["days"], b["reference"])
        for b in data["bands"])


def minimum_wage(day: dt.date) -> DatedValue:
    return parameter("minimum_wage").at(day)


def income_limit_share(day: dt.date) -> DatedValue:
    return parameter("income_limit_share").at(day)


def income_threshold(day: dt.date) -> int:
    """The monthly income limit of the pension-age ground on `day`, in whole forints.

    The law says the income must be *below* share × minimum wage. Incomes are whole forints, so
    "below x" is the same as "below ceil(x)": a non-integer threshold is rounded UP to the next
    forint, which changes no one's answer. (Every figure so far is a whole number anyway.)"""
    wage, share = minimum_wage(day).value, income_limit_share(day).value
    return -(-wage * share // 100)


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
