"""The eligibility calculator ("Am I entitled on my own notification?"): its questions, how typed
answers are read, the wording of the answer, the page tables of its figures, and the declaration.
The rule itself (Tbj. 22. § (1) j)–k), (3)) is eligibility.py.
"""

from __future__ import annotations

import datetime as dt

from calculators.core.declaration import Calculator, CommandLine, Switch
from calculators.core.forms import Field, Form, Option
from calculators.core.i18n import N_, Text, format_date, format_number, translate
from calculators.core.outcome import Answer, Link, Outcome
from calculators.core.results import InvalidInput, Problem
from calculators.rules.hu.self_notification import figures
from calculators.rules.hu.self_notification.eligibility import (
    Decision,
    Situation,
    age_text,
    decide,
)
from calculators.rules.hu.self_notification.inputs import FieldProblem, read_date, read_forints, read_percent
from calculators.rules.hu.self_notification.wording import Phrase, forints

NAME = "eligibility"

# Who counts as domestic (belföldi), as plain answers to "which of these describes you?"
# (Tbj. 22. § (3) and (7) a), and the definition of "belföldi" in Tbj. 4. § 1.; NEAK's page lists
# the same people). The long-term residence option follows the current wording of Tbj. 4. § 1.1,
# "huzamos tartózkodási jogosultsággal rendelkező"; older texts (and NEAK's page of 2023) said
# "bevándorolt vagy letelepedett" (immigrant or settled). When the wording changed is not verified.
RESIDENCE_OPTIONS = (
    Option("hu-citizen-address", N_("I am a Hungarian citizen with a registered address (lakóhely) in Hungary")),
    Option("hu-citizen-living", N_("I am a Hungarian citizen living in Hungary without a registered address, "
                                   "and I have not reported being insured abroad or by an international "
                                   "organisation")),
    Option("long-term-residence", N_("I live in Hungary with a right of long-term residence (huzamos tartózkodási "
                                     "jogosultság; formerly immigrant or settled status, bevándorolt or "
                                     "letelepedett)")),
    Option("refugee-protected", N_("I am recognised in Hungary as a refugee (menekült) or as a beneficiary of "
                                   "protection (oltalmazott)")),
    Option("free-movement", N_("I am an EU or EEA citizen (or a family member of one) with the right of free "
                               "movement, staying in Hungary for more than three months, with a registered "
                               "address here")),
    Option("stateless", N_("I am stateless (hontalan)")),
    Option("none", N_("None of these")),
)
DOMESTIC_VALUES = frozenset(o.value for o in RESIDENCE_OPTIONS) - {"none"}
# Earlier value of the long-term residence option, still accepted from links and embedders.
RESIDENCE_ALIASES = {"immigrant-settled": "long-term-residence"}

# Which ground of Tbj. 22. § (1) the reader checks: j) (a certified percentage) or k) (pension age
# and income), or none of them (answered at once: No).
GROUND_OPTIONS = (
    Option("certificate", N_("An official certificate states my work-capacity change, health impairment or health "
                             "status as a percentage")),
    Option("pension-age", N_("I have reached my old-age pension age, or will on the date I check, and my monthly "
                             "income is low")),
    Option("none", N_("None of these")),
)
GROUND_FIELDS = {
    "certificate": ("work_capacity_change", "health_impairment", "health_status", "opinion_date"),
    "pension-age": ("birth_date", "monthly_income", "income_below_since"),
}
ALL_GROUND_FIELDS = tuple(name for names in GROUND_FIELDS.values() for name in names)


def _residence(values: dict[str, str]) -> str:
    residence = values.get("residence", "").strip()
    return RESIDENCE_ALIASES.get(residence, residence)


def grounds_asked(values: dict[str, str]) -> set[str]:
    """The grounds whose questions matter: the one chosen; when the question is not answered (the
    command line and embedders send every answer at once), each ground whose answers were given."""
    ground = values.get("ground", "").strip()
    if ground in GROUND_FIELDS or ground == "none":
        return {ground}
    return {g for g, names in GROUND_FIELDS.items() if any(values.get(n, "").strip() for n in names)}


def relevant(values: dict[str, str]) -> list[str]:
    """Which questions matter now: where the reader stands first; only a domestic reader is asked
    which ground applies (Tbj. 22. § (3)); then only that ground's questions and the date to check.
    "None of these", to either question, is answered at once."""
    if _residence(values) not in DOMESTIC_VALUES:
        return ["residence"]
    grounds = grounds_asked(values)
    asked = ["residence", "ground"]
    for ground in sorted(grounds - {"none"}):
        asked += GROUND_FIELDS[ground]
    if grounds and "none" not in grounds:
        asked.append("on")
    return asked

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


# --- the dated figures as tables for the page (one source: parameters/, beside this file) ---


def figures_table(lang: str) -> tuple[list[str], list[list[str]]]:
    """Minimum wage and income limit by effective date: headers and rows in `lang`."""
    wages = figures.parameter("minimum_wage")
    share = figures.income_limit_share(wages.values[0].start)
    headers = [Text(N_("From")), Text(N_("Minimum wage")),
               Text(N_("Income limit (%(share)d%%)"), {"share": share.value}), Text(N_("Source"))]
    rows = []
    for value in wages.values:
        reference = (Text(N_("%(reference)s (decree number not verified)"), {"reference": value.reference})
                     if not value.verified else None)
        rows.append([format_date(lang, value.start), f"{format_number(lang, value.value)} Ft",
                     f"{format_number(lang, figures.income_threshold(value.start))} Ft",
                     reference.render(lang) if reference else value.reference])
    return [h.render(lang) for h in headers], rows


def pension_age_table(lang: str) -> tuple[list[str], list[list[str]]]:
    """Old-age pension age by year of birth: headers and rows in `lang`."""
    rows = []
    for band in figures.pension_age_bands():
        if band.first_birth_year is None:
            born = Text(N_("before %(year)d"), {"year": band.last_birth_year + 1})
        elif band.last_birth_year is None:
            born = Text(N_("%(year)d or later"), {"year": band.first_birth_year})
        else:
            born = Text("%(year)d", {"year": band.first_birth_year})
        rows.append([born.render(lang), age_text(band).render(lang), band.reference])
    return [translate(lang, N_("Born")), translate(lang, N_("Pension age")), translate(lang, N_("Source"))], rows


# --- reading raw values (web form and command line alike) ----------------------------------


def _residence_missing() -> Problem:
    return Problem("residence-missing", Text(N_("Choose the sentence that describes you.")),
                   Text(N_("If none does, choose “None of these”.")), field="residence")


def _ground_missing() -> Problem:
    return Problem("ground-missing", Text(N_("Choose which of these applies to you.")),
                   Text(N_("If none does, choose “None of these”.")), field="ground")


def _condition_missing() -> Problem:
    return Problem("condition-missing", Text(N_("Enter at least one percentage from your official certificate.")),
                   Text(N_("Leave the others empty.")), field="work_capacity_change")


def _birth_date_missing() -> Problem:
    return Problem("birth-date-missing", Text(N_("Enter your date of birth to check the pension-age ground.")),
                   field="birth_date")


def _missing_answers(s: Situation, grounds: set[str]) -> list[Problem]:
    """Required answers the reader left out: a domestic reader must say which ground applies and
    give what that ground needs; the pension-age ground needs both the date of birth and the
    income (when the age is reached)."""
    if not s.domestic or "none" in grounds:
        return []  # "None of these" is answered at once: No
    if not grounds:
        return [_ground_missing()]
    percentages = (s.work_capacity_change, s.health_impairment, s.health_status)
    problems = []
    if "certificate" in grounds and "pension-age" not in grounds and all(v is None for v in percentages):
        problems.append(_condition_missing())
    if "pension-age" in grounds and s.birth_date is None:
        problems.append(_birth_date_missing())
    if (s.birth_date is not None and s.monthly_income is None and s.birth_date < s.on
            and figures.pension_age_reached_on(s.birth_date) <= s.on):
        problems.append(Problem("income-missing", Text(N_("Enter your monthly income to check the pension-age "
                                                          "ground.")),
                                Text(N_("Whole forints, for example 69 600.")), field="monthly_income"))
    return problems


def situation_from(values: dict[str, str], today: dt.date) -> Situation:
    """Build a Situation from raw strings. Raises InvalidInput with every problem found, required
    answers left out among them (never a default)."""
    problems: list[Problem] = []

    def read(reader, name):
        try:
            return reader(values.get(name, ""), name)
        except FieldProblem as err:
            problems.append(err.problem)
            return None

    on = read(read_date, "on")
    residence = _residence(values)
    if residence not in DOMESTIC_VALUES and residence != "none":
        problems.append(_residence_missing())
    grounds = grounds_asked(values)
    fields = {name: read(read_percent, name) for name in ("work_capacity_change", "health_impairment",
                                                          "health_status")}
    dates = {name: read(read_date, name) for name in ("opinion_date", "birth_date", "income_below_since")}
    income = read(read_forints, "monthly_income")
    if problems:
        raise InvalidInput(_in_form_order(problems))
    situation = Situation(on or today, residence in DOMESTIC_VALUES, monthly_income=income, **fields, **dates,
                          no_ground="none" in grounds)
    missing = _missing_answers(situation, grounds)
    if missing:
        raise InvalidInput(missing)
    return situation


def _in_form_order(problems: list[Problem]) -> list[Problem]:
    order = [f.name for f in FORM.fields]
    return sorted(problems, key=lambda p: order.index(p.field) if p.field in order else len(order))


FORM = Form(
    name=NAME,
    title=N_("Am I entitled on my own notification?"),
    intro=N_("First say where you stand, then which ground applies to you; only that ground's questions follow. "
             "If none applies, you get the answer at once."),
    fields=(
        Field("residence", "radios", N_("Which of these describes you?"), options=RESIDENCE_OPTIONS,
              hint=N_("Only people who count as domestic (belföldi) for social security can be entitled. If one of "
                      "these describes you, you are asked next which ground applies."),
              controls=("ground", *ALL_GROUND_FIELDS, "on")),
        Field("ground", "radios", N_("Which of these applies to you?"), options=GROUND_OPTIONS,
              hint=N_("You are then asked only the questions for that ground."), required=False,
              # Asked of every domestic reader (ground-missing); the command line and embedders may
              # leave it out and give a ground's answers instead (grounds_asked).
              controls=(*ALL_GROUND_FIELDS, "on")),
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


GROUND_TEXTS = {
    "work-capacity-change": N_("Work-capacity change of at least %(limit)d%%"),
    "health-impairment": N_("Health impairment of at least %(limit)d%%"),
    "health-status": N_("Health status of %(limit)d%% or lower"),
    "pension-age-low-income": N_("Pension age reached, with a monthly income below %(limit)s Ft"),
}
GROUND_LIMITS = {"work-capacity-change": "work_capacity_change_at_least",
                 "health-impairment": "health_impairment_at_least", "health-status": "health_status_at_most"}


def _ground_text(d: Decision, code: str) -> Text:
    if code == "pension-age-low-income":
        return Text(GROUND_TEXTS[code], {"limit": forints(d.income_threshold or 0)})
    return Text(GROUND_TEXTS[code], {"limit": figures.value(GROUND_LIMITS[code], d.on).value})


def _no_ground(d: Decision, links: list[Link]) -> Answer:
    """"None of these" grounds: a clear No at once, and what else may help."""
    return Answer(
        "negative",
        Text(N_("No: without one of these grounds you cannot be entitled on your own notification.")),
        notes=[Text(N_("Tbj. 22. § (1) lists other grounds of insurance and entitlement too. The government office "
                       "(kormányhivatal) can tell you whether one of them applies to you.")),
               Text(N_("If an official certificate later states one of these percentages, or you reach pension age "
                       "with a low income, check again."))],
        why=d.why,
        links=[Link(Text(N_("Who can be entitled")), page="guides/self-notification/#who-can"), *links])


def _not_eligible(d: Decision, links: list[Link]) -> Answer:
    if any(s.code == "no-ground" for s in d.why):
        return _no_ground(d, links)
    domestic = d.why[0].code == "domestic"
    notes = [Text(N_("If your certificate or your situation is different, or you are unsure, ask the "
                     "government office (kormányhivatal): they decide."))]
    if not domestic:
        notes.insert(0, Text(N_("Only people who count as domestic (belföldi) for social security can be entitled "
                                "on their own notification. If one of the sentences does describe you, choose it. "
                                "The guide explains who counts as domestic.")))
        links = [Link(Text(N_("Who counts as domestic")), page="guides/self-notification/#domestic"), *links]
    headline = (Text(N_("No: on what you entered, you cannot be entitled on your own notification on %(day)s."),
                     {"day": d.on}) if domestic else
                Text(N_("No: not counting as domestic, you cannot be entitled on your own notification.")))
    return Answer("negative", headline, notes=notes, why=d.why, links=links)


def _uncertain(d: Decision, links: list[Link]) -> Answer:
    low = min(d.income_threshold or 0, d.income_threshold_alternative or 0)
    high = max(d.income_threshold or 0, d.income_threshold_alternative or 0)
    return Answer(
        "neutral",
        Text(N_("It depends: on %(day)s the income limit is either %(low)s Ft or %(high)s Ft, and the law does not "
                "settle which."), {"day": d.on, "low": forints(low), "high": forints(high)}),
        facts=[Text(N_("With a limit of %(limit)s Ft, your income is below it: you can be entitled on the "
                       "pension-age ground."), {"limit": forints(high)}),
               Text(N_("With a limit of %(limit)s Ft, your income is not below it: you cannot be entitled on the "
                       "pension-age ground."), {"limit": forints(low)})],
        notes=[Text(N_("Ask the government office (kormányhivatal) which limit it applies for December 2023: "
                       "they decide."))],
        why=d.why, links=links)


def _answer(d: Decision) -> Answer:
    links = [Link(Text(N_("Find your government office")), calculator="office-finder")]
    if d.eligible is None:
        return _uncertain(d, links)
    if not d.eligible:
        return _not_eligible(d, links)
    facts: list[Text] = []
    for code in d.grounds:
        start = d.starts.get(code)
        facts.append(Phrase(N_("%(ground)s: from %(day)s"), {"ground": _ground_text(d, code), "day": start})
                     if start else _ground_text(d, code))
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
    """Answer the eligibility form. Never raises for any dict of strings.

    Nothing answered yet: status "empty", with an error for each required question (what to fill
    in), which the page shows on submit only. Partly answered: status "problems", the same way.
    "None of these" is answered at once: No, with why and what else may help."""
    if not any(str(v).strip() for v in values.values()):
        return Outcome(NAME, "empty", [_residence_missing()])
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
    relevant=relevant,
    tables={"minimum-wage": figures_table, "pension-age": pension_age_table},
    command=CommandLine(
        # The command line states its default in --help (the web form has none: it asks).
        switches=(Switch("--domestic", "residence", "hu-citizen-address",
                         "counts as domestic (belföldi) for social security (the default on the command line)"),
                  Switch("--not-domestic", "residence", "none", "does not count as domestic (belföldi)")),
        defaults={"residence": "hu-citizen-address"},
        required=("on",),
        keys=command_line_keys,
    ),
)
