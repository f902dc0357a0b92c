"""Message catalogs: one gettext catalog per language, shared with the page templates.

The catalogs live in ``calculators/locale/<lang>/LC_MESSAGES/kapu.po`` (the source,
edited by translators) and are compiled to ``.mo`` at set-up and build time.
English is the source language: its text is the message id.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DOMAIN = "kapu"
LANGUAGES: tuple[str, ...] = ("en", "hu", "pl", "vi")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent.parent / "locale"


class UnknownLanguage(ValueError):
    """Raised for a language Kapu has no catalog for."""


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, in the reader's language."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    # fallback=False: a missing compiled catalog is a build error, never silent English.
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def translate(lang: str, message: str, **params: object) -> str:
    text = translations(lang).gettext(message)
    return text % params if params else text


# --- dates and numbers as each language writes them (national standard numeric forms) ---------

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_DATE_FORMATS = {
    "en": lambda d: f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year}",  # 10 February 2025
    "hu": lambda d: f"{d.year}. {d.month:02d}. {d.day:02d}.",  # 2025. 02. 10.
    "pl": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",  # 10.02.2025
    "vi": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",  # 10/02/2025
}
_GROUP_SEPARATORS = {"en": ",", "hu": "\u00a0", "pl": "\u00a0", "vi": "."}  # 96,840 / 96 840 / 96.840


def format_date(lang: str, day: dt.date) -> str:
    return _DATE_FORMATS[lang](day)


class Number(int):
    """An integer that is shown with the reader's digit grouping (amounts of money, counts)."""


def format_number(lang: str, number: int) -> str:
    return f"{number:,}".replace(",", _GROUP_SEPARATORS[lang])


def localize(lang: str, value: object) -> object:
    """A message parameter as the reader's language shows it: nested texts are translated,
    dates and Numbers are written the local way; anything else is left as it is."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, dt.date):
        return format_date(lang, value)
    if isinstance(value, Number):
        return format_number(lang, value)
    return value


@dataclass(frozen=True)
class Text:
    """A message id with its parameters, translated only when shown."""

    msgid: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return translate(lang, self.msgid, **{k: localize(lang, v) for k, v in self.params.items()})
