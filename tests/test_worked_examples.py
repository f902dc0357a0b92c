"""Every worked example of every calculator, in every language, through the web entry point: the
one checker (calculators.core.examples.mismatches) and the outcome's JSON Schema. The CLI test and
the browser tests use the same files and the same checker."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from calculators import web
from calculators.core import examples, registry
from calculators.core.i18n import LANGUAGES
from tests.schema_subset import errors as schema_errors

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "calculators/core/outcome.schema.json").read_text("utf-8"))
OUTCOME_KEYS = {"calculator", "status", "errors", "choices", "answer", "data", "relevant", "ignored"}

CASES = [(name, example) for name in registry.names() for example in examples.load(name)["example"]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("name", "example"), CASES, ids=[f"{n}:{e['id']}" for n, e in CASES])
def test_worked_example(name, example, lang):
    data = examples.load(name)
    outcome = web.run(name, examples.values(data, example), lang, data["today"])
    assert not examples.mismatches(example, outcome)
    assert not schema_errors(outcome, SCHEMA)
    assert set(outcome) == OUTCOME_KEYS and outcome["calculator"] == name


def test_every_calculator_has_its_examples_file_and_every_file_a_calculator():
    files = {p.stem for p in (ROOT / "calculators/examples").glob("*.toml")}
    assert files == set(registry.names())
    for name in registry.names():
        assert registry.calculator(name).examples_file == f"{name}.toml"


@pytest.mark.parametrize("name", registry.names())
def test_examples_are_in_the_one_format(name):
    data = examples.load(name)
    assert set(data) <= {"today", "defaults", "example"}
    fields = {f.name for f in registry.calculator(name).form.fields}
    ids = [e["id"] for e in data["example"]]
    assert len(ids) == len(set(ids))
    for example in data["example"]:
        assert set(example) <= {"id", "title", "values", "expect"}, example["id"]
        assert set(example["values"]) <= fields, example["id"]
        assert set(example["expect"]) <= examples.EXPECT_KEYS and "status" in example["expect"], example["id"]
        if "title" in example:
            assert set(example["title"]) == set(LANGUAGES), example["id"]
    statuses = {e["expect"]["status"] for e in data["example"]}
    assert "answer" in statuses  # every calculator shows at least one answer


def test_the_checker_finds_what_disagrees():
    name, example = CASES[0]
    data = examples.load(name)
    outcome = web.run(name, examples.values(data, example), "en", data["today"])
    wrong = copy.deepcopy(outcome)
    wrong["status"] = "problems"
    assert examples.mismatches(example, wrong)
    key = next(iter(example["expect"]["data"]))
    wrong = copy.deepcopy(outcome)
    wrong["data"][key] = "something else"
    assert examples.mismatches(example, wrong)
    with_errors = {"id": "x", "expect": {"status": "answer", "errors": [{"code": "c", "field": "f"}]}}
    assert examples.mismatches(with_errors, {**outcome, "errors": []})
    assert examples.mismatches({"id": "x", "expect": {"status": "answer", "dta": {}}}, outcome)


def test_the_schema_check_rejects_what_breaks_the_shape():
    outcome = web.run("coverage-end", {"first_day": "2023-01-01", "last_day": "2023-01-31", "domestic": "yes"},
                      "en", "2026-11-22")
    assert not schema_errors(outcome, SCHEMA)
    for break_it in (
        lambda o: o.update(status="done"),
        lambda o: o.pop("choices"),
        lambda o: o["answer"]["why"][0].pop("source"),
        lambda o: o["answer"]["timeline"]["segments"][0].update(first_day="1 January"),
        lambda o: o["answer"].update(extra="x"),
        lambda o: o.update(choices={"pick": [{"value": "a"}]}),
        lambda o: o["answer"].update(links=[{"text": "t", "href": "h", "calculator": "c"}]),
    ):
        broken = copy.deepcopy(outcome)
        break_it(broken)
        assert schema_errors(broken, SCHEMA)
