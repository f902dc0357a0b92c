"""Message catalogs: one gettext catalog per language, shared with the page templates.

The catalogs live in ``calculators/locale/<lang>/LC_MESSAGES/kapu.po`` (the source,
edited by translators) and are compiled to ``.mo`` at set-up and build time.
English is the source language: its text is the message id.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DOMAIN = "kapu"
LANGUAGES: tuple[str, ...] = ("en", "hu", "pl", "vi")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"


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


@dataclass(frozen=True)
class Text:
    """A message id with its parameters, translated only when shown."""

    msgid: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return translate(lang, self.msgid, **self.params)
