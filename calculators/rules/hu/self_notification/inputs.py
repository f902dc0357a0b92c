"""Reading what people type into the self-notification calculators: dates, percentages, forints.

Accepted (and tested in tests/test_eligibility_inputs.py):
- dates: YYYY-MM-DD (cleaning.parse_date); a date field left half filled in (the page sends
  cleaning.INCOMPLETE_DATE) is asked for again, never read as empty;
- percentages: a number from 0 to 100 with an optional decimal part after a comma or a dot and
  an optional "%" sign: "50", "50 %", "50%", "50,0", "49.5";
- forints: whole forints, digits optionally grouped in threes by spaces or dots, optionally
  followed by ",-" and "Ft", "HUF" or "forint": "69600", "69 600", "69.600 Ft", "69.600,- Ft".
  Refused as ambiguous: a comma inside the number ("69,600" is 69 thousand in English but
  69.6 in Hungarian), decimals ("69600.50"), and groups that are not three digits ("69.6").
Every refusal is a Problem tied to the field, never an exception.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from calculators.core.cleaning import InputTooLong, clean, incomplete_date, parse_date
from calculators.core.i18n import N_, Text
from calculators.core.results import Problem

_PERCENT = re.compile(r"(?P<number>\d{1,3}(?:[.,]\d+)?)\s*%?")
_MONEY = re.compile(r"(?P<number>\d{1,3}(?:(?P<sep>[ .])\d{3})?(?:(?P=sep)\d{3})*|\d+)(?:\s*,-)?"
                    r"(?:\s*(?:ft|huf|forint))?", re.IGNORECASE)


class FieldProblem(ValueError):
    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem


def _cleaned(value: str, field: str) -> str:
    try:
        return clean(value, max_length=40)
    except InputTooLong:
        raise FieldProblem(Problem("too-long", Text(N_("This is far too long for this field.")),
                                   field=field)) from None


# Dates outside these years cannot be meant here (and would overflow date arithmetic near 9999).
FIRST_YEAR, LAST_YEAR = 1900, 2200


def read_date(value: str, field: str) -> dt.date | None:
    """A date, or None when the field is empty."""
    if not _cleaned(value, field):
        return None
    try:
        day = parse_date(value)
    except ValueError as err:
        if str(err) == "incomplete-date":
            raise FieldProblem(incomplete_date(field)) from None
        if str(err) == "no-such-day":
            raise FieldProblem(Problem(
                "no-such-day", Text(N_("This day does not exist in the calendar: check the day and the month.")),
                Text(N_("Example: 2023-03-01")), field=field)) from None
        raise FieldProblem(Problem(
            "not-a-date", Text(N_("This is not a date.")),
            Text(N_("Write it as year-month-day, for example 2023-03-01.")), field=field)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise FieldProblem(Problem(
            "year-out-of-range", Text(N_("Enter a year between %(first)d and %(last)d."),
                                      {"first": FIRST_YEAR, "last": LAST_YEAR}), field=field))
    return day


def read_percent(value: str, field: str) -> Decimal | None:
    """A percentage from 0 to 100, or None when the field is empty."""
    text = _cleaned(value, field)
    if not text:
        return None
    if text.startswith("-"):
        raise FieldProblem(Problem("negative", Text(N_("A percentage cannot be negative.")), field=field))
    match = _PERCENT.fullmatch(text)
    if not match:
        raise FieldProblem(Problem(
            "not-a-percentage", Text(N_("Enter the percentage as a number, for example 50 or 50,5.")),
            Text(N_("Copy it from the expert opinion.")), field=field))
    number = Decimal(match["number"].replace(",", "."))
    if number > 100:
        raise FieldProblem(Problem(
            "above-100", Text(N_("A percentage cannot be more than 100.")), field=field))
    return number


def read_forints(value: str, field: str) -> int | None:
    """Whole forints, or None when the field is empty."""
    text = _cleaned(value, field)
    if not text:
        return None
    if text.startswith("-"):
        raise FieldProblem(Problem("negative", Text(N_("The income cannot be negative.")), field=field))
    match = _MONEY.fullmatch(text)
    if not match:
        raise FieldProblem(Problem(
            "not-an-amount", Text(N_("Enter the amount in whole forints, for example 69 600.")),
            Text(N_("Leave out decimals. Use spaces or dots between thousands, not commas.")), field=field))
    return int(re.sub(r"[ .]", "", match["number"]))
