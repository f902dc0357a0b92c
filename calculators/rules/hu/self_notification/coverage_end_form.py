"""The coverage-end calculator ("Until when am I covered?"): its questions, how typed answers are
read, the wording of the answer and its timeline, and the declaration. The rule itself (Ebtv. 29. §
(9)–(10)) is coverage_end.py.
"""

from __future__ import annotations

import datetime as dt

from calculators.core.declaration import Calculator, CommandLine, Switch
from calculators.core.forms import Field, Form, Option
from calculators.core.i18n import N_, Text, format_date, translate
from calculators.core.outcome import Answer, Outcome, Segment, Timeline
from calculators.core.results import InvalidInput, Problem
from calculators.rules.hu.self_notification import figures
from calculators.rules.hu.self_notification.coverage_end import (
    Coverage,
    Period,
    compute,
    earlier_condition_matters,
)
from calculators.rules.hu.self_notification.inputs import FieldProblem, read_date
from calculators.rules.hu.self_notification.wording import Phrase, days_text

NAME = "coverage-end"


def timeline(c: Coverage) -> Timeline:
    segments = []
    if c.prior is not None:
        segments.append(Segment("prior", Text(N_("Earlier condition")), c.prior.first_day, c.prior.last_day))
        if c.days_between:
            segments.append(Segment("between", Text(N_("Days between")), c.prior.last_day + dt.timedelta(days=1),
                                    c.condition.first_day - dt.timedelta(days=1)))
    segments.append(Segment("condition", Text(N_("Notified condition")), c.condition.first_day, c.condition.last_day))
    if c.extension_days:
        segments.append(Segment("extension", Text(N_("Extension")), c.condition.last_day + dt.timedelta(days=1),
                                c.coverage_last_day))
    return Timeline(tuple(segments))


# --- the dated figures as a table for the page (one source: parameters/, beside this file) ---

FIGURES = (
    ("extension_long_enough_days", N_("A condition that lasted at least this long without interruption")),
    ("extension_full_days", N_("The full extension")),
    ("earlier_condition_more_than_days", N_("An earlier condition counts if it lasted more than")),
    ("days_between_fewer_than", N_("… and fewer days than this passed between the two")),
)


def figures_table(lang: str) -> tuple[list[str], list[list[str]]]:
    """The periods of Ebtv. 29. § (9), each with its reference and the day it applies from."""
    rows = []
    for name, label in FIGURES:
        for value in figures.parameter(name).values:
            rows.append([translate(lang, label), days_text(value.value).render(lang), value.reference,
                         format_date(lang, value.start)])
    headers = [N_("Rule"), N_("Days"), N_("Reference"), N_("From")]
    return [translate(lang, h) for h in headers], rows


# --- reading raw values ---------------------------------------------------------------------

DATE_FIELDS = ("first_day", "last_day", "prior_first_day", "prior_last_day")


def _missing_date(name: str) -> Problem:
    message = {"first_day": N_("Enter the first day of the notified condition."),
               "last_day": N_("Enter the last day of the notified condition.")}[name]
    return Problem("missing", Text(message), Text(N_("For example: %(day)s"), {"day": dt.date(2023, 3, 1)}),
                   field=name)


def _missing_domestic() -> Problem:
    return Problem("domestic-missing", Text(N_("Answer whether you count as domestic (belföldi): choose yes or no.")),
                   field="domestic")


def inputs_from(values: dict[str, str]) -> tuple[Period, bool, Period | None]:
    """Raises InvalidInput with every problem found, a required answer left out among them."""
    problems: list[Problem] = []
    days: dict[str, dt.date | None] = {}
    for name in DATE_FIELDS:
        try:
            days[name] = read_date(values.get(name, ""), name)
        except FieldProblem as err:
            problems.append(err.problem)
            days[name] = None
    bad = {p.field for p in problems}
    for name in ("first_day", "last_day"):
        if days[name] is None and name not in bad:
            problems.append(_missing_date(name))
    given = [n for n in ("prior_first_day", "prior_last_day") if values.get(n, "").strip()]
    if len(given) == 1:
        missing = "prior_last_day" if given == ["prior_first_day"] else "prior_first_day"
        problems.append(Problem("prior-incomplete", Text(N_("Enter both days of the earlier condition, or "
                                                            "neither.")), field=missing))
    domestic = values.get("domestic", "").strip()
    if domestic not in ("yes", "no"):
        problems.append(_missing_domestic())
    if problems:
        raise InvalidInput(sorted(problems, key=lambda p: [f.name for f in FORM.fields].index(p.field)))
    prior = (Period(days["prior_first_day"], days["prior_last_day"])
             if days["prior_first_day"] and days["prior_last_day"] else None)
    return Period(days["first_day"], days["last_day"]), domestic == "yes", prior


PRIOR_FIELDS = ("prior_first_day", "prior_last_day")


def relevant(values: dict[str, str]) -> list[str]:
    """Which questions matter now: the condition's days and the domestic question always; the
    earlier condition only for a domestic reader whose condition was too short for the full
    extension (Ebtv. 29. § (9) c), see earlier_condition_matters)."""
    asked = ["first_day", "last_day", "domestic"]
    if values.get("domestic", "").strip() != "yes":
        return asked
    try:
        first, last = (read_date(values.get(name, ""), name) for name in ("first_day", "last_day"))
    except FieldProblem:
        return asked
    if first and last and earlier_condition_matters(Period(first, last)):
        asked += PRIOR_FIELDS
    return asked


FORM = Form(
    name=NAME,
    title=N_("Until when am I covered?"),
    intro=N_("First the notified condition's days, then whether you count as domestic. If the condition was too "
             "short for the full extension, you are also asked about an earlier one, which can lengthen it."),
    fields=(
        Field("first_day", "date", N_("First day of the notified condition"),
              hint=N_("For example the day the expert opinion was issued."), controls=PRIOR_FIELDS),
        Field("last_day", "date", N_("Last day of the notified condition"),
              hint=N_("The last day the condition still existed."), controls=PRIOR_FIELDS),
        Field("domestic", "radios", N_("Do you count as domestic (belföldi) for social security?"),
              options=(Option("yes", N_("Yes")), Option("no", N_("No"))),
              hint=N_("The eligibility calculator asks about this in plain questions."), controls=PRIOR_FIELDS),
        Field("prior_first_day", "date", N_("First day of an earlier condition (optional)"),
              hint=N_("Only if, before the notified condition began, you were insured or entitled on another ground "
                      "of Tbj. 22. § (1) a)–o) or r). It counts if it lasted more than 45 days and fewer than 30 days "
                      "passed between the two."),
              required=False),
        Field("prior_last_day", "date", N_("Last day of that earlier condition (optional)"), required=False),
    ),
)


def _answer(c: Coverage) -> Answer:
    facts = [
        Phrase(N_("Condition: %(first)s to %(last)s (%(days)s)"),
               {"first": c.condition.first_day, "last": c.condition.last_day,
                "days": days_text(c.condition.days)}),
        Phrase(N_("Extension: %(days)s"), {"days": days_text(c.extension_days)}),
    ]
    notes = [Text(N_("This is Kapu's reading of Ebtv. 29. § (9)–(10); the government office (kormányhivatal) "
                     "decides."))]
    if c.extension_days:
        notes.insert(0, Text(N_("The extension does not apply while an insurance of yours is suspended (szünetelés), "
                                "Ebtv. 29. § (10). If it is, ask the government office.")))
    return Answer(
        "neutral",
        Text(N_("You are covered until %(day)s, that day included."), {"day": c.coverage_last_day}),
        facts=facts, notes=notes, why=c.why, timeline=timeline(c))


def run(values: dict[str, str], today: dt.date) -> Outcome:
    """Answer the coverage-end form. Never raises for any dict of strings.

    Nothing answered yet: status "empty", with an error for each required question (what to fill
    in), which the page shows on submit only. Partly answered: status "problems", the same way."""
    if not any(values.get(name, "").strip() for name in (*DATE_FIELDS, "domestic")):
        return Outcome(NAME, "empty", [_missing_date("first_day"), _missing_date("last_day"), _missing_domestic()])
    try:
        condition, domestic, prior = inputs_from(values)
        coverage = compute(condition, domestic, prior)
    except InvalidInput as err:
        return Outcome(NAME, "problems", err.problems)
    return Outcome(NAME, "answer", answer=_answer(coverage), data=coverage.data())


# --- the declaration ---------------------------------------------------------------------------


def command_line_keys(outcome: dict, lang: str) -> dict[str, object]:
    """The keys `coverage-end` has printed since version 0.1."""
    if outcome["status"] != "answer":
        return {}
    data = outcome["data"]
    return {"coverage_last_day": data["coverage_last_day"], "extension_days": data["extension_days"],
            "condition_days": data["condition_days"], "why": outcome["answer"]["why"]}


CALCULATOR = Calculator(
    name=NAME,
    form=FORM,
    run=run,
    relevant=relevant,
    tables={"coverage-periods": figures_table},
    example_facts=True,
    command=CommandLine(
        # The command line states its default in --help (the web form has none: it asks).
        switches=(Switch("--domestic", "domestic", "yes",
                         "counts as domestic (belföldi) for social security (the default on the command line)"),
                  Switch("--not-domestic", "domestic", "no", "does not count as domestic (belföldi)")),
        defaults={"domestic": "yes"},
        keys=command_line_keys,
    ),
)
