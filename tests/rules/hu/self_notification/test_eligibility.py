"""Eligibility on one's own notification: the worked examples, the CLI, properties, input reading."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES
from calculators.rules.hu.self_notification import eligibility as el
from calculators.rules.hu.self_notification import eligibility_form

EXAMPLES = examples.load("eligibility")
TODAY = EXAMPLES["today"]


@pytest.mark.parametrize("example", EXAMPLES["example"], ids=lambda e: e["id"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_say_why_and_link_to_the_office_finder(example, lang):
    """Beyond the common checks (tests/test_worked_examples.py): what this calculator's answer holds."""
    outcome = web.run("eligibility", examples.values(EXAMPLES, example), lang, TODAY)
    assert not examples.mismatches(example, outcome)
    if outcome["answer"]:
        answer, eligible = outcome["answer"], outcome["data"]["eligible"]
        assert answer["headline"]
        assert answer["tone"] == ("neutral" if eligible is None else "positive" if eligible else "negative")
        assert [s["code"] for s in answer["why"]] == outcome["data"]["why"]
        # Every step cites its source; the answers-used step's source is the reader.
        assert all(s["message"] and (s["source"] or s["code"] == "answers-used") for s in answer["why"])
        assert answer["links"][-1] == {"text": answer["links"][-1]["text"], "calculator": "office-finder"}
    for error in outcome["errors"]:
        assert error["message"]


def test_examples_cover_the_boundaries():
    ids = {e["id"] for e in EXAMPLES["example"]}
    assert {"work-capacity-50", "work-capacity-49", "health-impairment-40", "health-status-50",
            "income-equal-to-limit", "pension-birthday-itself", "leap-day-birthday", "year-2027"} <= ids
    for example in EXAMPLES["example"]:
        assert set(example["title"]) == set(LANGUAGES), example["id"]


def test_percentages_only_need_no_minimum_wage_even_in_2027():
    out = web.run("eligibility", {"residence": "stateless", "on": "2027-03-01", "health_impairment": "40"}, "en", TODAY)
    assert out["data"]["eligible"] is True
    assert out["data"]["income_threshold"] is None


def test_on_defaults_to_the_today_passed_in():
    out = web.run("eligibility", {"residence": "hu-citizen-address", "birth_date": "1950-01-01",
                                  "monthly_income": "1"}, "en", "2023-11-30")
    assert out["data"]["income_threshold"] == 69_600
    out = web.run("eligibility", {"residence": "hu-citizen-address", "birth_date": "1950-01-01",
                                  "monthly_income": "1"}, "en", "2023-12-01")
    assert out["data"]["income_threshold"] == 80_040


def test_nothing_typed_is_empty_and_says_what_to_fill_in():
    out = web.run("eligibility", {}, "en", TODAY)
    assert out["status"] == "empty"
    # Only the first question matters yet (the flow, tests/rules/hu/self_notification/test_flows.py).
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("residence-missing", "residence")]
    out = web.run("eligibility", {"health_status": "40"}, "en", TODAY)
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("residence-missing", "residence")]


def test_none_of_these_is_a_clear_no_with_what_else_may_help():
    out = web.run("eligibility", {"residence": "none"}, "en", TODAY)
    answer = out["answer"]
    assert out["data"]["eligible"] is False and answer["tone"] == "negative"
    assert answer["headline"].startswith("No:")
    assert [s["code"] for s in answer["why"][:2]] == ["answers-used", "not-domestic"]
    assert {"text": "Who counts as domestic", "page": "guides/self-notification/#domestic"} in answer["links"]
    assert any("government office" in note for note in answer["notes"])


def test_the_old_long_term_residence_value_is_still_accepted():
    out = web.run("eligibility", {"residence": "immigrant-settled", "health_status": "40", "on": "2024-01-01"},
                  "en", TODAY)
    assert out["data"]["eligible"] is True


def test_december_2023_says_which_reading_was_taken():
    out = web.run("eligibility", {"residence": "hu-citizen-address", "on": "2023-12-05", "birth_date": "1950-01-01",
                                  "monthly_income": "75000"}, "en", TODAY)
    steps = {s["code"]: s for s in out["answer"]["why"]}
    assert "income-limit-uncertain" in steps and "508/2023" in steps["income-limit-uncertain"]["source"]
    assert "69,600" in out["answer"]["headline"] and "80,040" in out["answer"]["headline"]


def test_documents_follow_the_grounds():
    out = web.run("eligibility", {"residence": "hu-citizen-address", "on": "2023-03-01", "health_status": "40",
                                  "birth_date": "1950-01-01", "monthly_income": "0"}, "en", TODAY)
    assert out["data"]["documents"] == ["identity", "address", "expert-opinion", "income-certificate"]
    out = web.run("eligibility", {"residence": "hu-citizen-address", "on": "2023-03-01", "health_status": "40"},
                  "en", TODAY)
    assert out["data"]["documents"] == ["identity", "address", "expert-opinion"]
    notes = " ".join(out["answer"]["notes"])
    assert "Egyéni bejelentés alapján egészségügyi szolgáltatásra jogosultak Bejelentő lapja" in notes
    assert "NEAK 2014.09. Eüszj." in notes


def test_pension_start_is_not_before_pension_age():
    out = web.run("eligibility", {"residence": "hu-citizen-address", "on": "2023-06-20", "birth_date": "1958-06-15",
                                  "monthly_income": "0", "income_below_since": "2020-01-01"}, "en", TODAY)
    assert out["data"]["entitlement_starts"] == {"pension-age-low-income": "2023-06-15"}


def test_far_away_years_are_a_problem_not_a_crash():
    out = web.run("eligibility", {"residence": "stateless", "on": "9999-12-31", "birth_date": "9999-01-01",
                                  "monthly_income": "1"}, "en", TODAY)
    # in the form's order, as the error summary lists them
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("year-out-of-range", "birth_date"),
                                                               ("year-out-of-range", "on")]


# --- reading what people type ---------------------------------------------------------------

@pytest.mark.parametrize(("typed", "value"), [
    ("50", "50"), ("50 %", "50"), ("50%", "50"), ("50,0", "50.0"), ("49.5", "49.5"), (" ５０ ", "50"), ("0", "0"),
    ("100", "100"),
])
def test_percentages_accepted(typed, value):
    from decimal import Decimal

    from calculators.rules.hu.self_notification.inputs import read_percent
    assert read_percent(typed, "f") == Decimal(value)


@pytest.mark.parametrize(("typed", "code"), [
    ("101", "above-100"), ("-1", "negative"), ("fifty", "not-a-percentage"), ("5 0", "not-a-percentage"),
    ("50 %%", "not-a-percentage"), ("1e2", "not-a-percentage"), ("x" * 500, "too-long"),
])
def test_percentages_refused(typed, code):
    from calculators.rules.hu.self_notification.inputs import FieldProblem, read_percent
    with pytest.raises(FieldProblem) as err:
        read_percent(typed, "f")
    assert err.value.problem.code == code
    assert err.value.problem.field == "f"


@pytest.mark.parametrize(("typed", "value"), [
    ("69600", 69_600), ("69 600", 69_600), ("69.600 Ft", 69_600), ("69.600,- Ft", 69_600), ("69 600 HUF", 69_600),
    ("69600 forint", 69_600), ("1.000.000", 1_000_000), ("0", 0), ("69\u00a0600\u00a0Ft", 69_600),
])
def test_forints_accepted(typed, value):
    from calculators.rules.hu.self_notification.inputs import read_forints
    assert read_forints(typed, "f") == value


@pytest.mark.parametrize(("typed", "code"), [
    ("69,600", "not-an-amount"),      # 69 thousand in English, 69.6 in Hungarian: refused
    ("69.6", "not-an-amount"), ("69600.50", "not-an-amount"), ("1 000.000", "not-an-amount"),
    ("-5", "negative"), ("sok", "not-an-amount"), ("$100", "not-an-amount"),
])
def test_forints_refused(typed, code):
    from calculators.rules.hu.self_notification.inputs import FieldProblem, read_forints
    with pytest.raises(FieldProblem) as err:
        read_forints(typed, "f")
    assert err.value.problem.code == code


# What people type, and what a program might send: any text, any date, any number.
RAW = st.one_of(st.text(max_size=60), st.dates().map(str), st.integers().map(str),
                st.sampled_from(["yes", "no", "none", "stateless", "hu-citizen-address"]))

# --- properties -------------------------------------------------------------------------------

PERCENT = st.integers(min_value=0, max_value=100)
FIELDS = [*sorted(f.name for f in eligibility_form.FORM.fields), "junk"]


@given(st.dictionaries(st.sampled_from(FIELDS), RAW), st.sampled_from(LANGUAGES))
@settings(max_examples=300, deadline=None)
def test_run_never_raises_for_any_strings(values, lang):
    out = web.run("eligibility", values, lang, TODAY)
    assert out["status"] in ("empty", "answer", "problems")
    if out["status"] == "problems":
        assert out["errors"] and all(e.get("field") for e in out["errors"])
    json.dumps(out)


@given(st.sampled_from(["work_capacity_change", "health_impairment"]), PERCENT, PERCENT)
def test_eligibility_is_monotone_in_the_percentages(field, a, b):
    """More work-capacity change or health impairment never takes entitlement away."""
    low, high = sorted((a, b))
    run = lambda v: web.run("eligibility", {"residence": "stateless", "on": "2024-01-01", field: str(v)},  # noqa: E731
                            "en", TODAY)["data"]["eligible"]
    assert run(low) <= run(high)


@given(PERCENT, PERCENT)
def test_a_lower_health_status_never_takes_entitlement_away(a, b):
    low, high = sorted((a, b))
    run = lambda v: web.run("eligibility", {"residence": "stateless", "on": "2024-01-01", "health_status": str(v)},  # noqa: E731
                            "en", TODAY)["data"]["eligible"]
    assert run(high) <= run(low)


@given(st.integers(min_value=0, max_value=200_000), st.integers(min_value=0, max_value=200_000),
       st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_less_income_never_takes_entitlement_away(a, b, on):
    low, high = sorted((a, b))
    situation = lambda income: el.Situation(on, True, birth_date=dt.date(1950, 1, 1), monthly_income=income)  # noqa: E731
    rank = {False: 0, None: 1, True: 2}  # None: "it depends" (December 2023), between no and yes
    assert rank[el.decide(situation(high)).eligible] <= rank[el.decide(situation(low)).eligible]


@given(st.integers(min_value=0, max_value=100), st.booleans())
def test_not_domestic_is_never_eligible(pct, low_income):
    s = el.Situation(dt.date(2024, 1, 1), False, pct, pct, pct, birth_date=dt.date(1950, 1, 1),
                     monthly_income=0 if low_income else 10**6)
    assert el.decide(s).eligible is False
