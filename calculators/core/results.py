"""Result building blocks shared by the calculators: problems and explanation steps."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.core.i18n import Text


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input: a stable code, a message and a hint on how to fix it."""

    code: str
    message: Text
    hint: Text | None = None
    field: str | None = None

    def as_dict(self, lang: str) -> dict[str, str]:
        out = {"code": self.code, "message": self.message.render(lang)}
        if self.hint is not None:
            out["hint"] = self.hint.render(lang)
        if self.field is not None:
            out["field"] = self.field
        return out


@dataclass(frozen=True)
class Step:
    """One decision step of a rule, so that a result can say why ("why")."""

    code: str
    message: Text
    source: str  # what the reader sees: a reference to the point ("Ebtv. 29. § (9) c)") or a title
    url: str | None = None  # where to read it (from the sources registry), when there is an address

    def as_dict(self, lang: str) -> dict[str, str]:
        out = {"code": self.code, "message": self.message.render(lang), "source": self.source}
        if self.url:
            out["url"] = self.url
        return out


def cite(code: str, message: Text, value: object) -> Step:
    """A step whose source is a dated parameter value (or pension-age band): its reference and link."""
    return Step(code, message, value.reference, value.url)  # type: ignore[attr-defined]


class InvalidInput(ValueError):
    """Raised by a rule's input parsing with every problem found, never just the first."""

    def __init__(self, problems: list[Problem]):
        super().__init__(", ".join(p.code for p in problems))
        self.problems = problems
