"""Ask only what matters: which questions a calculator asks now, decided by its rules.

A calculator may declare a relevance rule beside its rule (`Calculator(relevant=…)`): given the
raw answers so far, the names of the questions that matter now. A question's relevance depends
only on earlier questions that are relevant themselves, so an answer left in a question that no
longer matters (the reader went back and changed an earlier answer) never changes the outcome:
`settle` drops it before the rule runs, and the outcome says which answers it did not use
(`ignored`) and which questions to show (`relevant`). The page shows and hides fields from that
list alone; the command line takes every option at once and says which it ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from calculators.core.forms import Form
from calculators.core.i18n import N_, Text, translate
from calculators.core.results import Step

# raw answers -> names of the questions that matter now
Relevance = Callable[[Mapping[str, str]], Iterable[str]]


def given(values: Mapping[str, str], name: str) -> bool:
    return bool(str(values.get(name, "")).strip())


@dataclass(frozen=True)
class Settled:
    relevant: list[str]  # in form order
    ignored: list[str]  # answered, but not used
    values: dict[str, str]  # the answers the rule sees


def settle(form: Form, rule: Relevance | None, values: Mapping[str, str]) -> Settled:
    names = [f.name for f in form.fields]
    wanted = set(rule(values)) if rule else set(names)
    unknown = wanted - set(names)
    if unknown:
        raise ValueError(f"{form.name}: relevance names no question {sorted(unknown)}")
    relevant = [n for n in names if n in wanted]
    ignored = [n for n in names if n not in wanted and given(values, n)]
    kept = {k: v for k, v in values.items() if k not in names or k in wanted}
    return Settled(relevant, ignored, kept)


@dataclass(frozen=True)
class Questions(Text):
    """The labels of some questions, each translated, joined into one list."""

    labels: tuple[str, ...] = ()

    def render(self, lang: str) -> str:
        return "; ".join(translate(lang, label) for label in self.labels)


def used_step(form: Form, settled: Settled) -> Step:
    """The why-step that names the answers the outcome used."""
    labels = tuple(f.label for f in form.fields if f.name in settled.relevant and given(settled.values, f.name))
    return Step("answers-used", Text(N_("Answers used: %(questions)s"), {"questions": Questions("", labels=labels)}),
                "")
