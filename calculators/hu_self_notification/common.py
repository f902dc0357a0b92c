"""Wording shared by both self-notification calculators: day counts, forints, dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from calculators.i18n import N_, Text, translate


@dataclass(frozen=True)
class Phrase(Text):
    """A Text whose parameters may themselves be Texts (e.g. "45 days"), translated in turn:
    a sentence is still translated whole, never glued from fragments."""

    def render(self, lang: str) -> str:
        params = {k: v.render(lang) if isinstance(v, Text) else v for k, v in self.params.items()}
        return translate(lang, self.msgid, **params)


def days_text(n: int) -> Text:
    """"1 day" / "45 days": the only plural we need; Hungarian, Polish ("dni") and Vietnamese
    use one form for every number above one."""
    return Text(N_("1 day")) if n == 1 else Text(N_("%(n)d days"), {"n": n})


def forints(amount: int) -> str:
    """69600 -> "69 600": digits grouped by spaces, which reads the same in every language."""
    return f"{amount:,}".replace(",", " ")


def percent(value: object) -> str:
    """Decimal("50.0") -> "50", Decimal("49.50") -> "49.5"."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
