"""The outcome of one calculator run, as the page bridge and embedders receive it.

Every calculator answers in this one shape, so the browser bridge renders all of them with
the same few lines and holds no rule of its own:

    {"calculator": str, "status": "empty" | "answer" | "problems",
     "errors": [{"field", "code", "message", "hint"}],      # shown by the fields + summary
     "answer": {"tone": "positive" | "negative" | "neutral",
                "headline": str, "facts": [str], "notes": [str],
                "why": [{"code", "message", "source"}]} | null,
     "data": {...}}                                          # the machine-readable result
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calculators.i18n import Text
from calculators.results import Problem, Step


@dataclass
class Answer:
    tone: str
    headline: Text
    facts: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    why: list[Step] = field(default_factory=list)

    def as_dict(self, lang: str) -> dict[str, object]:
        return {
            "tone": self.tone,
            "headline": self.headline.render(lang),
            "facts": [t.render(lang) for t in self.facts],
            "notes": [t.render(lang) for t in self.notes],
            "why": [s.as_dict(lang) for s in self.why],
        }


@dataclass
class Outcome:
    calculator: str
    status: str
    errors: list[Problem] = field(default_factory=list)
    answer: Answer | None = None
    data: dict[str, object] = field(default_factory=dict)

    def as_dict(self, lang: str) -> dict[str, object]:
        return {
            "calculator": self.calculator,
            "status": self.status,
            "errors": [p.as_dict(lang) for p in self.errors],
            "answer": self.answer.as_dict(lang) if self.answer else None,
            "data": self.data,
        }
