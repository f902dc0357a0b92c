"""Coverage end after the notified condition: the worked examples, the model's properties, the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES, format_date
from calculators.rules.hu.self_notification import coverage_end as ce
from calculators.rules.hu.self_notification import coverage_end_form

EXAMPLES = examples.load("coverage-end")
TODAY = EXAMPLES["today"]


def form_values(example: dict) -> dict[str, str]:
    return examples.values(EXAMPLES, example)


@pytest.mark.parametrize("example", EXAMPLES["example"], ids=lambda e: e["id"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_show_the_day_and_the_timeline(example, lang):
    """Beyond the common checks (tests/test_worked_examples.py): what this calculator's answer holds."""
    outcome = web.run("coverage-end", form_values(example), lang, TODAY)
    assert not examples.mismatches(example, outcome)
    if outcome["answer"]:
        answer, data = outcome["answer"], outcome["data"]
        assert format_date(lang, dt.date.fromisoformat(data["coverage_last_day"])) in answer["headline"]
        assert [s["code"] for s in answer["why"]] == data["why"]
        # Every step cites its source; the answers-used step's source is the reader.
        assert all(s["message"] and (s["source"] or s["code"] == "answers-used") for s in answer["why"])
        kinds = [s["kind"] for s in answer["timeline"]["segments"]]
        assert "condition" in kinds
        assert ("extension" in kinds) == (data["extension_days"] > 0)
        assert ("prior" in kinds) == ("prior_first_day" in example["values"])


def test_examples_cover_the_boundaries():
    ids = {e["id"] for e in EXAMPLES["example"]}
    assert {"exactly-45-days", "44-days", "new-year", "leap-day-inside", "prior-29-days-between",
            "prior-30-days-between", "prior-45-days", "prior-46-days", "not-domestic", "domestic-unanswered",
            "empty-form", "before-2020-07"} <= ids
    for example in EXAMPLES["example"]:
        assert set(example["title"]) == set(LANGUAGES), example["id"]


def test_timeline_offsets_are_computed_in_python():
    example = next(e for e in EXAMPLES["example"] if e["id"] == "prior-29-days-between")
    out = web.run("coverage-end", form_values(example), "en", TODAY)
    timeline = out["answer"]["timeline"]
    assert timeline["first_day"] == "2022-12-01"
    assert timeline["last_day"] == "2023-04-24"
    by_kind = {s["kind"]: s for s in timeline["segments"]}
    assert by_kind["prior"]["offset"] == 0 and by_kind["prior"]["days"] == 61
    assert by_kind["between"]["first_day"] == "2023-01-31" and by_kind["between"]["days"] == 29
    assert by_kind["condition"]["offset"] == 90 and by_kind["condition"]["days"] == 10
    assert by_kind["extension"]["first_day"] == "2023-03-11" and by_kind["extension"]["days"] == 45
    assert timeline["days"] == 145


# What people type, and what a program might send: any text, any date, any number.
RAW = st.one_of(st.text(max_size=60), st.dates().map(str), st.integers().map(str),
                st.sampled_from(["yes", "no", "none", "stateless", "hu-citizen-address"]))

# --- properties of the model ------------------------------------------------------------------

# The figures are known from 2020-07-01 (the condition's last day decides which apply).
DAYS = st.dates(min_value=dt.date(2020, 7, 1), max_value=dt.date(2060, 12, 31))


@st.composite
def periods(draw, max_days=400):
    first = draw(DAYS)
    return ce.Period(first, first + dt.timedelta(days=draw(st.integers(0, max_days))))


@given(periods(), st.booleans(), st.one_of(st.none(), st.tuples(st.integers(1, 120), st.integers(1, 200))))
@settings(max_examples=500, deadline=None)
def test_coverage_ends_between_the_last_day_and_45_days_later(condition, domestic, prior_spec):
    prior = None
    if prior_spec:
        gap, length = prior_spec
        last = condition.first_day - dt.timedelta(days=gap)
        prior = ce.Period(last - dt.timedelta(days=length - 1), last)
    c = ce.compute(condition, domestic, prior)
    assert condition.last_day <= c.coverage_last_day <= condition.last_day + dt.timedelta(days=45)
    assert c.extension_days == (c.coverage_last_day - condition.last_day).days
    assert c.extension_days == 0 or domestic
    if domestic:
        assert c.extension_days >= min(condition.days, 45)


@given(periods(), st.integers(1, 200), st.integers(0, 60))
def test_an_earlier_condition_counts_only_if_longer_than_45_days_and_fewer_than_30_between(condition, length,
                                                                                           between):
    last = condition.first_day - dt.timedelta(days=between + 1)
    prior = ce.Period(last - dt.timedelta(days=length - 1), last)
    c = ce.compute(condition, True, prior)
    assert c.days_between == between
    assert c.prior_qualifies == (length > 45 and between < 30)  # Ebtv. 29. § (9) c): "45 napnál hosszabb"
    assert c.extension_days == (45 if c.prior_qualifies else min(condition.days, 45))


@given(periods(max_days=43))
def test_short_condition_without_prior_is_extended_by_its_length(condition):
    assert ce.compute(condition, True).extension_days == condition.days


def test_domestic_has_no_default():
    with pytest.raises(TypeError):
        ce.compute(ce.Period(dt.date(2023, 1, 1), dt.date(2023, 1, 2)))  # type: ignore[call-arg]


@given(st.dictionaries(st.sampled_from([*coverage_end_form.DATE_FIELDS, "domestic", "junk"]), RAW),
       st.sampled_from(LANGUAGES))
@settings(max_examples=300, deadline=None)
def test_run_never_raises_for_any_strings(values, lang):
    out = web.run("coverage-end", values, lang, TODAY)
    assert out["status"] in ("empty", "answer", "problems")
    if out["status"] == "problems":
        assert out["errors"] and all(e.get("field") for e in out["errors"])
    json.dumps(out)


@pytest.mark.parametrize(("first", "last"), [("9999-12-01", "9999-12-31"), ("0001-01-01", "0001-01-02")])
def test_far_away_years_are_a_problem_not_a_crash(first, last):
    out = web.run("coverage-end", {"first_day": first, "last_day": last, "domestic": "yes"}, "en", TODAY)
    assert out["status"] == "problems"
    assert {e["code"] for e in out["errors"]} == {"year-out-of-range"}
