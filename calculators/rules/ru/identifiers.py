"""Russian identifiers: SNILS, the individual insurance account number.

Source (last checked 2026-11-22, see docs/*/about/sources.md): PFR regulation, section 8
(consultant.ru): the check number over weights 9..1.
"""

from __future__ import annotations

import datetime as dt

from calculators.core.cleaning import without_separators
from calculators.core.i18n import N_, Text
from calculators.core.results import Problem
from calculators.rules.identifiers import ASCII_DIGITS, Kind, Validation, empty, not_digits, wrong_length

# --- SNILS --------------------------------------------------------------------------------

# Check numbers are only defined above 001-001-998 (PFR regulation, section 8).
SNILS_CHECKED_FROM = 1001999


def snils_check_number(first_nine: str) -> int:
    total = sum(int(d) * w for d, w in zip(first_nine, range(9, 0, -1), strict=True))
    if total < 100:
        return total
    if total in (100, 101):
        return 0
    rest = total % 101
    return 0 if rest == 100 else rest


def snils(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    normalized = without_separators(value)
    if not normalized:
        return empty("snils")
    problems = []
    if not set(normalized) <= ASCII_DIGITS:
        problems.append(not_digits(Text(N_("SNILS has 11 digits, often written as 123-456-789 01."))))
    if len(normalized) != 11:
        problems.append(wrong_length(11, len(normalized)))
    if (
        not problems
        and int(normalized[:9]) >= SNILS_CHECKED_FROM
        and snils_check_number(normalized[:9]) != int(normalized[9:])
    ):
        problems.append(Problem(
            "check-number",
            Text(N_("The last two digits do not match the others: there is a typo somewhere.")),
            Text(N_("Copy the number again from your SNILS card or the Gosuslugi profile.")),
        ))
    shown = f"{normalized[:3]}-{normalized[3:6]}-{normalized[6:9]} {normalized[9:]}" if not problems else normalized
    return Validation("snils", not problems, shown, problems)


KINDS = (Kind("snils", N_("SNILS (Russian insurance number)"), snils),)
