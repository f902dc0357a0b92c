"""Until when am I covered after the notified condition ends?

Source: NEAK, "Egyéni bejelentés" (2023-01-04; Kapu source page 003): after the notified
condition ends, the entitlement continues for 45 more days if the person counts as domestic and
the condition lasted at least 45 days, or, when it lasted less, if the person had been
continuously entitled for at least 45 days within the 30 days before it began. If it lasted
less than 45 days, it is extended by that shorter period. Not domestic: no extension.

The source's sentence ("within the 30 days before … for at least 45 days") cannot be read
literally; Kapu's model, written out on the page:
    length     = last_day − first_day + 1                    (both days count)
    qualifying = the earlier entitlement lasted ≥ 45 days and its last day falls within the
                 30 days before first_day (first_day − 30 ≤ prior_last ≤ first_day − 1)
    extension  = 0 if not domestic; else 45 if length ≥ 45 or qualifying; else length
    coverage_last_day = last_day + extension
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass, field

from calculators.forms import Field, Form, Option
from calculators.hu_self_notification import SOURCE_003
from calculators.hu_self_notification.common import Phrase, days_text
from calculators.hu_self_notification.inputs import FieldProblem, read_date
from calculators.i18n import N_, Text
from calculators.outcome import Answer, Outcome, Segment, Timeline
from calculators.results import InvalidInput, Problem, Step

NAME = "coverage-end"
FULL_EXTENSION_DAYS = 45
LONG_ENOUGH_DAYS = 45  # a condition (or earlier entitlement) this long earns the full extension
PRIOR_WINDOW_DAYS = 30  # the earlier entitlement must end within this many days before the first day
MODEL = f"{SOURCE_003} · Kapu"  # our explicit model of the source's rule (see the module docstring)


@dataclass(frozen=True)
class Period:
    first_day: dt.date
    last_day: dt.date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass
class Coverage:
    condition: Period
    domestic: bool
    prior: Period | None
    prior_qualifies: bool
    extension_days: int
    coverage_last_day: dt.date
    why: list[Step] = field(default_factory=list)

    def data(self) -> dict[str, object]:
        return {
            "coverage_last_day": self.coverage_last_day.isoformat(),
            "extension_days": self.extension_days,
            "condition_days": self.condition.days,
            "prior_qualifies": self.prior_qualifies if self.prior else None,
            "why": [s.code for s in self.why],
        }

    def as_dict(self, lang: str) -> dict[str, object]:
        return {
            "coverage_last_day": self.coverage_last_day.isoformat(),
            "extension_days": self.extension_days,
            "condition_days": self.condition.days,
            "why": [s.as_dict(lang) for s in self.why],
        }


def prior_window(first_day: dt.date) -> Period:
    """The 30 days before the condition's first day, in which an earlier entitlement must end."""
    return Period(first_day - dt.timedelta(days=PRIOR_WINDOW_DAYS), first_day - dt.timedelta(days=1))


def prior_qualifies(prior: Period, first_day: dt.date) -> bool:
    window = prior_window(first_day)
    return prior.days >= LONG_ENOUGH_DAYS and window.first_day <= prior.last_day <= window.last_day


def check(condition: Period, prior: Period | None) -> list[Problem]:
    problems = []
    if condition.last_day < condition.first_day:
        problems.append(Problem("last-before-first", Text(N_("The last day cannot be before the first day.")),
                                field="last_day"))
    if prior is not None:
        if prior.last_day < prior.first_day:
            problems.append(Problem("last-before-first", Text(N_("The last day cannot be before the first day.")),
                                    field="prior_last_day"))
        elif prior.last_day >= condition.first_day:
            problems.append(Problem(
                "prior-not-before", Text(N_("The earlier entitlement must end before the condition's first day.")),
                Text(N_("If it went on without a break, enter the day before the first day.")),
                field="prior_last_day"))
    return problems


def compute(condition: Period, domestic: bool = True, prior: Period | None = None) -> Coverage:
    """The last day of coverage. Raises InvalidInput for impossible periods."""
    problems = check(condition, prior)
    if problems:
        raise InvalidInput(problems)
    length = condition.days
    why = [Step("condition-days", Phrase(N_("The condition lasted %(days)s, from %(first)s to %(last)s (both days "
                                            "count)."),
                                         {"days": days_text(length), "first": condition.first_day,
                                          "last": condition.last_day}), MODEL)]
    qualifies = prior is not None and prior_qualifies(prior, condition.first_day)
    if not domestic:
        extension = 0
        why.append(Step("not-domestic", Text(N_("You do not count as domestic (belföldi): the entitlement is not "
                                                "extended.")), SOURCE_003))
    elif length >= LONG_ENOUGH_DAYS:
        extension = FULL_EXTENSION_DAYS
        why.append(Step("long-enough", Text(N_("It lasted at least 45 days: the entitlement continues for 45 more "
                                               "days.")), SOURCE_003))
    else:
        why.append(Step("shorter", Text(N_("It lasted less than 45 days.")), SOURCE_003))
        if prior is not None:
            window = prior_window(condition.first_day)
            why.append(Step(
                "prior-qualifies" if qualifies else "prior-does-not-qualify",
                Phrase(N_("Your earlier entitlement lasted %(days)s and ended on %(last)s. It counts: it lasted at "
                          "least 45 days and ended between %(from)s and %(to)s, within the 30 days before the "
                          "first day.") if qualifies else
                       N_("Your earlier entitlement lasted %(days)s and ended on %(last)s. It does not count: it "
                          "must last at least 45 days and end between %(from)s and %(to)s, within the 30 days "
                          "before the first day."),
                       {"days": days_text(prior.days), "last": prior.last_day,
                        "from": window.first_day, "to": window.last_day}),
                MODEL))
        if qualifies:
            extension = FULL_EXTENSION_DAYS
            why.append(Step("prior-full-extension", Text(N_("So the entitlement continues for 45 more days.")),
                            SOURCE_003))
        else:
            extension = length
            why.append(Step("extended-by-length", Phrase(N_("So the entitlement is extended by the same shorter "
                                                            "period: %(days)s."), {"days": days_text(length)}),
                            SOURCE_003))
    end = condition.last_day + dt.timedelta(days=extension)
    why.append(Step("coverage-last-day", Phrase(N_("%(last)s + %(days)s: you are covered until %(end)s."),
                                                {"last": condition.last_day,
                                                 "days": days_text(extension), "end": end}), MODEL))
    return Coverage(condition, domestic, prior, qualifies, extension, end, why)


def timeline(c: Coverage) -> Timeline:
    segments = []
    if c.prior is not None:
        window = prior_window(c.condition.first_day)
        segments.append(Segment("prior", Text(N_("Earlier entitlement")), c.prior.first_day, c.prior.last_day))
        segments.append(Segment("window", Text(N_("The 30 days before the first day")), window.first_day,
                                window.last_day))
    segments.append(Segment("condition", Text(N_("Notified condition")), c.condition.first_day, c.condition.last_day))
    if c.extension_days:
        segments.append(Segment("extension", Text(N_("Extension")), c.condition.last_day + dt.timedelta(days=1),
                                c.coverage_last_day))
    return Timeline(tuple(segments))


# --- reading raw values ---------------------------------------------------------------------

DATE_FIELDS = ("first_day", "last_day", "prior_first_day", "prior_last_day")


def inputs_from(values: dict[str, str]) -> tuple[Period, bool, Period | None]:
    """Raises InvalidInput with every problem found."""
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
            problems.append(Problem("missing", Text(N_("Enter the date: day, month and year, or choose it in the "
                                                        "calendar.")),
                                    Text(N_("For example: %(day)s"), {"day": dt.date(2023, 3, 1)}), field=name))
    given = [n for n in ("prior_first_day", "prior_last_day") if values.get(n, "").strip()]
    if len(given) == 1:
        missing = "prior_last_day" if given == ["prior_first_day"] else "prior_first_day"
        problems.append(Problem("prior-incomplete", Text(N_("Enter both days of the earlier entitlement, or "
                                                            "neither.")), field=missing))
    domestic = values.get("domestic", "yes").strip()
    if domestic not in ("yes", "no"):
        problems.append(Problem("domestic-missing", Text(N_("Choose yes or no.")), field="domestic"))
    if problems:
        raise InvalidInput(problems)
    prior = (Period(days["prior_first_day"], days["prior_last_day"])
             if days["prior_first_day"] and days["prior_last_day"] else None)
    return Period(days["first_day"], days["last_day"]), domestic == "yes", prior


FORM = Form(
    name=NAME,
    title=N_("Until when am I covered?"),
    fields=(
        Field("first_day", "date", N_("First day of the notified condition"),
              hint=N_("For example the day the expert opinion was issued.")),
        Field("last_day", "date", N_("Last day of the notified condition"),
              hint=N_("The last day the condition still existed.")),
        Field("domestic", "radios", N_("Do you count as domestic (belföldi) for social security?"),
              options=(Option("yes", N_("Yes")), Option("no", N_("No"))),
              hint=N_("The eligibility calculator asks about this in plain questions.")),
        Field("prior_first_day", "date", N_("First day of an earlier entitlement (optional)"),
              hint=N_("Only if you were entitled to health services just before the condition began."),
              required=False),
        Field("prior_last_day", "date", N_("Last day of that earlier entitlement (optional)"), required=False),
    ),
)


def _answer(c: Coverage) -> Answer:
    facts = [
        Phrase(N_("Condition: %(first)s to %(last)s (%(days)s)"),
               {"first": c.condition.first_day, "last": c.condition.last_day,
                "days": days_text(c.condition.days)}),
        Phrase(N_("Extension: %(days)s"), {"days": days_text(c.extension_days)}),
    ]
    return Answer(
        "neutral",
        Text(N_("You are covered until %(day)s, that day included."), {"day": c.coverage_last_day}),
        facts=facts,
        notes=[Text(N_("This is Kapu's reading of the health insurer's page; the government office "
                       "(kormányhivatal) decides."))],
        why=c.why, timeline=timeline(c))


def run(values: dict[str, str], today: dt.date) -> Outcome:
    """Answer the coverage-end form. Never raises for any dict of strings."""
    if not any(values.get(name, "").strip() for name in DATE_FIELDS):
        return Outcome(NAME, "empty")
    try:
        condition, domestic, prior = inputs_from(values)
        coverage = compute(condition, domestic, prior)
    except InvalidInput as err:
        return Outcome(NAME, "problems", err.problems)
    return Outcome(NAME, "answer", answer=_answer(coverage), data=coverage.data())


# --- command line -----------------------------------------------------------------------


def add_command(sub: argparse._SubParsersAction) -> None:
    from calculators.cli import common_options

    p = sub.add_parser("coverage-end", help="last day of coverage after the notified condition ends")
    p.add_argument("--first-day", required=True, help="first day of the condition, YYYY-MM-DD")
    p.add_argument("--last-day", required=True, help="last day of the condition, YYYY-MM-DD")
    p.add_argument("--not-domestic", action="store_true", help="does not count as domestic (belföldi)")
    p.add_argument("--prior-first-day", default="", help="first day of an earlier entitlement")
    p.add_argument("--prior-last-day", default="", help="last day of an earlier entitlement")
    common_options(p)
    p.set_defaults(handler=command)


def command(args: argparse.Namespace) -> int:
    from calculators.cli import EXIT_INVALID, EXIT_OK, print_json

    values = {"first_day": args.first_day, "last_day": args.last_day,
              "domestic": "no" if args.not_domestic else "yes",
              "prior_first_day": args.prior_first_day, "prior_last_day": args.prior_last_day}
    try:
        condition, domestic, prior = inputs_from(values)
        coverage = compute(condition, domestic, prior)
    except InvalidInput as err:
        print_json({"problems": [p.as_dict(args.lang) for p in err.problems]})
        return EXIT_INVALID
    print_json(coverage.as_dict(args.lang))
    return EXIT_OK
