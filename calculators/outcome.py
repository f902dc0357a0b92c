"""The outcome of one calculator run, as the page bridge and embedders receive it.

Every calculator answers in this one shape, so the browser bridge renders all of them with
the same few lines and holds no rule of its own:

    {"calculator": str | null, "status": "empty" | "answer" | "problems" | "error",
     "errors": [{"field", "code", "message", "hint"}],      # shown by the fields + summary
     "answer": {"tone": "positive" | "negative" | "neutral",
                "headline": str, "facts": [str], "notes": [str],
                "why": [{"code", "message", "source"}],
                "links": [{"text", "href"}],                  # optional: only when given
                "timeline": {"days", "segments": [{"kind", "label", "first_day", "last_day",
                             "offset", "days"}]}} | null,    # optional: only when given
     "data": {...}}                                          # the machine-readable result

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

from calculators.i18n import Text, format_date
from calculators.results import Problem, Step


@dataclass(frozen=True)
class Link:
    """A link shown with the answer; `href` is relative to the calculator's page."""

    text: Text
    href: str


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
            out["links"] = [{"text": link.text.render(lang), "href": link.href} for link in self.links]
        if self.timeline:
            out["timeline"] = self.timeline.as_dict(lang)
        return out


@dataclass
class Outcome:
    calculator: str | None  # None only in an error outcome for an unknown calculator
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
