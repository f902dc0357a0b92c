"""The validators calculator: one form that checks the codes a reader needs for Ügyfélkapu,
EESZT, Gosuslugi and VNeID. The checks are by country (rules/hu, rules/ru, rules/vn identifiers);
this module only puts them together, asks for them and words the answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from calculators.core.cleaning import InputTooLong, clean, incomplete_date, parse_date
from calculators.core.declaration import Calculator, CommandLine
from calculators.core.forms import Field, Form, Option
from calculators.core.i18n import N_, Text
from calculators.core.outcome import Answer, Outcome
from calculators.core.results import Problem
from calculators.rules.hu import identifiers as hu
from calculators.rules.identifiers import Kind, Validation
from calculators.rules.ru import identifiers as ru
from calculators.rules.vn import identifiers as vn

KINDS: dict[str, Kind] = {k.name: k for k in (*hu.KINDS, *ru.KINDS, *vn.KINDS)}


def validate(kind: str, value: str, today: dt.date, birth_date: dt.date | None = None) -> Validation:
    """Check `value` as an identifier of `kind`. Never raises for any string `value`."""
    try:
        cleaned = clean(value)
    except InputTooLong:
        return Validation(kind, False, "", [Problem(
            "too-long",
            Text(N_("This is far too long to be a code.")),
            Text(N_("Type or paste only the code itself.")),
        )])
    return KINDS[kind].check(cleaned, today, birth_date)


# --- the validators widget ----------------------------------------------------------------

FORM = Form(
    name="validators",
    title=N_("Check a code"),
    fields=(
        Field("kind", "select", N_("Which code?"),
              options=tuple(Option(k.name, k.label) for k in KINDS.values())),
        Field("value", "text", N_("Code"),
              hint=N_("Type or paste it: spaces and dashes are fine."), width="medium"),
        Field("birth_date", "date", N_("Date of birth (optional)"),
              hint=N_("Only for the Vietnamese number: we check the year of birth in it."),
              required=False),
    ),
)

_BAD_BIRTH_DATE = Problem(
    "birth-date-invalid",
    Text(N_("Enter the date of birth as a real date, for example 1990-05-31.")),
    field="birth_date",
)


def run(values: dict[str, str], today: dt.date) -> Outcome:
    """Answer the validators form: the outcome the page shows as the reader types."""
    kind = values.get("kind", "")
    if kind not in KINDS:
        return Outcome("validators", "problems", [Problem(
            "unknown-kind", Text(N_("Choose which code to check.")), field="kind")])
    birth_date = None
    if values.get("birth_date", "").strip():
        try:
            birth_date = parse_date(values["birth_date"])
        except ValueError as err:
            problem = incomplete_date("birth_date") if str(err) == "incomplete-date" else _BAD_BIRTH_DATE
            return Outcome("validators", "problems", [problem])
    result = validate(kind, values.get("value", ""), today, birth_date)
    data = {"kind": kind, "valid": result.valid, "normalized": result.normalized,
            "problems": [p.code for p in result.problems]}
    if result.problems and result.problems[0].code == "empty":
        return Outcome("validators", "empty", [replace(p, field="value") for p in result.problems], data=data)
    label = Text(KINDS[kind].label)
    headline = (
        Text(N_("Looks valid: %(normalized)s"), {"normalized": result.normalized})
        if result.valid
        else Text(N_("Not valid yet: what to fix is shown with the code you entered."))
    )
    return Outcome(
        "validators",
        "answer",
        errors=[replace(p, field="value") for p in result.problems],
        answer=Answer(
            "positive" if result.valid else "negative",
            headline,
            facts=[label, *result.details],
            notes=result.notes,
        ),
        data=data,
    )


def command_line_keys(outcome: dict, lang: str) -> dict[str, object]:
    """The keys `validate` has printed since version 0.1: kind, valid, normalized, problems (with
    their messages), notes and details (the facts after the code's name)."""
    data, answer = outcome["data"], outcome["answer"]
    if "valid" not in data:  # no code was checked (an unknown kind or a bad date of birth)
        return {}
    return {"kind": data["kind"], "valid": data["valid"], "normalized": data["normalized"],
            "notes": answer["notes"] if answer else [], "details": answer["facts"][1:] if answer else []}


CALCULATOR = Calculator(
    name="validators",
    sources=("ugyfelkapu-username-rules", "seed-ugyfelkapu-eeszt", "snils-check-number", "vn-id-number-structure"),
    form=FORM,
    run=run,
    command=CommandLine(aliases=("validate",), positional=("kind", "value"), keys=command_line_keys),
)
