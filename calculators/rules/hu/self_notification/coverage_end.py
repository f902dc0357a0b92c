"""Until when am I covered after the notified condition ends?

Legal basis: Ebtv. (1997. évi LXXXIII. törvény) 29. § (9)–(10). After insurance, or a condition of
Tbj. 22. § (1) a)–o) or r) (the self-notification grounds j) and k) among them), ends, the
entitlement to health services continues
  (9) a) for 45 days, if the condition lasted at least 45 days without interruption;
      b) otherwise for as long as the condition lasted;
      c) for 45 days, if the last condition did not last 45 days, but an earlier one lasted
         "45 napnál hosszabb" (MORE than 45 days) and "30 napnál kevesebb" (FEWER than 30) days
         passed between the two;
  (10) none of this applies while insurance is suspended ("szünetelés").
Only people who count as domestic (belföldi, Tbj. 22. § (3)) are entitled on their own
notification, so a person who is not domestic gets no extension (NEAK's page says the same).

Kapu's model, written out on the page (the figures are dated parameters, see parameters/ beside this file):
    length       = last_day − first_day + 1                       (both days count)
    days_between = first_day − prior_last_day − 1   (the days on which neither
                   existed: the earlier condition's last day and the first day do not count)
    qualifies    = prior.days > 45 and days_between < 30
    extension    = 0 if not domestic; else 45 if length ≥ 45 or qualifies; else length
    coverage_last_day = last_day + extension
The figures in force on the condition's last day apply; Kapu knows them from 2020-07-01.

This module is the rule: periods in, a Coverage with its why-steps out. The questions, how typed
answers are read, the wording of the answer and the declaration are in coverage_end_form.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from calculators.core.i18n import N_, Text
from calculators.core.results import InvalidInput, Problem, Step, cite
from calculators.rules.hu.self_notification import figures, step
from calculators.rules.hu.self_notification.wording import Phrase, days_text

EBTV_9 = "Ebtv. 29. § (9)"
EBTV_10 = "Ebtv. 29. § (10)"


@dataclass(frozen=True)
class Period:
    first_day: dt.date
    last_day: dt.date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class Figures:
    """The periods of Ebtv. 29. § (9) in force on a day, each a dated parameter value."""

    full: figures.DatedValue  # (9) a), c): 45 days
    long_enough: figures.DatedValue  # (9) a): at least 45 days
    earlier_more_than: figures.DatedValue  # (9) c): more than 45 days
    between_fewer_than: figures.DatedValue  # (9) c): fewer than 30 days between

    @classmethod
    def on(cls, day: dt.date) -> Figures:
        return cls(figures.value("extension_full_days", day), figures.value("extension_long_enough_days", day),
                   figures.value("earlier_condition_more_than_days", day),
                   figures.value("days_between_fewer_than", day))


@dataclass
class Coverage:
    condition: Period
    domestic: bool
    prior: Period | None
    prior_qualifies: bool
    extension_days: int
    coverage_last_day: dt.date
    why: list[Step] = field(default_factory=list)

    @property
    def days_between(self) -> int | None:
        return days_between(self.prior, self.condition.first_day) if self.prior else None

    def data(self) -> dict[str, object]:
        return {
            "coverage_last_day": self.coverage_last_day.isoformat(),
            "extension_days": self.extension_days,
            "condition_days": self.condition.days,
            "prior_qualifies": self.prior_qualifies if self.prior else None,
            "days_between": self.days_between,
            "why": [s.code for s in self.why],
        }


def days_between(prior: Period, first_day: dt.date) -> int:
    """The days that passed between the earlier condition and the notified one: the days after the
    earlier one's last day and before the first day, neither of them counted (0 when it ended the
    day before)."""
    return (first_day - prior.last_day).days - 1


def prior_qualifies(prior: Period, first_day: dt.date, figures: Figures) -> bool:
    """Ebtv. 29. § (9) c): the earlier condition lasted MORE than 45 days and FEWER than 30 days
    passed between it and the notified condition."""
    return (prior.days > figures.earlier_more_than.value
            and days_between(prior, first_day) < figures.between_fewer_than.value)


def earlier_condition_matters(condition: Period) -> bool:
    """Whether an earlier condition can change the answer: only when the notified one lasted less
    than the period of Ebtv. 29. § (9) a) (45 days), since (9) c) then may give the full
    extension. Not when the dates contradict each other, or the figures are not known for them."""
    if condition.last_day < condition.first_day:
        return False
    try:
        return condition.days < Figures.on(condition.last_day).long_enough.value
    except figures.ParameterUnknown:
        return False


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
                "prior-not-before", Text(N_("The earlier condition must end before the notified condition's first "
                                            "day.")),
                Text(N_("If it went on without a break, enter the day before the first day.")),
                field="prior_last_day"))
    return problems


def _figures(condition: Period) -> Figures:
    try:
        return Figures.on(condition.last_day)
    except figures.ParameterUnknown as err:
        raise InvalidInput([Problem(
            "rule-not-known", Text(N_("Kapu knows this rule for conditions that ended on or after %(first)s."),
                                   {"first": err.first}),
            Text(N_("For an earlier date, ask the government office (kormányhivatal).")), field="last_day")]) from None


def compute(condition: Period, domestic: bool, prior: Period | None = None) -> Coverage:
    """The last day of coverage. Raises InvalidInput for impossible periods or dates the rule is
    not known for. `domestic` has no default: the reader must answer it."""
    problems = check(condition, prior)
    if problems:
        raise InvalidInput(problems)
    f = _figures(condition)
    length = condition.days
    why = [step("condition-days", Phrase(N_("The condition lasted %(days)s, from %(first)s to %(last)s (both days "
                                            "count)."),
                                         {"days": days_text(length), "first": condition.first_day,
                                          "last": condition.last_day}), EBTV_9, "ebtv")]
    qualifies = prior is not None and prior_qualifies(prior, condition.first_day, f)
    if not domestic:
        extension = 0
        why.append(step("not-domestic", Text(N_("You do not count as domestic (belföldi): you cannot be entitled on "
                                                "your own notification, so the entitlement is not extended.")),
                        "Tbj. 22. § (3)", "tbj"))
    elif length >= f.long_enough.value:
        extension = f.full.value
        why.append(cite("long-enough", Text(N_("It lasted at least 45 days without interruption: the entitlement "
                                               "continues for 45 more days.")), f.long_enough))
    else:
        why.append(step("shorter", Text(N_("It lasted less than 45 days.")), "Ebtv. 29. § (9) b)", "ebtv"))
        if prior is not None:
            between = days_between(prior, condition.first_day)
            why.append(cite(
                "prior-qualifies" if qualifies else "prior-does-not-qualify",
                Phrase(N_("Your earlier condition lasted %(days)s and ended on %(last)s; %(between)s passed between "
                          "it and the first day. It counts: it lasted more than 45 days, and fewer than 30 days "
                          "passed between the two.") if qualifies else
                       N_("Your earlier condition lasted %(days)s and ended on %(last)s; %(between)s passed between "
                          "it and the first day. It does not count: it must last more than 45 days, and fewer than "
                          "30 days must pass between the two."),
                       {"days": days_text(prior.days), "last": prior.last_day, "between": days_text(between)}),
                f.earlier_more_than))
        if qualifies:
            extension = f.full.value
            why.append(cite("prior-full-extension", Text(N_("So the entitlement continues for 45 more days.")), f.full))
        else:
            extension = length
            why.append(step("extended-by-length", Phrase(N_("So the entitlement is extended by the same shorter "
                                                            "period: %(days)s."), {"days": days_text(length)}),
                            "Ebtv. 29. § (9) b)", "ebtv"))
    end = condition.last_day + dt.timedelta(days=extension)
    why.append(step("coverage-last-day", Phrase(N_("%(last)s + %(days)s: you are covered until %(end)s."),
                                                {"last": condition.last_day,
                                                 "days": days_text(extension), "end": end}), EBTV_9, "ebtv"))
    if extension:
        why.append(step("not-while-suspended", Text(N_("This extension does not apply while an insurance of yours is "
                                                       "suspended (szünetelés).")), EBTV_10, "ebtv"))
    return Coverage(condition, domestic, prior, qualifies, extension, end, why)
