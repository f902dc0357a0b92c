"""Wording shared by both self-notification calculators: day counts, forints, dates."""

from __future__ import annotations

import datetime as dt

from calculators.core.i18n import N_, Number, Text

# A Text whose parameters may themselves be Texts (e.g. "45 days"): Text.render translates
# those in turn, so a sentence is still translated whole, never glued from fragments.
Phrase = Text


def days_text(n: int) -> Text:
    """"1 day" / "45 days": the only plural we need; Hungarian, Polish ("dni") and Vietnamese
    use one form for every number above one."""
    return Text(N_("1 day")) if n == 1 else Text(N_("%(n)d days"), {"n": n})


def forints(amount: int) -> Number:
    """69600 -> shown as "69,600" / "69 600" / "69.600", as the reader's language groups digits."""
    return Number(amount)


def percent(value: object) -> str:
    """Decimal("50.0") -> "50", Decimal("49.50") -> "49.5"."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
