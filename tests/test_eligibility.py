"""Eligibility on one's own notification: the worked examples, the CLI, properties, input reading."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import examples, web
from calculators.hu_self_notification import eligibility as el
from calculators.i18n import LANGUAGES

EXAMPLES = examples.load("eligibility")
TODAY = EXAMPLES["today"]


def form_values(example: dict) -> dict[str, str]:
    """The raw strings a reader types for an example (domestic unless it says otherwise)."""
    return {**EXAMPLES["defaults"], **example["values"]}


def mismatches(example: dict, outcome: dict) -> list[str]:
    """What in a web outcome disagrees with the example's expectations (shared with the browser tests)."""
    wrong = []
    if "problems" in example:
        got = [{"code": e["code"], "field": e.get("field")} for e in outcome["errors"]]
        if outcome["status"] != example.get("status", "problems") or got != example["problems"]:
            wrong.append(f"problems: {got}")
        return wrong
    data = outcome["data"]
    if outcome["status"] != "answer":
        return [f"status {outcome['status']}: {outcome['errors']}"]
    expected = dict(example)
    if example.get("uncertain"):
        expected["eligible"] = None  # it depends on which limit applies (December 2023)
    if "income_threshold" in example:
        expected.setdefault("income_threshold_alternative", None)
    for key in ("eligible", "grounds", "income_threshold", "income_threshold_alternative", "pension_age_reached_on"):
        if key in expected and data[key] != expected[key]:
            wrong.append(f"{key}: {data[key]!r}")
    if "starts" in example:
        expected = {g: day or None for g, day in example["starts"].items()}
        if data["entitlement_starts"] != expected:
            wrong.append(f"starts: {data['entitlement_starts']}")
    return wrong


@pytest.mark.parametrize("example", EXAMPLES["example"], ids=lambda e: e["id"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_worked_examples(example, lang):
    outcome = web.run("eligibility", form_values(example), lang, TODAY)
    assert not mismatches(example, outcome)
    if outcome["answer"]:
        answer = outcome["answer"]
        assert answer["headline"]
        tone = "neutral" if example.get("uncertain") else "positive" if example["eligible"] else "negative"
        assert answer["tone"] == tone
        assert [s["code"] for s in answer["why"]] == outcome["data"]["why"]
        assert all(s["message"] and s["source"] for s in answer["why"])
        assert answer["links"][-1]["href"] == "../office-finder/"
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
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("residence-missing", "residence"),
                                                               ("condition-missing", "work_capacity_change")]
    out = web.run("eligibility", {"health_status": "40"}, "en", TODAY)
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("residence-missing", "residence")]


def test_none_of_these_is_a_clear_no_with_what_else_may_help():
    out = web.run("eligibility", {"residence": "none"}, "en", TODAY)
    answer = out["answer"]
    assert out["data"]["eligible"] is False and answer["tone"] == "negative"
    assert answer["headline"].startswith("No:")
    assert answer["why"][0]["code"] == "not-domestic"
    assert any("guides/self-notification/#domestic" in link["href"] for link in answer["links"])
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

    from calculators.hu_self_notification.inputs import read_percent
    assert read_percent(typed, "f") == Decimal(value)


@pytest.mark.parametrize(("typed", "code"), [
    ("101", "above-100"), ("-1", "negative"), ("fifty", "not-a-percentage"), ("5 0", "not-a-percentage"),
    ("50 %%", "not-a-percentage"), ("1e2", "not-a-percentage"), ("x" * 500, "too-long"),
])
def test_percentages_refused(typed, code):
    from calculators.hu_self_notification.inputs import FieldProblem, read_percent
    with pytest.raises(FieldProblem) as err:
        read_percent(typed, "f")
    assert err.value.problem.code == code
    assert err.value.problem.field == "f"


@pytest.mark.parametrize(("typed", "value"), [
    ("69600", 69_600), ("69 600", 69_600), ("69.600 Ft", 69_600), ("69.600,- Ft", 69_600), ("69 600 HUF", 69_600),
    ("69600 forint", 69_600), ("1.000.000", 1_000_000), ("0", 0), ("69\u00a0600\u00a0Ft", 69_600),
])
def test_forints_accepted(typed, value):
    from calculators.hu_self_notification.inputs import read_forints
    assert read_forints(typed, "f") == value


@pytest.mark.parametrize(("typed", "code"), [
    ("69,600", "not-an-amount"),      # 69 thousand in English, 69.6 in Hungarian: refused
    ("69.6", "not-an-amount"), ("69600.50", "not-an-amount"), ("1 000.000", "not-an-amount"),
    ("-5", "negative"), ("sok", "not-an-amount"), ("$100", "not-an-amount"),
])
def test_forints_refused(typed, code):
    from calculators.hu_self_notification.inputs import FieldProblem, read_forints
    with pytest.raises(FieldProblem) as err:
        read_forints(typed, "f")
    assert err.value.problem.code == code


# What people type, and what a program might send: any text, any date, any number.
RAW = st.one_of(st.text(max_size=60), st.dates().map(str), st.integers().map(str),
                st.sampled_from(["yes", "no", "none", "stateless", "hu-citizen-address"]))

# --- properties -------------------------------------------------------------------------------

PERCENT = st.integers(min_value=0, max_value=100)
FIELDS = [*sorted(f.name for f in el.FORM.fields), "junk"]


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
    assert el.decide(situation(high)).eligible <= el.decide(situation(low)).eligible


@given(st.integers(min_value=0, max_value=100), st.booleans())
def test_not_domestic_is_never_eligible(pct, low_income):
    s = el.Situation(dt.date(2024, 1, 1), False, pct, pct, pct, birth_date=dt.date(1950, 1, 1),
                     monthly_income=0 if low_income else 10**6)
    assert el.decide(s).eligible is False


# --- command line -----------------------------------------------------------------------------

def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", "eligibility", *args],
                          capture_output=True, text=True, timeout=60)


def cli_args(example: dict) -> list[str]:
    v = example["values"]
    args = ["--on", v["on"]]
    if v.get("residence", "hu-citizen-address") == "none":
        args.append("--not-domestic")
    for name in ("birth_date", "monthly_income", "work_capacity_change", "health_impairment", "health_status",
                 "opinion_date", "income_below_since"):
        if name in v:
            args.append(f"--{name.replace('_', '-')}={v[name]}")
    return args


# The command line states residence as --domestic/--not-domestic and needs --on: examples that leave
# those out are the web form's.
CLI_EXAMPLES = [e for e in EXAMPLES["example"] if e["values"].get("residence") != "" and "on" in e["values"]]


@pytest.mark.parametrize("example", CLI_EXAMPLES, ids=lambda e: e["id"])
def test_cli_agrees_with_the_examples(example):
    proc = cli(*cli_args(example))
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    if "problems" in example:
        assert proc.returncode == 1
        assert [{"code": p["code"], "field": p["field"]} for p in out["problems"]] == example["problems"]
        return
    assert proc.returncode == 0
    assert set(out) >= {"eligible", "grounds", "income_threshold", "pension_age_reached_on", "documents", "why"}
    for key in ("eligible", "grounds", "income_threshold", "pension_age_reached_on"):
        if key in example:
            assert out[key] == example[key]
    if example.get("uncertain"):
        assert out["eligible"] is None
    assert all({"code", "message", "source"} <= set(step) <= {"code", "message", "source", "url"}
               for step in out["why"])


def test_cli_speaks_the_language_asked():
    en, hu = (json.loads(cli("--on", "2023-03-01", "--health-status", "40", "--lang", lang).stdout)
              for lang in ("en", "hu"))
    assert [s["code"] for s in en["why"]] == [s["code"] for s in hu["why"]]
    assert en["why"][0]["message"] != hu["why"][0]["message"]


@pytest.mark.parametrize("args", [[], ["--on"], ["--on", "2023-01-01", "--domestic", "--not-domestic"],
                                  ["--on", "2023-01-01", "--lang", "de"]])
def test_cli_usage_errors_exit_2(args):
    proc = cli(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
