"""Identifier validators: the codes a reader needs for Ügyfélkapu, EESZT, Gosuslugi and VNeID.

Sources (last checked 2026-11-22, see docs/*/about/sources.md):
- Ügyfélkapu username: source page 000 ("kis- és nagybetűérzékeny, kizárólag a magyar abc
  betűiből állhat, minimális hossza 4 karakter, ebből minimum háromnak különböznie kell");
  canberra.mfa.gov.hu/page/uegyfelkapu.
- e-ID document number (6 digits + 2 letters) and registration code (11 digits and letters):
  source page 000; penzcentrum.hu quoting the issuing authority.
- TAJ: 9 digits, check digit = (3×(d1+d3+d5+d7) + 7×(d2+d4+d6+d8)) mod 10.
- SNILS: PFR regulation, section 8 (consultant.ru): check number over weights 9..1.
- Vietnamese personal ID: Thông tư 07/2016/TT-BCA (province codes: Phụ lục 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from calculators.cleaning import InputTooLong, clean, parse_date, shown, without_separators
from calculators.files import read_text
from calculators.forms import Field, Form, Option
from calculators.i18n import N_, Text
from calculators.outcome import Answer, Outcome
from calculators.results import Problem

HUNGARIAN_LETTERS = frozenset(
    "aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyz" "AÁBCDEÉFGHIÍJKLMNOÓÖŐPQRSTUÚÜŰVWXYZ"
)
ASCII_DIGITS = frozenset("0123456789")
LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass
class Validation:
    """The answer for one code: valid or not, its normalised form, and every failed rule."""

    kind: str
    valid: bool
    normalized: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    details: list[Text] = field(default_factory=list)

    def as_dict(self, lang: str) -> dict[str, object]:
        return {
            "kind": self.kind,
            "valid": self.valid,
            "normalized": self.normalized,
            "problems": [p.as_dict(lang) for p in self.problems],
            "notes": [n.render(lang) for n in self.notes],
            "details": [d.render(lang) for d in self.details],
        }


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    check: Callable[[str, dt.date, dt.date | None], Validation]


# --- common problems -------------------------------------------------------------------------


def _empty(kind: str) -> Validation:
    return Validation(kind, False, "", [Problem("empty", Text(N_("Enter the code.")))])


def _wrong_length(expected: int, actual: int) -> Problem:
    return Problem(
        "wrong-length",
        Text(N_("It should be %(expected)d characters long; this is %(actual)d."),
             {"expected": expected, "actual": actual}),
        Text(N_("Check that no character is missing or doubled.")),
    )


def _not_digits(what: Text) -> Problem:
    return Problem(
        "not-digits",
        Text(N_("Only digits are allowed here.")),
        what,
    )


# --- Ügyfélkapu username ------------------------------------------------------------------


def ugyfelkapu_username(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    """Source 000: case-sensitive; letters of the Hungarian alphabet only; at least 4
    characters, of which at least 3 different."""
    if not value:
        return _empty("ugyfelkapu-username")
    problems = []
    if len(value) < 4:
        problems.append(Problem(
            "too-short",
            Text(N_("It must be at least 4 characters long.")),
            Text(N_("Add more letters.")),
        ))
    others = sorted(set(value) - HUNGARIAN_LETTERS)
    if others:
        listed = " ".join(shown(c) for c in others)
        problems.append(Problem(
            "not-hungarian-letter",
            Text(N_("Only letters of the Hungarian alphabet are allowed; not allowed: %(chars)s"),
                 {"chars": listed}),
            Text(N_("Leave out digits, spaces, hyphens and other signs.")),
        ))
    if len(set(value)) < 3:
        problems.append(Problem(
            "too-few-different",
            Text(N_("At least 3 of the characters must be different.")),
            Text(N_("Use at least 3 different letters (capitals count as different).")),
        ))
    return Validation(
        "ugyfelkapu-username", not problems, value, problems,
        notes=[Text(N_("Usernames are case-sensitive: type capitals exactly as you chose them."))],
    )


# --- Hungarian e-ID card --------------------------------------------------------------------


def eid_document_number(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    """Six digits and two letters, e.g. 123456AA (temporary cards e.g. 123456AT)."""
    normalized = without_separators(value).upper()
    if not normalized:
        return _empty("eid-document-number")
    problems = []
    if len(normalized) != 8:
        problems.append(_wrong_length(8, len(normalized)))
    head, tail = normalized[:6], normalized[6:]
    if not (set(head) <= ASCII_DIGITS and set(tail) <= LATIN_LETTERS and len(tail) <= 2):
        problems.append(Problem(
            "wrong-pattern",
            Text(N_("The document number is six digits followed by two letters.")),
            Text(N_("Example: 123456AB. Copy it from the front of your card.")),
        ))
    return Validation("eid-document-number", not problems, normalized, problems)


def eid_registration_code(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    """Source 000: an 11-character code of digits and letters on the green card given with the
    e-ID. Case is kept as typed: no source says whether it is case-sensitive."""
    normalized = without_separators(value)
    if not normalized:
        return _empty("eid-registration-code")
    problems = []
    if len(normalized) != 11:
        problems.append(_wrong_length(11, len(normalized)))
    if not set(normalized) <= ASCII_DIGITS | LATIN_LETTERS:
        problems.append(Problem(
            "not-letters-digits",
            Text(N_("Only digits and unaccented letters are allowed.")),
            Text(N_("Copy the code from the green card you got with your e-ID card.")),
        ))
    return Validation("eid-registration-code", not problems, normalized, problems)


# --- TAJ ----------------------------------------------------------------------------------


def taj_check_digit(first_eight: str) -> int:
    """3 × (odd positions) + 7 × (even positions), mod 10."""
    digits = [int(c) for c in first_eight]
    return (3 * sum(digits[0::2]) + 7 * sum(digits[1::2])) % 10


def taj(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    normalized = without_separators(value)
    if not normalized:
        return _empty("taj")
    problems = []
    if not set(normalized) <= ASCII_DIGITS:
        problems.append(_not_digits(Text(N_("The TAJ number has 9 digits, often written as 123 456 789."))))
    if len(normalized) != 9:
        problems.append(_wrong_length(9, len(normalized)))
    if not problems and taj_check_digit(normalized[:8]) != int(normalized[8]):
        problems.append(Problem(
            "check-digit",
            Text(N_("The last digit does not match the others: there is a typo somewhere.")),
            Text(N_("Copy the number again from your TAJ card.")),
        ))
    return Validation(
        "taj", not problems, normalized, problems,
        notes=[Text(N_("EESZT login asks for the TAJ number without dashes or spaces: %(taj)s"),
                    {"taj": normalized})] if not problems else [],
    )


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
        return _empty("snils")
    problems = []
    if not set(normalized) <= ASCII_DIGITS:
        problems.append(_not_digits(Text(N_("SNILS has 11 digits, often written as 123-456-789 01."))))
    if len(normalized) != 11:
        problems.append(_wrong_length(11, len(normalized)))
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


# --- Vietnamese personal identification number ------------------------------------------------


@cache
def vn_province_codes() -> dict[str, str]:
    text = read_text("data", "vn_province_codes.csv")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {row["code"]: row["name"] for row in rows}


def vn_birth_century_and_sex(digit: int) -> tuple[int, str]:
    """Thông tư 07/2016: 0/1 = 1900s male/female, 2/3 = 2000s, …, 8/9 = 2300s."""
    return 1900 + (digit // 2) * 100, ("male", "female")[digit % 2]


def vn_personal_id(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    normalized = without_separators(value)
    if not normalized:
        return _empty("vn-personal-id")
    problems: list[Problem] = []
    details: list[Text] = []
    if not set(normalized) <= ASCII_DIGITS:
        problems.append(_not_digits(Text(N_("The personal identification number has 12 digits."))))
    if len(normalized) != 12:
        problems.append(_wrong_length(12, len(normalized)))
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


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("ugyfelkapu-username", N_("Ügyfélkapu username"), ugyfelkapu_username),
        Kind("eid-document-number", N_("e-ID card document number"), eid_document_number),
        Kind("eid-registration-code", N_("e-ID registration code"), eid_registration_code),
        Kind("taj", N_("TAJ number (Hungarian social security number)"), taj),
        Kind("snils", N_("SNILS (Russian insurance number)"), snils),
        Kind("vn-personal-id", N_("Vietnamese personal identification number"), vn_personal_id),
    )
}


def validate(kind: str, value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    """Check `value` as an identifier of `kind`. Never raises for any string `value`."""
    try:
        cleaned = clean(value)
    except InputTooLong:
        return Validation(kind, False, "", [Problem(
            "too-long",
            Text(N_("This is far too long to be a code.")),
            Text(N_("Type or paste only the code itself.")),
        )])
    return KINDS[kind].check(cleaned, today, birth_date)


# --- the validators widget ----------------------------------------------------------------

FORM = Form(
    name="validators",
    title=N_("Check a code"),
    fields=(
        Field("kind", "select", N_("Which code?"),
              options=tuple(Option(k.name, k.label) for k in KINDS.values())),
        Field("value", "text", N_("Code"),
              hint=N_("Type or paste it: spaces and dashes are fine."), width="medium"),
        Field("birth_date", "date", N_("Date of birth (optional)"),
              hint=N_("Only for the Vietnamese number: we check the year of birth in it."),
              required=False),
    ),
)

_BAD_BIRTH_DATE = Problem(
    "birth-date-invalid",
    Text(N_("Enter the date of birth as a real date, for example 1990-05-31.")),
    field="birth_date",
)


def run(values: dict[str, str], today: dt.date) -> Outcome:
    """Answer the validators form: the outcome the page shows as the reader types."""
    kind = values.get("kind", "")
    if kind not in KINDS:
        return Outcome("validators", "problems", [Problem(
            "unknown-kind", Text(N_("Choose which code to check.")), field="kind")])
    birth_date = None
    if values.get("birth_date", "").strip():
        try:
            birth_date = parse_date(values["birth_date"])
        except ValueError:
            return Outcome("validators", "problems", [_BAD_BIRTH_DATE])
    result = validate(kind, values.get("value", ""), today, birth_date)
    if result.problems and result.problems[0].code == "empty":
        return Outcome("validators", "empty", [replace(p, field="value") for p in result.problems])
    label = Text(KINDS[kind].label)
    headline = (
        Text(N_("Looks valid: %(normalized)s"), {"normalized": result.normalized})
        if result.valid
        else Text(N_("Not valid yet: see what to fix below the field."))
    )
    return Outcome(
        "validators",
        "answer",
        errors=[replace(p, field="value") for p in result.problems],
        answer=Answer(
            "positive" if result.valid else "negative",
            headline,
            facts=[label, *result.details],
            notes=result.notes,
        ),
        data={"kind": kind, "valid": result.valid, "normalized": result.normalized,
              "problems": [p.code for p in result.problems]},
    )
