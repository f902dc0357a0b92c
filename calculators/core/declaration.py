"""What a calculator declares about itself, once: the web entry point, the command line and the
page macros all read this, through calculators.core.registry.

A calculator module ends with

    CALCULATOR = Calculator(name="coverage-end", form=FORM, run=run, ...)

and gets one line in the registry. Its worked examples are calculators/examples/<name>.toml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from calculators.core import flow
from calculators.core.forms import Form
from calculators.core.outcome import Outcome

# A table of figures for a page, in the reader's language: header cells, then rows of cells.
Table = tuple[list[str], list[list[str]]]


@dataclass(frozen=True)
class Switch:
    """A command-line flag that answers one question: `--not-domestic` sets `domestic` to "no"."""

    option: str
    field: str
    value: str
    help: str = ""


@dataclass(frozen=True)
class CommandLine:
    """How the generated command differs from the page's form. Every field of the form becomes an
    option (`first_day` -> `--first-day`, choices from its options); this adds only the rest."""

    aliases: tuple[str, ...] = ()  # other names for the command (documented names keep working)
    positional: tuple[str, ...] = ()  # fields given as positional arguments, in this order
    switches: tuple[Switch, ...] = ()  # flags that answer a question (exclusive with its option)
    defaults: Mapping[str, str] = field(default_factory=dict)  # answers assumed when not given
    required: tuple[str, ...] = ()  # fields the command line requires although the page does not
    # The documented keys of the command's JSON, made from the outcome (as_dict) and the language;
    # printed at the top level beside the outcome.
    keys: Callable[[dict, str], dict] | None = None


@dataclass(frozen=True)
class Calculator:
    """One calculator, declared once."""

    name: str  # as in data-calculator="…", {{ calculator("…") }} and the command line
    form: Form
    run: Callable[[dict[str, str], dt.date], Outcome]  # raw form strings and today -> outcome
    # Tables of dated figures for the pages ({{ parameters("…") }}), each built in a language.
    tables: Mapping[str, Callable[[str], Table]] = field(default_factory=dict)
    example_facts: bool = False  # the examples table shows the answer's facts too (short ones)
    command: CommandLine = field(default_factory=CommandLine)
    # Which questions matter now, given the answers so far (calculators.core.flow); None: all.
    relevant: flow.Relevance | None = None

    def outcome(self, values: dict[str, str], today: dt.date) -> Outcome:
        """Run on the answers that matter: the ones no longer relevant are left out (and listed
        in `ignored`), the questions to show are listed in `relevant`, and a calculator with a
        relevance rule names the answers it used in a why-step."""
        settled = flow.settle(self.form, self.relevant, values)
        outcome = self.run(settled.values, today)
        outcome.relevant, outcome.ignored = settled.relevant, settled.ignored
        if outcome.answer is not None and self.relevant is not None:
            outcome.answer.why.insert(0, flow.used_step(self.form, settled))
            if isinstance(outcome.data.get("why"), list):  # data.why lists the codes of answer.why
                outcome.data["why"] = ["answers-used", *outcome.data["why"]]
        return outcome

    def __post_init__(self) -> None:
        if self.form.name != self.name:
            raise ValueError(f"calculator {self.name}: its form is named {self.form.name}")

    @property
    def examples_file(self) -> str:
        """The worked examples, under calculators/examples/: named exactly after the calculator."""
        return f"{self.name}.toml"
