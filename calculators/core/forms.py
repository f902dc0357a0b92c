"""The questions a calculator asks, declared once and rendered by macros/ into every page.

A form is data (names, kinds, labels, hints as message ids), as GOV.UK Smart Answers keeps
questions apart from logic: the page template renders it, the rule reads the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calculators.core.i18n import N_


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # message id


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "text", "select", "date", "number", "radios", "checkbox"
    label: str  # message id
    hint: str | None = None  # message id
    options: tuple[Option, ...] = ()
    required: bool = True
    autocomplete: str = "off"
    inputmode: str | None = None
    width: str | None = None  # a CSS class suffix: "short", "medium"


@dataclass(frozen=True)
class Form:
    name: str
    title: str  # message id
    fields: tuple[Field, ...] = field(default_factory=tuple)
    submit: str = N_("Check")  # message id (the default button text)
