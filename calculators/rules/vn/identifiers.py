"""Vietnamese identifiers: the 12-digit personal identification number (số định danh cá nhân).

Source (last checked 2026-11-22, see docs/*/about/sources.md): Thông tư 59/2021/TT-BCA, art. 4
(the structure of the 12 digits; it replaced Thông tư 07/2016/TT-BCA with the same structure).
Province codes: the table of Thông tư 07/2016/TT-BCA, Phụ lục 1 (vn_province_codes.csv, beside
this file).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import cache

from calculators.core.cleaning import without_separators
from calculators.core.files import read_text
from calculators.core.i18n import N_, Text
from calculators.core.results import Problem
from calculators.rules.identifiers import ASCII_DIGITS, Kind, Validation, empty, not_digits, wrong_length

# --- Vietnamese personal identification number ------------------------------------------------


@cache
def vn_province_codes() -> dict[str, str]:
    text = read_text("rules", "vn", "vn_province_codes.csv")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {row["code"]: row["name"] for row in rows}


def vn_birth_century_and_sex(digit: int) -> tuple[int, str]:
    """Thông tư 59/2021/TT-BCA art. 4: 0/1 = 1900s male/female, 2/3 = 2000s, …, 8/9 = 2300s."""
    return 1900 + (digit // 2) * 100, ("male", "female")[digit % 2]


def vn_personal_id(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    normalized = without_separators(value)
    if not normalized:
        return empty("vn-personal-id")
    problems: list[Problem] = []
    details: list[Text] = []
    if not set(normalized) <= ASCII_DIGITS:
        problems.append(not_digits(Text(N_("The personal identification number has 12 digits."))))
    if len(normalized) != 12:
        problems.append(wrong_length(12, len(normalized)))
    if problems:
        return Validation("vn-personal-id", False, normalized, problems)

    province = vn_province_codes().get(normalized[:3])
    if province is None:
        problems.append(Problem(
            "unknown-province",
            Text(N_("%(code)s is not a province code: the first three digits must be one of the 63 codes."),
                 {"code": normalized[:3]}),
            Text(N_("Check the first three digits against your card.")),
        ))
    else:
        details.append(Text(N_("Birth registered in: %(province)s"), {"province": province}))
    century, sex = vn_birth_century_and_sex(int(normalized[3]))
    birth_year = century + int(normalized[4:6])
    details.append(Text(N_("Year of birth: %(year)d"), {"year": birth_year}))
    details.append(Text(N_("Sex: male") if sex == "male" else N_("Sex: female")))
    if birth_year > today.year:
        problems.append(Problem(
            "birth-year-in-future",
            Text(N_("Digits 4 to 6 give the year of birth %(year)d, which is in the future."),
                 {"year": birth_year}),
            Text(N_("Check the fourth, fifth and sixth digits.")),
        ))
    elif birth_date is not None and birth_date.year != birth_year:
        problems.append(Problem(
            "birth-year-mismatch",
            Text(N_("The number says born in %(year)d, but the date of birth is in %(given)d."),
                 {"year": birth_year, "given": birth_date.year}),
            Text(N_("Check the fourth, fifth and sixth digits, or the date of birth.")),
        ))
    return Validation("vn-personal-id", not problems, normalized, problems,
                      details=details if not problems else [])


KINDS = (Kind("vn-personal-id", N_("Vietnamese personal identification number"), vn_personal_id),)
