"""Input hygiene shared by every calculator.

People paste codes from PDFs, e-mails and phones: decomposed accents (NFD),
full-width digits from East Asian keyboards, zero-width spaces and no-break
spaces all arrive here. We normalise what is unambiguous and refuse the rest
with a clear message, never with a crash.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from calculators.core.i18n import N_, Text
from calculators.core.results import Problem

# Longer than any identifier or field we accept; checked before any other work so
# that a 10,000-character paste is refused at once.
MAX_INPUT_LENGTH = 200

# Invisible characters that copy-paste brings along; they carry no meaning in a code. Direction
# marks (LRM, RLM, embeddings, overrides, isolates, Arabic letter mark) come with text copied from
# right-to-left pages or phones' contact cards.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
                                    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"))

# Full-width ASCII forms (U+FF01..U+FF5E) map to ASCII by a fixed offset; the
# ideographic space (U+3000) is a space.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


_SURROGATE = re.compile("[\ud800-\udfff]")


class InputTooLong(ValueError):
    """The input is longer than any value we could accept."""


def clean(value: str, max_length: int = MAX_INPUT_LENGTH) -> str:
    """Return `value` trimmed, NFC-normalised, with invisible characters removed and
    full-width ASCII folded to ASCII. Raises InputTooLong before doing any work on
    an input that is too long to be meaningful."""
    if len(value) > max_length * 4:
        raise InputTooLong(len(value))
    # A lone surrogate is not a character (an undecodable byte from a command line, or "\\udc00"
    # in JSON); it is replaced like any decoding error, so every answer can be written as UTF-8.
    value = _SURROGATE.sub("\ufffd", value)
    value = unicodedata.normalize("NFC", value)
    value = value.translate(_INVISIBLE).translate(_FULL_WIDTH)
    value = " ".join(value.split())  # trims, and folds no-break and other spaces
    if len(value) > max_length:
        raise InputTooLong(len(value))
    return value


def shown(char: str) -> str:
    """A character as a message may show it: itself if printable, else its code point (U+202E),
    so that no control, format or direction character is echoed into a message."""
    if char == " ":
        return "␣"
    return char if char.isprintable() else f"U+{ord(char):04X}"


def without_separators(value: str, separators: str = " -") -> str:
    """Drop the separators people type inside numbers (spaces, dashes)."""
    return value.translate(dict.fromkeys(map(ord, separators + "\u2010\u2011\u2012\u2013\u2014\u2212")))


# What the page sends for a date field the reader has only partly filled in (a year without the
# day, say). A browser's own date field then reports no value at all, exactly as when it is empty,
# so an unfinished optional date would silently count as "not given"; web/bridge.js sends this
# instead (the widget's date inputs carry it as data-incomplete), and parse_date refuses it.
INCOMPLETE_DATE = "incomplete-date"


def parse_date(value: str) -> dt.date:
    """Parse a calendar date written YYYY-MM-DD (full-width digits and spaces tolerated).

    Raises ValueError with a reason code: "incomplete-date" for INCOMPLETE_DATE (a date field
    left half filled in), "no-such-day" for a well-formed date that does not exist (2024-02-30),
    "not-a-date" for anything else."""
    try:
        text = clean(value, max_length=40)
    except InputTooLong:
        raise ValueError("not-a-date") from None
    if text == INCOMPLETE_DATE:
        raise ValueError("incomplete-date")
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError("not-a-date")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, OverflowError):  # OverflowError: a part above a C int (2024-01-9999999999)
        raise ValueError("no-such-day") from None


def incomplete_date(field: str) -> Problem:
    """The field error for a date field left half filled in (INCOMPLETE_DATE): the date asked for
    as the reader sees a browser's date field, with an example written the page's way."""
    return Problem("incomplete-date", Text(N_("Enter the date: day, month and year, or choose it in the calendar.")),
                   Text(N_("For example: %(day)s"), {"day": dt.date(2023, 3, 1)}), field=field)
