"""The outcome of one calculator run, as the page bridge and embedders receive it.

Every calculator answers in this one shape, so the browser bridge renders all of them with
the same few lines and holds no rule of its own:

    {"calculator": str | null, "status": "empty" | "answer" | "problems" | "error",
     "errors": [{"field", "code", "message", "hint"}],      # shown by the fields + summary
     "choices": {field: [{"value", "label"}]},               # fills a "choices" field (may be {})
     "answer": {"tone": "positive" | "negative" | "neutral",
                "headline": str, "facts": [str], "notes": [str],
                "why": [{"code", "message", "source"}],
                "links": [{"text", "href" | "calculator" | "page"}],  # optional: only when given
                "timeline": {"days", "segments": [{"kind", "label", "first_day", "last_day",
                             "offset", "days"}]}} | null,    # optional: only when given
     "data": {...},                                          # the machine-readable result
     "relevant": [field],     # the questions that matter now, in form order (show these only)
     "ignored": [field]}      # questions answered that the outcome did not use (no longer relevant)

The JSON Schema of this shape is calculators/core/outcome.schema.json (published with the site as
assets/kapu/outcome.schema.json); every worked example's outcome is checked against it.

"error" is the one status that is not an answer to the form: calculators.web.run_json could not
run the request, and says why in one error without a field, {"code", "message"}, the message in
the requested language (English when "lang" is not one of Kapu's). The codes:

    bad-request         the request is not a JSON object
    unknown-calculator  "calculator" is missing or names no calculator ("calculator" is then null)
    bad-values          "values" is not an object of strings (numbers are read as their text)
    bad-today           "today" is missing or not a real date written YYYY-MM-DD
    internal-error      a fault in Kapu itself; the same request may be tried again

An error outcome has "answer": null and "data": {}. No traceback is ever part of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from calculators.core.i18n import Text, format_date
from calculators.core.results import Problem, Step


@dataclass(frozen=True)
class Link:
    """A link shown with the answer, to exactly one of: an outside address (`href`, absolute),
    another Kapu calculator by name (`calculator`), or a page of the site by its path from the
    language's home page (`page`, e.g. "guides/self-notification/#domestic"). The site layer turns
    a name or a path into an address on the page; a rule never knows where pages are served."""

    text: Text
    href: str | None = None
    calculator: str | None = None
    page: str | None = None

    def __post_init__(self) -> None:
        if sum(t is not None for t in (self.href, self.calculator, self.page)) != 1:
            raise ValueError("a link has exactly one of href, calculator, page")

    def as_dict(self, lang: str) -> dict[str, str]:
        target = next((k, v) for k, v in (("href", self.href), ("calculator", self.calculator),
                                          ("page", self.page)) if v is not None)
        return {"text": self.text.render(lang), target[0]: target[1]}


@dataclass(frozen=True)
class Segment:
    """One stretch of days on a timeline, both ends inclusive."""

    kind: str  # a stable code the page styles by, e.g. "condition", "extension"
    label: Text
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Timeline:
    """Dated segments to draw. Python does all the date arithmetic: each segment carries its
    offset and length in days from the timeline's first day, so the page only scales bars."""

    segments: tuple[Segment, ...]

    def as_dict(self, lang: str) -> dict[str, object]:
        start = min(s.first_day for s in self.segments)
        end = max(s.last_day for s in self.segments)
        return {
            "first_day": start.isoformat(),
            "last_day": end.isoformat(),
            "days": (end - start).days + 1,
            "segments": [
                {"kind": s.kind, "label": s.label.render(lang), "first_day": s.first_day.isoformat(),
                 "last_day": s.last_day.isoformat(), "offset": (s.first_day - start).days,
                 "days": (s.last_day - s.first_day).days + 1,
                 # as the reader's language writes dates; the bridge shows this text
                 "dates": format_date(lang, s.first_day) if s.first_day == s.last_day
                 else f"{format_date(lang, s.first_day)} – {format_date(lang, s.last_day)}"}
                for s in self.segments
            ],
        }


@dataclass
class Answer:
    tone: str
    headline: Text
    facts: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    why: list[Step] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    timeline: Timeline | None = None

    def as_dict(self, lang: str) -> dict[str, object]:
        out: dict[str, object] = {
            "tone": self.tone,
            "headline": self.headline.render(lang),
            "facts": [t.render(lang) for t in self.facts],
            "notes": [t.render(lang) for t in self.notes],
            "why": [s.as_dict(lang) for s in self.why],
        }
        if self.links:
            out["links"] = [link.as_dict(lang) for link in self.links]
        if self.timeline:
            out["timeline"] = self.timeline.as_dict(lang)
        return out


@dataclass(frozen=True)
class Choice:
    """One choice the outcome offers for a "choices" field: the value sent back, and its label."""

    value: str
    label: str  # shown as it is, in no particular language (e.g. "Komló (Baranya)")


STATUSES = ("empty", "answer", "problems", "error")  # "error": run_json could not run it


@dataclass
class Outcome:
    calculator: str | None  # None only in an error outcome for an unknown calculator
    status: str  # one of STATUSES
    errors: list[Problem] = field(default_factory=list)
    answer: Answer | None = None
    data: dict[str, object] = field(default_factory=dict)
    choices: dict[str, list[Choice]] = field(default_factory=dict)  # field name -> its choices
    # Set by Calculator.outcome from the calculator's relevance rule (calculators.core.flow).
    relevant: list[str] | None = None
    ignored: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")

    def as_dict(self, lang: str) -> dict[str, object]:
        choices = {name: [{"value": c.value, "label": c.label} for c in options]
                   for name, options in self.choices.items()}
        out: dict[str, object] = {
            "calculator": self.calculator,
            "status": self.status,
            "errors": [p.as_dict(lang) for p in self.errors],
            "choices": choices,
            "answer": self.answer.as_dict(lang) if self.answer else None,
            # The choices stay under data too, where version 0.1 of the bridge read them.
            "data": self.data | {"choices": choices} if choices else self.data,
        }
        if self.relevant is not None:
            out["relevant"] = list(self.relevant)
            out["ignored"] = list(self.ignored)
        return out
