"""Hungarian identifiers: the Ügyfélkapu username, the e-ID card's document number and
registration code, and the TAJ number.

Sources (last checked 2026-11-22, see docs/*/about/sources.md):
- Ügyfélkapu username: source page 000 ("kis- és nagybetűérzékeny, kizárólag a magyar abc
  betűiből állhat, minimális hossza 4 karakter, ebből minimum háromnak különböznie kell");
  canberra.mfa.gov.hu/page/uegyfelkapu.
- e-ID document number (6 digits + 2 letters) and registration code (11 digits and letters):
  source page 000; penzcentrum.hu quoting the issuing authority.
- TAJ: 9 digits, check digit = (3×(d1+d3+d5+d7) + 7×(d2+d4+d6+d8)) mod 10.
"""

from __future__ import annotations

import datetime as dt

from calculators.core.cleaning import shown, without_separators
from calculators.core.i18n import N_, Text
from calculators.core.results import Problem
from calculators.rules.identifiers import (
    ASCII_DIGITS,
    LATIN_LETTERS,
    Kind,
    Validation,
    empty,
    not_digits,
    wrong_length,
)

HUNGARIAN_LETTERS = frozenset(
    "aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyz" "AÁBCDEÉFGHIÍJKLMNOÓÖŐPQRSTUÚÜŰVWXYZ"
)


# --- Ügyfélkapu username ------------------------------------------------------------------


def ugyfelkapu_username(value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    """Source 000: case-sensitive; letters of the Hungarian alphabet only; at least 4
    characters, of which at least 3 different."""
    if not value:
        return empty("ugyfelkapu-username")
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
        return empty("eid-document-number")
    problems = []
    if len(normalized) != 8:
        problems.append(wrong_length(8, len(normalized)))
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
        return empty("eid-registration-code")
    problems = []
    if len(normalized) != 11:
        problems.append(wrong_length(11, len(normalized)))
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
        return empty("taj")
    problems = []
    if not set(normalized) <= ASCII_DIGITS:
        problems.append(not_digits(Text(N_("The TAJ number has 9 digits, often written as 123 456 789."))))
    if len(normalized) != 9:
        problems.append(wrong_length(9, len(normalized)))
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


KINDS = (
    Kind("ugyfelkapu-username", N_("Ügyfélkapu username"), ugyfelkapu_username),
    Kind("eid-document-number", N_("e-ID card document number"), eid_document_number),
    Kind("eid-registration-code", N_("e-ID registration code"), eid_registration_code),
    Kind("taj", N_("TAJ number (Hungarian social security number)"), taj),
)
