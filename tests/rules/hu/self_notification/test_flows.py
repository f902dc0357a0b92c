"""Guided flows (issue 16): the rules decide which questions matter, and an answer left in a
question that no longer matters never changes the outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import web
from calculators.core import examples, flow
from calculators.core.forms import Field, Form
from calculators.rules.hu.self_notification import coverage_end_form, eligibility_form, figures
from kapu_build import question_counts

TODAY = "2026-11-22"
FLOWS = ("eligibility", "coverage-end")
CASES = [(name, example) for name in FLOWS for example in examples.load(name)["example"]]
GARBAGE = st.one_of(st.text(max_size=30), st.sampled_from(["yes", "no", "none", "certificate", "pension-age",
                                                           "2023-01-01", "1950-01-01", "40", "50000", "-1"]))


def run(name: str, values: dict[str, str]) -> dict:
    return web.run(name, values, "en", TODAY)


def without_ignored(outcome: dict) -> dict:
    return {k: v for k, v in outcome.items() if k != "ignored"}


@pytest.mark.parametrize(("name", "example"), CASES, ids=[f"{n}:{e['id']}" for n, e in CASES])
@given(data=st.data())
def test_an_answer_in_a_question_that_does_not_matter_never_changes_the_outcome(name, example, data):
    values = examples.values(examples.load(name), example)
    outcome = run(name, values)
    hidden = [f.name for f in web.form(name).fields if f.name not in outcome["relevant"]]
    if not hidden:
        return
    garbage = data.draw(st.dictionaries(st.sampled_from(hidden), GARBAGE, min_size=1))
    changed = run(name, {**values, **garbage})
    assert without_ignored(changed) == without_ignored(outcome)
    assert set(changed["ignored"]) == {k for k, v in {**values, **garbage}.items()
                                       if k in hidden and v.strip()}


@pytest.mark.parametrize(("name", "example"), CASES, ids=[f"{n}:{e['id']}" for n, e in CASES])
def test_relevant_questions_follow_form_order_and_answers_used_are_named(name, example):
    values = examples.values(examples.load(name), example)
    outcome = run(name, values)
    order = [f.name for f in web.form(name).fields]
    assert outcome["relevant"] == [n for n in order if n in outcome["relevant"]]
    assert outcome["relevant"][0] == order[0]  # the first question is always asked
    assert {e["field"] for e in outcome["errors"]} <= set(outcome["relevant"])  # never an error out of sight
    if outcome["answer"]:
        used = outcome["answer"]["why"][0]
        assert used["code"] == "answers-used"
        labels = {f.name: f.label for f in web.form(name).fields}
        for field in outcome["relevant"]:
            assert (labels[field] in used["message"]) == bool(values.get(field, "").strip()), field


def test_eligibility_path():
    relevant = eligibility_form.relevant
    assert relevant({}) == ["residence"]
    assert relevant({"residence": "none", "ground": "certificate", "health_status": "40"}) == ["residence"]
    assert relevant({"residence": "stateless"}) == ["residence", "ground"]
    assert relevant({"residence": "stateless", "ground": "none"}) == ["residence", "ground"]
    assert relevant({"residence": "stateless", "ground": "certificate", "birth_date": "1950-01-01"}) == [
        "residence", "ground", "work_capacity_change", "health_impairment", "health_status", "opinion_date", "on"]
    assert relevant({"residence": "immigrant-settled", "ground": "pension-age", "health_status": "40"}) == [
        "residence", "ground", "birth_date", "monthly_income", "income_below_since", "on"]


def test_none_of_these_grounds_is_a_clear_no_at_once_with_what_else_may_help():
    out = run("eligibility", {"residence": "hu-citizen-address", "ground": "none", "birth_date": "1950-01-01"})
    assert out["status"] == "answer" and out["data"]["eligible"] is False
    assert out["relevant"] == ["residence", "ground"] and out["ignored"] == ["birth_date"]
    answer = out["answer"]
    assert answer["tone"] == "negative" and answer["headline"].startswith("No:")
    assert "no-ground" in out["data"]["why"]
    assert {"text": "Who can be entitled", "page": "guides/self-notification/#who-can"} in answer["links"]
    assert answer["links"][-1]["calculator"] == "office-finder"
    assert any("government office" in note for note in answer["notes"])


def test_a_domestic_reader_who_has_not_chosen_a_ground_is_asked_for_it():
    out = run("eligibility", {"residence": "stateless"})
    assert out["status"] == "problems"
    assert [(e["code"], e["field"]) for e in out["errors"]] == [("ground-missing", "ground")]


def test_without_the_ground_question_the_grounds_answered_are_checked():
    """The command line and embedders send every answer at once, as before the flows."""
    out = run("eligibility", {"residence": "stateless", "on": "2024-03-01", "health_status": "40",
                              "birth_date": "1950-01-01", "monthly_income": "50000"})
    assert out["data"]["grounds"] == ["health-status", "pension-age-low-income"]
    assert out["ignored"] == []


def test_coverage_end_asks_about_an_earlier_condition_only_when_the_last_was_too_short():
    long_enough = figures.value("extension_long_enough_days", dt.date(2023, 1, 1)).value
    first = dt.date(2023, 1, 1)

    def relevant(days: int, domestic: str = "yes") -> list[str]:
        last = first + dt.timedelta(days=days - 1)
        return coverage_end_form.relevant({"first_day": first.isoformat(), "last_day": last.isoformat(),
                                           "domestic": domestic})

    base = ["first_day", "last_day", "domestic"]
    assert relevant(long_enough - 1) == [*base, "prior_first_day", "prior_last_day"]
    assert relevant(long_enough) == base
    assert relevant(long_enough - 1, "no") == base  # no extension at all: the earlier one cannot matter
    assert relevant(long_enough - 1, "") == base
    assert coverage_end_form.relevant({"first_day": "2023-03-10", "last_day": "2023-03-01", "domestic": "yes"}) == base
    assert coverage_end_form.relevant({"first_day": "yesterday", "last_day": "2023-03-01", "domestic": "yes"}) == base
    assert coverage_end_form.relevant({}) == base


def test_settle_refuses_a_rule_that_names_no_question():
    form = Form("x", "X", (Field("a", "text", "A"),))
    with pytest.raises(ValueError, match="names no question"):
        flow.settle(form, lambda values: ["b"], {})


def test_a_control_reveals_only_later_questions():
    with pytest.raises(ValueError, match="not a later question"):
        Form("x", "X", (Field("a", "text", "A"), Field("b", "text", "B", controls=("a",))))
    for name in FLOWS:
        form = web.form(name)
        controlled = {n for f in form.fields for n in f.controls}
        ever_hidden = {f.name for f in form.fields} - set(web.run(name, {}, "en", TODAY)["relevant"])
        assert ever_hidden <= controlled, name  # every question that can appear says what reveals it


def test_the_command_line_says_which_options_it_ignored():
    from calculators import cli

    calc = cli.registry.calculator("coverage-end")
    out, status = cli.answer(calc, {"first_day": "2023-01-01", "last_day": "2023-12-31",
                                    "prior_first_day": "2022-01-01", "prior_last_day": "2022-12-01"}, "en",
                             dt.date(2026, 11, 22))
    assert status == 0 and out["ignored"] == ["prior_first_day", "prior_last_day"]
    assert out["coverage_last_day"] == "2024-02-14"


def test_question_counts_fall_for_every_answered_example():
    for name in FLOWS:
        for example_id, before, now in question_counts.counts(name):
            assert now <= before, example_id
    table = question_counts.table()
    assert "| eligibility | year-2026 | 9 | 6 |" in table
    assert "| coverage-end | exactly-45-days | 5 | 3 |" in table
