"""Am I entitled to health services on my own notification, on a given date?

Source: NEAK, "Egyéni bejelentés" (2023-01-04; Kapu source page 003); legal basis Tbj.
(2019. évi CXXII. törvény) 22. §. On their own notification, a person who counts as domestic
("belföldi") for social security is entitled if an official certificate shows that
- their work-capacity change reaches 50% ("eléri az 50 %-ot": 50 counts), or
- their health impairment reaches 40% ("eléri a 40 %-ot": 40 counts), or
- their health status is 50% or lower ("50 %-os vagy ennél kisebb"), or
- they have reached their own old-age pension age (Tny. 18. § (1)) and their monthly income is
  below 30% of the minimum wage ("nem éri el": income equal to the limit is NOT below it).
Entitlement starts on the day the expert opinion was issued, or, for the pension-age ground,
on the day the income fell below the limit (and not before the pension age is reached).
The dated figures (minimum wage, the 30%, the pension-age table) are data: calculators/parameters/.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from calculators.core import parameters
from calculators.core.declaration import Calculator, CommandLine, Switch
from calculators.core.forms import Field, Form, Option
from calculators.core.i18n import N_, Text, format_date, format_number, translate
from calculators.core.outcome import Answer, Link, Outcome
from calculators.core.results import InvalidInput, Problem, Step
from calculators.rules.hu.self_notification import SOURCE_003, TBJ_22
from calculators.rules.hu.self_notification.inputs import FieldProblem, read_date, read_forints, read_percent
from calculators.rules.hu.self_notification.wording import Phrase, forints, iso, percent

NAME = "eligibility"

# Thresholds stated by the source (003); not dated: no change is known.
WORK_CAPACITY_CHANGE_AT_LEAST = Decimal(50)
HEALTH_IMPAIRMENT_AT_LEAST = Decimal(40)
HEALTH_STATUS_AT_MOST = Decimal(50)

GROUNDS = ("work-capacity-change", "health-impairment", "health-status", "pension-age-low-income")
PERCENT_GROUNDS = GROUNDS[:3]

# Who counts as domestic (belföldi), as plain answers to "which of these describes you?"
# (source 003, "Ki tekinthető társadalombiztosítási szempontból belföldinek?").
RESIDENCE_OPTIONS = (
    Option("hu-citizen-address", N_("I am a Hungarian citizen with a registered address (lakóhely) in Hungary")),
    Option("hu-citizen-living", N_("I am a Hungarian citizen living in Hungary without a registered address, "
                                   "and I have not reported being insured abroad or by an international "
                                   "organisation")),
    Option("immigrant-settled", N_("I live in Hungary as an immigrant (bevándorolt) or with settled status "
                                   "(letelepedett)")),
    Option("refugee-protected", N_("I am recognised in Hungary as a refugee (menekült) or as a beneficiary of "
                                   "protection (oltalmazott)")),
    Option("free-movement", N_("I am an EU or EEA citizen (or a family member of one) with the right of free "
                               "movement, staying in Hungary for more than three months, with a registered "
                               "address here")),
    Option("stateless", N_("I am stateless (hontalan)")),
    Option("none", N_("None of these")),
)
DOMESTIC_VALUES = frozenset(o.value for o in RESIDENCE_OPTIONS) - {"none"}

DOCUMENTS: dict[str, str] = {
    "identity": N_("Proof of identity (személyazonosságot igazoló okmány): an identity card (a temporary one "
                   "too), a valid passport or a card-format driving licence"),
    "address": N_("Proof of address (lakcímet igazoló okmány)"),
    "expert-opinion": N_("The expert opinion, specialist authority's statement, official certificate or decision "
                         "that establishes your percentage (szakvélemény, szakhatósági állásfoglalás, hatósági "
                         "bizonyítvány vagy határozat)"),
    "income-certificate": N_("Proof of your income (jövedelemigazolás)"),
}

FORM_NAME_HU = "Egyéni bejelentés alapján egészségügyi szolgáltatásra jogosultak Bejelentő lapja"
FORM_CODE = "NEAK 2014.09. Eüszj."


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


@dataclass
class Decision:
    on: dt.date
    eligible: bool
    grounds: list[str]  # the grounds met, in GROUNDS order (empty when not domestic)
    starts: dict[str, dt.date | None]  # first day of entitlement per ground met; None: not known
    income_threshold: int | None
    pension_age_reached_on: dt.date | None
    documents: list[str]
    why: list[Step] = field(default_factory=list)

    def data(self) -> dict[str, object]:
        """The machine-readable result, without any wording."""
        return {
            "eligible": self.eligible,
            "grounds": self.grounds,
            "entitlement_starts": {g: iso(d) for g, d in self.starts.items()},
            "income_threshold": self.income_threshold,
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


def _unknown_parameter(err: parameters.ParameterUnknown) -> Problem:
    return Problem(
        "no-minimum-wage",
        Text(N_("No minimum wage is known for %(day)s: Kapu knows the figures from %(first)s to %(last)s."),
             {"day": err.day, "first": err.first, "last": err.last}),
        Text(N_("Choose a date in that range. Figures for later years are added once they are decided.")),
        field="on",
    )


def _percent_steps(s: Situation) -> tuple[list[str], list[Step]]:
    met, why = [], []
    checks = (
        ("work-capacity-change", s.work_capacity_change, lambda v: v >= WORK_CAPACITY_CHANGE_AT_LEAST,
         N_("Your work-capacity change is %(value)s%%: it reaches 50%%."),
         N_("Your work-capacity change is %(value)s%%: it does not reach 50%%.")),
        ("health-impairment", s.health_impairment, lambda v: v >= HEALTH_IMPAIRMENT_AT_LEAST,
         N_("Your health impairment is %(value)s%%: it reaches 40%%."),
         N_("Your health impairment is %(value)s%%: it does not reach 40%%.")),
        ("health-status", s.health_status, lambda v: v <= HEALTH_STATUS_AT_MOST,
         N_("Your health status is %(value)s%%: that is 50%% or lower."),
         N_("Your health status is %(value)s%%: that is above 50%%.")),
    )
    for code, value, holds, yes, no in checks:
        if value is None:
            continue
        ok = holds(value)
        if ok:
            met.append(code)
        why.append(Step(f"{code}-{'met' if ok else 'not-met'}", Text(yes if ok else no, {"value": percent(value)}),
                        SOURCE_003))
    return met, why


def _age_text(band: parameters.PensionAgeBand) -> Text:
    if band.days:
        return Text(N_("%(years)d years and %(days)d days"), {"years": band.years, "days": band.days})
    return Text(N_("%(years)d years"), {"years": band.years})


def decide(s: Situation) -> Decision:
    """Decide entitlement on `s.on`. Raises InvalidInput when the dates contradict each other or
    the minimum wage for the date is not known."""
    problems = _check_dates(s)
    if problems:
        raise InvalidInput(problems)
    why: list[Step] = []
    if s.domestic:
        why.append(Step("domestic", Text(N_("You count as domestic (belföldi) for social security.")), SOURCE_003))
    else:
        why.append(Step("not-domestic", Text(N_(
            "You do not count as domestic (belföldi) for social security: only people who do can be entitled "
            "on their own notification.")), SOURCE_003))

    met, percent_why = _percent_steps(s)
    why += percent_why
    starts: dict[str, dt.date | None] = {code: s.opinion_date for code in met}
    if met:
        why.append(
            Step("start-opinion", Text(N_("On this ground entitlement starts on the day the expert opinion was "
                                          "issued: %(day)s."), {"day": s.opinion_date}), SOURCE_003)
            if s.opinion_date else
            Step("start-opinion", Text(N_("On this ground entitlement starts on the day the expert opinion was "
                                          "issued.")), SOURCE_003))

    threshold = reached = None
    if s.birth_date is not None:
        reached = parameters.pension_age_reached_on(s.birth_date)
        band = parameters.pension_age_band(s.birth_date.year)
        why.append(Step(
            "pension-age-reached" if reached <= s.on else "pension-age-not-reached",
            Phrase(N_("Born in %(year)d, your old-age pension age is %(age)s: you reach it on %(day)s.")
                   if reached <= s.on else
                   N_("Born in %(year)d, your old-age pension age is %(age)s: you reach it only on %(day)s."),
                   {"year": s.birth_date.year, "age": _age_text(band), "day": reached}),
            band.reference))
    if s.birth_date is not None or s.monthly_income is not None:
        try:
            wage = parameters.minimum_wage(s.on)
            share = parameters.income_limit_share(s.on)
        except parameters.ParameterUnknown as err:
            raise InvalidInput([_unknown_parameter(err)]) from None
        threshold = parameters.income_threshold(s.on)
        why.append(Step("minimum-wage", Text(N_("The monthly minimum wage on %(day)s is %(wage)s Ft."),
                                             {"day": s.on, "wage": forints(wage.value)}),
                        f"{wage.reference}, {wage.start.isoformat()}"))
        why.append(Step("income-limit", Text(N_("The income limit is %(share)d%% of it: %(limit)s Ft. The income "
                                                "must be below it; the same amount is not enough."),
                                             {"share": share.value, "limit": forints(threshold)}),
                        share.reference))
    if s.monthly_income is not None and threshold is not None:
        below = s.monthly_income < threshold
        why.append(Step("income-below" if below else "income-not-below",
                        Text(N_("Your monthly income of %(income)s Ft is below %(limit)s Ft.") if below else
                             N_("Your monthly income of %(income)s Ft is not below %(limit)s Ft."),
                             {"income": forints(s.monthly_income), "limit": forints(threshold)}), SOURCE_003))
        if below and reached is not None and reached <= s.on:
            met.append("pension-age-low-income")
            start = max(reached, s.income_below_since) if s.income_below_since else None
            starts["pension-age-low-income"] = start
            why.append(
                Step("start-income", Text(N_("On this ground entitlement starts on %(day)s: the day your income "
                                             "fell below the limit, but not before you reached pension age."),
                                          {"day": start}), SOURCE_003)
                if start else
                Step("start-income", Text(N_("On this ground entitlement starts on the day your income fell below "
                                             "the limit, but not before you reached pension age.")), SOURCE_003))
    elif s.monthly_income is None and s.birth_date is not None and reached is not None and reached <= s.on:
        why.append(Step("income-missing", Text(N_("Enter your monthly income to check the pension-age ground.")),
                        SOURCE_003))
    elif s.birth_date is None and s.monthly_income is not None:
        why.append(Step("birth-date-missing", Text(N_("Enter your date of birth to check the pension-age ground.")),
                        SOURCE_003))

    if not s.domestic:
        met, starts = [], {}
    eligible = bool(met)
    why.append(Step("conclusion-eligible" if eligible else "conclusion-not-eligible",
                    Text(N_("At least one ground is met, and you count as domestic: you can be entitled on your own "
                            "notification.") if eligible else
                         N_("No ground is met on what you entered.") if s.domestic else
                         N_("Not being domestic, you cannot be entitled on your own notification.")),
                    TBJ_22))
    documents = ["identity", "address"]
    if any(g in met for g in PERCENT_GROUNDS):
        documents.append("expert-opinion")
    if "pension-age-low-income" in met:
        documents.append("income-certificate")
    return Decision(s.on, eligible, met, starts, threshold, reached, documents if eligible else [], why)


# --- the dated figures as tables for the page (one source: calculators/parameters/) ---------


def figures_table(lang: str) -> tuple[list[str], list[list[str]]]:
    """Minimum wage and income limit by effective date: headers and rows in `lang`."""
    wages = parameters.parameter("minimum_wage")
    share = parameters.income_limit_share(wages.values[0].start)
    headers = [Text(N_("From")), Text(N_("Minimum wage")),
               Text(N_("Income limit (%(share)d%%)"), {"share": share.value}), Text(N_("Source"))]
    rows = []
    for value in wages.values:
        reference = (Text(N_("%(reference)s (decree number not verified)"), {"reference": value.reference})
                     if not value.verified else None)
        rows.append([format_date(lang, value.start), f"{format_number(lang, value.value)} Ft",
                     f"{format_number(lang, parameters.income_threshold(value.start))} Ft",
                     reference.render(lang) if reference else value.reference])
    return [h.render(lang) for h in headers], rows


def pension_age_table(lang: str) -> tuple[list[str], list[list[str]]]:
    """Old-age pension age by year of birth: headers and rows in `lang`."""
    rows = []
    for band in parameters.pension_age_bands():
        if band.first_birth_year is None:
            born = Text(N_("before %(year)d"), {"year": band.last_birth_year + 1})
        elif band.last_birth_year is None:
            born = Text(N_("%(year)d or later"), {"year": band.first_birth_year})
        else:
            born = Text("%(year)d", {"year": band.first_birth_year})
        rows.append([born.render(lang), _age_text(band).render(lang), band.reference])
    return [translate(lang, N_("Born")), translate(lang, N_("Pension age")), translate(lang, N_("Source"))], rows


# --- reading raw values (web form and command line alike) ----------------------------------


def situation_from(values: dict[str, str], today: dt.date) -> Situation:
    """Build a Situation from raw strings. Raises InvalidInput with every problem found."""
    problems: list[Problem] = []

    def read(reader, name):
        try:
            return reader(values.get(name, ""), name)
        except FieldProblem as err:
            problems.append(err.problem)
            return None

    on = read(read_date, "on")
    residence = values.get("residence", "").strip()
    if residence not in DOMESTIC_VALUES and residence != "none":
        problems.append(Problem("residence-missing", Text(N_("Choose the sentence that describes you.")),
                                field="residence"))
    fields = {name: read(read_percent, name) for name in ("work_capacity_change", "health_impairment",
                                                          "health_status")}
    dates = {name: read(read_date, name) for name in ("opinion_date", "birth_date", "income_below_since")}
    income = read(read_forints, "monthly_income")
    if problems:
        raise InvalidInput(problems)
    return Situation(on or today, residence in DOMESTIC_VALUES, monthly_income=income, **fields, **dates)


CONDITION_FIELDS = ("work_capacity_change", "health_impairment", "health_status", "birth_date", "monthly_income")

FORM = Form(
    name=NAME,
    title=N_("Am I entitled on my own notification?"),
    fields=(
        Field("residence", "radios", N_("Which of these describes you?"), options=RESIDENCE_OPTIONS,
              hint=N_("Only people who count as domestic (belföldi) for social security can be entitled.")),
        Field("work_capacity_change", "percent", N_("Work-capacity change, in percent (optional)"),
              hint=N_("As in your official certificate. Leave it empty if you have none."), required=False,
              inputmode="numeric", width="short"),
        Field("health_impairment", "percent", N_("Health impairment, in percent (optional)"),
              hint=N_("As in your official certificate. Leave it empty if you have none."), required=False,
              inputmode="numeric", width="short"),
        Field("health_status", "percent", N_("Health status, in percent (optional)"),
              hint=N_("As in your official certificate. Leave it empty if you have none."), required=False,
              inputmode="numeric", width="short"),
        Field("opinion_date", "date", N_("Date the expert opinion was issued (optional)"),
              hint=N_("Entitlement on a percentage starts on this day."), required=False),
        Field("birth_date", "date", N_("Date of birth (optional)"),
              hint=N_("For the pension-age ground."), required=False),
        Field("monthly_income", "money", N_("Monthly income, in forints (optional)"),
              hint=N_("For the pension-age ground. Whole forints, for example 69 600."), required=False,
              inputmode="numeric", width="medium"),
        Field("income_below_since", "date", N_("The day your income fell below the limit (optional)"),
              hint=N_("Entitlement on the pension-age ground starts on this day."), required=False),
        Field("on", "date", N_("Date to check"), hint=N_("Leave it empty for today."), required=False),
    ),
)


def _answer(d: Decision) -> Answer:
    ground_texts = {
        "work-capacity-change": N_("Work-capacity change of at least 50%"),
        "health-impairment": N_("Health impairment of at least 40%"),
        "health-status": N_("Health status of 50% or lower"),
        "pension-age-low-income": N_("Pension age reached, with a monthly income below %(limit)s Ft"),
    }
    links = [Link(Text(N_("Find your government office")), calculator="office-finder")]
    if not d.eligible:
        return Answer(
            "negative",
            Text(N_("On what you entered, you cannot be entitled on your own notification on %(day)s."),
                 {"day": d.on}),
            notes=[Text(N_("If your certificate or your situation is different, or you are unsure, ask the "
                           "government office (kormányhivatal): they decide."))],
            why=d.why, links=links)
    facts: list[Text] = []
    for code in d.grounds:
        ground = (Text(ground_texts[code], {"limit": forints(d.income_threshold or 0)})
                  if code == "pension-age-low-income" else Text(ground_texts[code]))
        start = d.starts.get(code)
        facts.append(Phrase(N_("%(ground)s: from %(day)s"), {"ground": ground, "day": start})
                     if start else ground)
    facts += [Phrase(N_("Bring: %(document)s"), {"document": Text(DOCUMENTS[doc])}) for doc in d.documents]
    return Answer(
        "positive",
        Text(N_("Yes: on %(day)s you can be entitled to health services on your own notification."),
             {"day": d.on}),
        facts=facts,
        notes=[
            Text(N_("Fill in the form „%(form)s” (%(code)s: notification form for people entitled to health "
                    "services on their own notification), by hand legibly or typed."),
                 {"form": FORM_NAME_HU, "code": FORM_CODE}),
            Text(N_("Hand it in with the documents at the government office (kormányhivatal) of your place of "
                    "residence: in person, through someone you authorise, or by post.")),
        ],
        why=d.why, links=links)


def run(values: dict[str, str], today: dt.date) -> Outcome:
    """Answer the eligibility form. Never raises for any dict of strings."""
    if not any(values.get(name, "").strip() for name in CONDITION_FIELDS):
        return Outcome(NAME, "empty")
    try:
        decision = decide(situation_from(values, today))
    except InvalidInput as err:
        return Outcome(NAME, "problems", err.problems)
    return Outcome(NAME, "answer", answer=_answer(decision), data=decision.data())


# --- the declaration ---------------------------------------------------------------------------


def command_line_keys(outcome: dict, lang: str) -> dict[str, object]:
    """The keys `eligibility` has printed since version 0.1: the data, with the documents named and
    the steps worded."""
    if outcome["status"] != "answer":
        return {}
    return outcome["data"] | {
        "documents": [{"code": d, "name": translate(lang, DOCUMENTS[d])} for d in outcome["data"]["documents"]],
        "why": outcome["answer"]["why"],
    }


CALCULATOR = Calculator(
    name=NAME,
    form=FORM,
    run=run,
    tables={"minimum-wage": figures_table, "pension-age": pension_age_table},
    command=CommandLine(
        # Since version 0.1 the command line assumes a domestic person and asks for the date.
        switches=(Switch("--domestic", "residence", "hu-citizen-address",
                         "counts as domestic (belföldi) for social security (the default)"),
                  Switch("--not-domestic", "residence", "none", "does not count as domestic")),
        defaults={"residence": "hu-citizen-address"},
        required=("on",),
        keys=command_line_keys,
    ),
)
