"""Am I entitled to health services on my own notification, on a given date?

Legal basis: Tbj. (2019. évi CXXII. törvény) 22. § (1) j) and k), with (3) (only people who count
as domestic, "belföldi", are entitled this way) and (7) a) (Hungarian citizens living in Hungary);
NEAK's page "Egyéni bejelentés" (2023-01-04) explains the procedure. On their own notification, a
domestic person is entitled if an official certificate shows that (22. § (1) j))
- their work-capacity change reaches 50% ("eléri az 50 %-ot": 50 counts), or
- their health impairment reaches 40% ("eléri a 40 %-ot": 40 counts), or
- their health status is 50% or lower ("50 %-os vagy ennél kisebb"), or (22. § (1) k))
- they have reached their own old-age pension age (Tny. 18. § (1)) and their monthly income is
  below 30% of the minimum wage ("nem éri el": income equal to the limit is NOT below it).
Entitlement starts on the day the expert opinion was issued, or, for the pension-age ground,
on the day the income fell below the limit (and not before the pension age is reached).
Every figure (the 50/40/50%, the 30%, the minimum wage, the pension-age table) is dated data with
its legal reference: calculators/rules/hu/self_notification/parameters/.

December 2023: the 2024 minimum wage took effect on 2023-12-01, but 508/2023. (XI. 20.) Korm.
rendelet 4. § (2)–(3) keeps the 2023 amount until 2024-01-01 for figures tied to the minimum wage
for benefits ("ellátások"). The text does not settle whether the self-notification income test is
such a figure (see parameters/minimum_wage_for_benefits.toml), so where the two limits differ the
answer says the limit is uncertain and shows both; an income below both, or not below either,
still gets a plain answer.

This module is the rule: a Situation in, a Decision with its why-steps out. The questions (who
counts as domestic, as plain sentences), how typed answers are read, the wording of the answer,
the page tables and the declaration are in eligibility_form.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from calculators.core.i18n import N_, Text
from calculators.core.results import InvalidInput, Problem, Step, cite
from calculators.rules.hu.self_notification import figures, neak_step, step
from calculators.rules.hu.self_notification.wording import Phrase, forints, iso, percent

GROUNDS = ("work-capacity-change", "health-impairment", "health-status", "pension-age-low-income")
PERCENT_GROUNDS = GROUNDS[:3]
TBJ_K, TBJ_3, TBJ_7A = "Tbj. 22. § (1) k)", "Tbj. 22. § (3)", "Tbj. 22. § (7) a)"
TBJ_CONCLUSION = "Tbj. 22. § (1) j)–k), (3)"



@dataclass(frozen=True)
class Situation:
    """What the person tells us; None means "not entered"."""

    on: dt.date
    domestic: bool
    work_capacity_change: Decimal | None = None
    health_impairment: Decimal | None = None
    health_status: Decimal | None = None
    opinion_date: dt.date | None = None
    birth_date: dt.date | None = None
    monthly_income: int | None = None
    income_below_since: dt.date | None = None
    no_ground: bool = False  # the reader says none of the grounds applies to them


@dataclass
class Decision:
    on: dt.date
    eligible: bool | None  # None: it depends on which income limit applies (December 2023)
    grounds: list[str]  # the grounds met, in GROUNDS order (empty when not domestic)
    starts: dict[str, dt.date | None]  # first day of entitlement per ground met; None: not known
    income_threshold: int | None
    pension_age_reached_on: dt.date | None
    documents: list[str]
    why: list[Step] = field(default_factory=list)
    income_threshold_alternative: int | None = None  # the other possible limit, when it differs
    uncertain: list[str] = field(default_factory=list)  # grounds that depend on the uncertain limit

    def data(self) -> dict[str, object]:
        """The machine-readable result, without any wording."""
        return {
            "eligible": self.eligible,
            "grounds": self.grounds,
            "entitlement_starts": {g: iso(d) for g, d in self.starts.items()},
            "income_threshold": self.income_threshold,
            "income_threshold_alternative": self.income_threshold_alternative,
            "uncertain": self.uncertain,
            "pension_age_reached_on": iso(self.pension_age_reached_on),
            "documents": self.documents,
            "why": [s.code for s in self.why],
        }


def _check_dates(s: Situation) -> list[Problem]:
    problems = []
    for name, day, message in (
        ("birth_date", s.birth_date, N_("The date of birth must be before the date you are checking.")),
        ("opinion_date", s.opinion_date, N_("The expert opinion must be dated on or before the date you are "
                                            "checking.")),
        ("income_below_since", s.income_below_since, N_("This date must be on or before the date you are "
                                                        "checking.")),
    ):
        if day is not None and (day > s.on or (name == "birth_date" and day == s.on)):
            problems.append(Problem("after-date-checked", Text(message), field=name))
    return problems


def _unknown_parameter(err: figures.ParameterUnknown) -> Problem:
    if err.parameter.startswith("minimum_wage"):
        return Problem(
            "no-minimum-wage",
            Text(N_("No minimum wage is known for %(day)s: Kapu knows the figures from %(first)s to %(last)s."),
                 {"day": err.day, "first": err.first, "last": err.last}),
            Text(N_("Choose a date in that range. Figures for later years are added once they are decided.")),
            field="on")
    return Problem("rule-not-known", Text(N_("Kapu knows this rule from %(first)s."), {"first": err.first}),
                   Text(N_("For an earlier date, ask the government office (kormányhivatal).")), field="on")


def _percent_steps(s: Situation) -> tuple[list[str], list[Step]]:
    met, why = [], []
    at_least_wcc = figures.value("work_capacity_change_at_least", s.on)
    at_least_hi = figures.value("health_impairment_at_least", s.on)
    at_most_hs = figures.value("health_status_at_most", s.on)
    checks = (
        ("work-capacity-change", s.work_capacity_change, at_least_wcc, lambda v: v >= at_least_wcc.value,
         N_("Your work-capacity change is %(value)s%%: it reaches %(limit)d%%."),
         N_("Your work-capacity change is %(value)s%%: it does not reach %(limit)d%%.")),
        ("health-impairment", s.health_impairment, at_least_hi, lambda v: v >= at_least_hi.value,
         N_("Your health impairment is %(value)s%%: it reaches %(limit)d%%."),
         N_("Your health impairment is %(value)s%%: it does not reach %(limit)d%%.")),
        ("health-status", s.health_status, at_most_hs, lambda v: v <= at_most_hs.value,
         N_("Your health status is %(value)s%%: that is %(limit)d%% or lower."),
         N_("Your health status is %(value)s%%: that is above %(limit)d%%.")),
    )
    for code, value, limit, holds, yes, no in checks:
        if value is None:
            continue
        ok = holds(value)
        if ok:
            met.append(code)
        why.append(cite(f"{code}-{'met' if ok else 'not-met'}",
                        Text(yes if ok else no, {"value": percent(value), "limit": limit.value}), limit))
    return met, why


def age_text(band: figures.PensionAgeBand) -> Text:
    if band.days:
        return Text(N_("%(years)d years and %(days)d days"), {"years": band.years, "days": band.days})
    return Text(N_("%(years)d years"), {"years": band.years})


@dataclass(frozen=True)
class IncomeLimits:
    """The income limit on a day, and the other possible one where the law leaves it open."""

    wage: figures.DatedValue
    share: figures.DatedValue
    limit: int  # from the minimum wage in force
    alternative: int | None  # from the minimum wage for benefits, when it differs (December 2023)


def income_limits(day: dt.date) -> IncomeLimits:
    wage, share = figures.minimum_wage(day), figures.income_limit_share(day)
    limit, for_benefits = figures.income_threshold(day), figures.income_threshold_for_benefits(day)
    return IncomeLimits(wage, share, limit, for_benefits if for_benefits != limit else None)


def _income_steps(s: Situation, limits: IncomeLimits) -> tuple[str, list[Step]]:
    """Whether the income is below the limit: "met", "not-met" or "uncertain", with the why."""
    why = [cite("minimum-wage", Text(N_("The monthly minimum wage on %(day)s is %(wage)s Ft."),
                                     {"day": s.on, "wage": forints(limits.wage.value)}), limits.wage),
           cite("income-limit", Text(N_("The income limit is %(share)d%% of it: %(limit)s Ft. The income must be "
                                        "below it; the same amount is not enough."),
                                     {"share": limits.share.value, "limit": forints(limits.limit)}), limits.share)]
    if limits.alternative is not None:
        transition = figures.parameter("minimum_wage_for_benefits").at(s.on)
        why.append(cite("income-limit-uncertain", Text(N_(
            "But until 1 January 2024 figures tied to the minimum wage for benefits still use the 2023 minimum "
            "wage, which gives a limit of %(other)s Ft. The decree does not settle whether this limit is such a "
            "figure, so Kapu does not choose: it shows both."), {"other": forints(limits.alternative)}), transition))
    if s.monthly_income is None:
        return "unknown", why
    low = min(limits.limit, limits.alternative or limits.limit)
    high = max(limits.limit, limits.alternative or limits.limit)
    income = forints(s.monthly_income)
    if s.monthly_income < low:
        why.append(step("income-below", Text(N_("Your monthly income of %(income)s Ft is below %(limit)s Ft."),
                                             {"income": income, "limit": forints(low)}), TBJ_K, "tbj"))
        return "met", why
    if s.monthly_income >= high:
        why.append(step("income-not-below", Text(N_("Your monthly income of %(income)s Ft is not below %(limit)s "
                                                    "Ft."), {"income": income, "limit": forints(high)}), TBJ_K, "tbj"))
        return "not-met", why
    why.append(step("income-between-limits", Text(N_(
        "Your monthly income of %(income)s Ft is below %(high)s Ft but not below %(low)s Ft: whether it is below "
        "the limit depends on which of the two applies."), {"income": income, "high": forints(high),
                                                            "low": forints(low)}), TBJ_K, "tbj"))
    return "uncertain", why


def decide(s: Situation) -> Decision:
    """Decide entitlement on `s.on`. Raises InvalidInput when the dates contradict each other, or
    a figure (the minimum wage, a threshold) is not known for the date."""
    problems = _check_dates(s)
    if problems:
        raise InvalidInput(problems)
    try:
        return _decide(s)
    except figures.ParameterUnknown as err:
        raise InvalidInput([_unknown_parameter(err)]) from None


def _decide(s: Situation) -> Decision:
    why: list[Step] = []
    if s.domestic:
        why.append(step("domestic", Text(N_("You count as domestic (belföldi) for social security.")), TBJ_3, "tbj"))
    else:
        why.append(step("not-domestic", Text(N_(
            "You do not count as domestic (belföldi) for social security: only people who do can be entitled "
            "on their own notification.")), TBJ_3, "tbj"))

    if s.domestic and s.no_ground:
        why.append(step("no-ground", Text(N_(
            "You said that none of the grounds applies to you: no certified percentage, and not pension age with a "
            "low income.")), "Tbj. 22. § (1) j)–k)", "tbj"))
    met, percent_why = _percent_steps(s)
    why += percent_why
    starts: dict[str, dt.date | None] = {code: s.opinion_date for code in met}
    if met:
        why.append(
            neak_step("start-opinion", Text(N_("On this ground entitlement starts on the day the expert opinion was "
                                               "issued: %(day)s."), {"day": s.opinion_date}))
            if s.opinion_date else
            neak_step("start-opinion", Text(N_("On this ground entitlement starts on the day the expert opinion was "
                                               "issued."))))

    threshold = alternative = reached = None
    uncertain: list[str] = []
    if s.birth_date is not None:
        reached = figures.pension_age_reached_on(s.birth_date)
        band = figures.pension_age_band(s.birth_date.year)
        why.append(cite(
            "pension-age-reached" if reached <= s.on else "pension-age-not-reached",
            Phrase(N_("Born in %(year)d, your old-age pension age is %(age)s: you reach it on %(day)s.")
                   if reached <= s.on else
                   N_("Born in %(year)d, your old-age pension age is %(age)s: you reach it only on %(day)s."),
                   {"year": s.birth_date.year, "age": age_text(band), "day": reached}),
            band))
    if s.birth_date is not None or s.monthly_income is not None:
        limits = income_limits(s.on)
        threshold, alternative = limits.limit, limits.alternative
        income, income_why = _income_steps(s, limits)
        why += income_why
        if income in ("met", "uncertain") and reached is not None and reached <= s.on:
            start = max(reached, s.income_below_since) if s.income_below_since else None
            if income == "met":
                met.append("pension-age-low-income")
                starts["pension-age-low-income"] = start
            else:
                uncertain.append("pension-age-low-income")
            why.append(
                neak_step("start-income", Text(N_("On this ground entitlement starts on %(day)s: the day your income "
                                                  "fell below the limit, but not before you reached pension age."),
                                               {"day": start}))
                if start else
                neak_step("start-income", Text(N_("On this ground entitlement starts on the day your income fell "
                                                  "below the limit, but not before you reached pension age."))))

    if not s.domestic:
        met, starts, uncertain = [], {}, []
    eligible: bool | None = True if met else (None if uncertain else False)
    conclusion = {
        True: N_("At least one ground is met, and you count as domestic: you can be entitled on your own "
                 "notification."),
        None: N_("Whether you can be entitled depends on which income limit applies in December 2023."),
        False: N_("No ground is met on what you entered.") if s.domestic else
        N_("Not being domestic, you cannot be entitled on your own notification."),
    }[eligible]
    why.append(step("conclusion-" + {True: "eligible", None: "uncertain", False: "not-eligible"}[eligible],
                    Text(conclusion), TBJ_CONCLUSION if s.domestic else TBJ_3, "tbj"))
    documents = ["identity", "address"]
    if any(g in met for g in PERCENT_GROUNDS):
        documents.append("expert-opinion")
    if "pension-age-low-income" in met + uncertain:
        documents.append("income-certificate")
    return Decision(s.on, eligible, met, starts, threshold, reached, documents if eligible is not False else [], why,
                    alternative, uncertain)
