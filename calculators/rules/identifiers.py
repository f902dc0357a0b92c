"""What every identifier check shares: the answer for one code, and the common problems.

The checks themselves are by country: rules/hu/identifiers.py (Ügyfélkapu username, e-ID, TAJ),
rules/ru/identifiers.py (SNILS), rules/vn/identifiers.py (personal identification number). The
validators calculator (rules/validators.py) puts them in one form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from calculators.core.i18n import N_, Text
from calculators.core.results import Problem

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


def empty(kind: str) -> Validation:
    return Validation(kind, False, "", [Problem("empty", Text(N_("Enter the code.")))])


def wrong_length(expected: int, actual: int) -> Problem:
    return Problem(
        "wrong-length",
        Text(N_("It should be %(expected)d characters long; this is %(actual)d."),
             {"expected": expected, "actual": actual}),
        Text(N_("Check that no character is missing or doubled.")),
    )


def not_digits(what: Text) -> Problem:
    return Problem(
        "not-digits",
        Text(N_("Only digits are allowed here.")),
        what,
    )
