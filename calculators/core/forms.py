"""The questions a calculator asks, declared once and rendered by macros/ into every page.

A form is data (names, kinds, labels, hints as message ids), as GOV.UK Smart Answers keeps
questions apart from logic: the page template renders it, the rule reads the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from calculators.core.i18n import N_


class FieldKind(StrEnum):
    """The closed set of question kinds the page template and the command line know how to ask."""

    TEXT = "text"  # one line of text (a code, a postcode, a name)
    SELECT = "select"  # one of fixed options, in a drop-down
    RADIOS = "radios"  # one of fixed options, as radio buttons in a fieldset
    CHOICES = "choices"  # radio buttons that the outcome fills in (outcome["choices"][field])
    DATE = "date"  # a calendar date, YYYY-MM-DD
    PERCENT = "percent"  # a percentage, 0-100
    MONEY = "money"  # an amount of money in whole units


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # message id


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind  # given as its value ("date"); anything outside the set is refused
    label: str  # message id
    hint: str | None = None  # message id
    options: tuple[Option, ...] = ()
    required: bool = True
    autocomplete: str = "off"
    inputmode: str | None = None
    width: str | None = None  # a CSS class suffix: "short", "medium"
    # The later questions whose relevance this answer decides (GOV.UK conditional reveal: the page
    # writes them as aria-controls on this input). Which of them show is the calculator's relevance
    # rule (calculators.core.flow); this only says where to look.
    controls: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", FieldKind(self.kind))  # ValueError for an unknown kind
        if (self.kind in (FieldKind.SELECT, FieldKind.RADIOS)) != bool(self.options):
            raise ValueError(f"field {self.name}: fixed options belong to select and radios fields only")


@dataclass(frozen=True)
class Form:
    name: str
    title: str  # message id
    fields: tuple[Field, ...] = field(default_factory=tuple)
    submit: str = N_("Check")  # message id (the default button text)
    intro: str | None = None  # message id: how the questions follow each other, in words

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        for position, f in enumerate(self.fields):
            for name in f.controls:  # revealed questions follow their control in reading and tab order
                if name not in names[position + 1:]:
                    raise ValueError(f"form {self.name}: {f.name} controls {name}, which is not a later question")
