"""The office-finder calculator ("Find your government office"): the wording of the answer, the
form and the declaration. The lookup itself (postcode or name → places → county → office) is
office_finder.py.
"""

from __future__ import annotations

import datetime as dt

from calculators.core import sources
from calculators.core.declaration import Calculator, CommandLine
from calculators.core.forms import Field, Form
from calculators.core.i18n import N_, Text, translate
from calculators.core.outcome import Answer, Choice, Link, Outcome
from calculators.core.results import InvalidInput, Step
from calculators.rules.hu.offices.office_finder import (
    BUDAPEST,
    DEPARTMENT_SOURCE,
    EMPTY,
    POSTCODE_SOURCE,
    RESIDENCE_REFERENCE,
    RESIDENCE_SOURCE_ID,
    ROMAN,
    Found,
    Gazetteer,
    NothingTyped,
    Office,
    find,
    gazetteer,
    offices,
)

# --- the answer -----------------------------------------------------------------------------


def _place_fact(found: Found) -> Text:
    if found.postcode is None:
        return Text(N_("Settlement: %(settlements)s (postcodes: %(postcodes)s)"),
                    {"settlements": ", ".join(found.settlements), "postcodes": _short_list(found.postcodes)})
    districts = sorted({p.district for p in found.places if p.district is not None})
    if districts:
        return Text(N_("Postcode %(postcode)s: Budapest, district %(district)s"),
                    {"postcode": found.postcode, "district": ", ".join(ROMAN[d] for d in districts)})
    return Text(N_("Postcode %(postcode)s: %(settlements)s"),
                {"postcode": found.postcode, "settlements": ", ".join(found.settlements)})


def _short_list(codes: list[str], at_most: int = 6) -> str:
    return ", ".join(codes) if len(codes) <= at_most else f"{codes[0]}–{codes[-1]}"


def _office_facts(office: Office) -> list[Text]:
    facts = [
        Text(N_("Budapest's government office; its health-insurance department receives the "
                "self-notification.")) if office.county_code == BUDAPEST else
        Text(N_("The government office of %(county)s county; its health-insurance department receives the "
                "self-notification."), {"county": office.county}),
        Text(N_("Seat: %(seat)s"), {"seat": office.seat}),
    ]
    for value, label in (
        (office.address, N_("Postal address: %(value)s")),
        (office.phone, N_("Phone: %(value)s")),
        (office.email, N_("E-mail: %(value)s")),
        (office.hours, N_("Opening hours: %(value)s")),
    ):
        if value:
            facts.append(Text(label, {"value": value}))
    facts.append(Text(N_("Source: %(source)s. Last checked: %(checked)s."),
                      {"source": office.source, "checked": _as_date(office.checked)}))
    return facts


def _as_date(text: str) -> dt.date | str:
    """A YYYY-MM-DD date as a date, so that the answer writes it the page's way; anything else as it is."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def _why(found: Found, office: Office) -> list[Step]:
    place = ", ".join(found.settlements)
    where = (Text(N_("Every Budapest district belongs to Budapest's government office."))
             if office.county_code == BUDAPEST else
             Text(N_("%(place)s is in %(county)s county, so that county's government office is yours."),
                  {"place": place, "county": office.county}))
    return [
        Step("residence", Text(N_("The self-notification goes to the government office of the place where "
                                  "you live or stay.")),
             f"{sources.source(RESIDENCE_SOURCE_ID).title}; {RESIDENCE_REFERENCE}"),
        Step("county", where, POSTCODE_SOURCE),
        Step("department", Text(N_("In that office, the department acting as health-insurance fund handles "
                                   "it.")), DEPARTMENT_SOURCE),
    ]


def office_answer(found: Found) -> Answer:
    office = found.office
    assert office is not None  # only called when the places share a county
    notes = []
    if not (office.address and office.phone):
        notes.append(Text(N_("We show no street address, phone number or e-mail because we could not verify "
                             "them yet. Check them on the official page before you go or send post.")))
    links = [
        Link(Text(N_("Official page of the office")) if office.url else
             Text(N_("Official information on kormanyablak.hu (procedure EGBIZ00002)")), office.link),
        Link(Text(N_("Show %(office)s on OpenStreetMap"), {"office": office.name}), office.map_url),
    ]
    return Answer(
        "positive",
        Text(N_("Your office: %(office)s"), {"office": office.name}),
        facts=[_place_fact(found), *_office_facts(office)],
        notes=notes,
        why=_why(found, office),
        links=links,
    )


def choice_label(name: str, g: Gazetteer) -> str:
    """"Komló (Baranya)": the county tells look-alike names apart, in no particular language."""
    county = g.groups[name][0].county
    return name if county == BUDAPEST else f"{name} ({offices()[county].county})"


def choices_answer(found: Found) -> Answer:
    if found.postcode is not None:
        headline = Text(N_("Postcode %(postcode)s covers settlements in more than one county: choose yours "
                           "from the list."), {"postcode": found.postcode})
    elif found.guessed:
        headline = Text(N_("Did you mean one of these? Choose your settlement from the list."))
    else:
        headline = Text(N_("Settlements in more than one county have this name: choose yours from the list."))
    return Answer("neutral", headline)


def as_data(found: Found) -> dict[str, object]:
    office = found.office
    return {
        "postcode": found.postcode,
        "settlements": found.settlements,
        "postcodes": found.postcodes,
        "county": found.county,
        "office": office.as_dict() if office else None,
    }


# --- the widget -----------------------------------------------------------------------------

NAME = "office-finder"
FORM = Form(
    name=NAME,
    title=N_("Find your government office"),
    fields=(
        Field("query", "text", N_("Postcode or settlement"),
              hint=N_("The postcode of your home, for example 9021, or the name of the settlement, for "
                      "example Győr."),
              autocomplete="postal-code", width="medium"),
        Field("pick", "choices", N_("Choose your settlement"), required=False),
    ),
    submit=N_("Find the office"),
)


def run(values: dict[str, str], today: dt.date) -> Outcome:
    """Answer the office finder form as the reader types."""
    g = gazetteer()
    try:
        found = find(values.get("query", ""), values.get("pick", ""), g)
    except NothingTyped:
        return Outcome(NAME, "empty", [EMPTY])
    except InvalidInput as invalid:
        return Outcome(NAME, "problems", invalid.problems,
                       data={"problems": [p.code for p in invalid.problems]})
    choices = {"pick": [Choice(n, choice_label(n, g)) for n in found.choices]} if found.choices else {}
    answer = office_answer(found) if found.office else choices_answer(found)
    return Outcome(NAME, "answer", answer=answer, data=as_data(found), choices=choices)


# --- the declaration ---------------------------------------------------------------------------


def command_line_keys(outcome: dict, lang: str) -> dict[str, object]:
    """The keys `office` has printed since version 0.1: the data; while the reader still has to
    choose a settlement, a problem that says how to give one (exit status 1). The choices are the
    outcome's own `choices` ({"pick": [{"value", "label"}]}); 0.1 printed a list of names there."""
    if outcome["status"] != "answer":
        return {}
    keys = {k: v for k, v in outcome["data"].items() if k != "choices"}
    if outcome["data"]["office"] is None and outcome["choices"].get("pick"):
        keys["problems"] = [{"code": "choose", "message": outcome["answer"]["headline"],
                             "hint": translate(lang, N_("Run the command again with --pick and one of the "
                                                        "choices."))}]
    return keys


CALCULATOR = Calculator(
    name=NAME,
    form=FORM,
    run=run,
    command=CommandLine(aliases=("office",), positional=("query",), keys=command_line_keys),
)
