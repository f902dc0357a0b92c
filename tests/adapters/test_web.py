"""The entry point the browser calls: registry, JSON round trip, and no exception for any input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import web
from calculators.core.i18n import LANGUAGES
from tests import fuzzing
from tests.schema_subset import errors as schema_errors


@pytest.mark.parametrize("name", sorted(web.CALCULATORS))
def test_registry_names_match_the_forms(name):
    assert web.form(name).name == name


@pytest.mark.parametrize("name", sorted(web.CALCULATORS))
def test_empty_form_is_an_answer_not_an_error(name):
    outcome = web.run(name, {}, "hu", "2026-11-23")
    assert outcome["calculator"] == name and outcome["status"] in {"empty", "problems", "answer"}


def test_run_json_round_trip_keeps_accents():
    request = {"calculator": "validators", "values": {"kind": "ugyfelkapu-username", "value": "Mintanév"},
               "lang": "vi", "today": "2026-11-23"}
    text = web.run_json(json.dumps(request))
    assert "Mintanév" in text and json.loads(text)["data"]["valid"] is True


def test_unknown_language_falls_back_to_english():
    assert web.run("validators", {"kind": "taj", "value": "1"}, "de", "2026-11-23") == web.run(
        "validators", {"kind": "taj", "value": "1"}, "en", "2026-11-23"
    )


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(sorted(web.CALCULATORS)),
    lang=st.sampled_from(LANGUAGES),
    values=st.dictionaries(
        st.sampled_from(sorted({f.name for n in web.CALCULATORS for f in web.form(n).fields} | {"x"})),
        st.text(max_size=60),
        max_size=8,
    ),
)
def test_any_form_values_give_an_outcome(name, lang, values):
    outcome = web.run(name, values, lang, "2026-11-23")
    assert outcome["status"] in {"empty", "problems", "answer"}
    for error in outcome["errors"]:
        assert error["code"] and error["message"]


# --- malformed requests: never an exception, always a documented shape ------------------------

SCHEMA = json.loads((Path(web.__file__).parent / "core" / "outcome.schema.json").read_text("utf-8"))
OUTCOME_KEYS = {"calculator", "status", "errors", "choices", "answer", "data"}
FLOW_KEYS = {"relevant", "ignored"}  # a calculator's outcome; never an error outcome


def assert_documented(text: str) -> dict:
    """The shape calculators/outcome.py documents, for an answer and an error alike."""
    assert isinstance(text, str) and "Traceback" not in text
    outcome = json.loads(text)
    assert OUTCOME_KEYS <= set(outcome) <= OUTCOME_KEYS | FLOW_KEYS
    assert schema_errors(outcome, SCHEMA) == []  # calculators/core/outcome.schema.json
    assert outcome["status"] in {"empty", "problems", "answer", "error"}
    assert outcome["calculator"] is None or outcome["calculator"] in web.CALCULATORS
    for error in outcome["errors"]:
        assert isinstance(error["code"], str) and error["code"]
        assert isinstance(error["message"], str) and error["message"]
        assert all(c.isprintable() for c in error["message"] + error.get("hint", "")), error
    if outcome["status"] == "error":
        assert [e["code"] for e in outcome["errors"]] in [[code] for code in web.REQUEST_ERRORS]
        assert outcome["answer"] is None and outcome["data"] == {} and outcome["choices"] == {}
        assert not FLOW_KEYS & set(outcome)
        assert "field" not in outcome["errors"][0]
    return outcome


@pytest.mark.parametrize(("request_", "code"), [
    ("not json", "bad-request"),
    ("[1, 2]", "bad-request"),
    ("[" * 100_000, "bad-request"),
    ("{}", "unknown-calculator"),
    ('{"calculator": "nope", "values": {}, "lang": "en", "today": "2026-03-01"}', "unknown-calculator"),
    ('{"calculator": ["validators"], "values": {}, "lang": "en", "today": "2026-03-01"}', "unknown-calculator"),
    ('{"calculator": "validators", "lang": "en", "today": "2026-03-01"}', "bad-values"),
    ('{"calculator": "validators", "values": ["taj"], "lang": "en", "today": "2026-03-01"}', "bad-values"),
    ('{"calculator": "validators", "values": {"kind": null}, "lang": "en", "today": "2026-03-01"}', "bad-values"),
    ('{"calculator": "validators", "values": {"kind": {"a": 1}}, "lang": "en", "today": "2026-03-01"}',
     "bad-values"),
    ('{"calculator": "validators", "values": {}, "lang": "en"}', "bad-today"),
    ('{"calculator": "validators", "values": {}, "lang": "en", "today": "2026-02-30"}', "bad-today"),
    ('{"calculator": "validators", "values": {}, "lang": "en", "today": 20260301}', "bad-today"),
    ('{"calculator": "validators", "values": {}, "lang": "en", "today": "2026-01-9999999999"}', "bad-today"),
])
def test_a_malformed_request_gets_a_documented_error(request_, code):
    outcome = assert_documented(web.run_json(request_))
    assert outcome["status"] == "error" and outcome["errors"][0]["code"] == code


def test_an_error_is_in_the_requested_language_and_names_a_known_calculator():
    request = {"calculator": "eligibility", "values": {}, "lang": "hu", "today": "x"}
    outcome = assert_documented(web.run_json(json.dumps(request)))
    assert outcome["calculator"] == "eligibility"
    assert outcome["errors"][0]["message"] != web.REQUEST_ERRORS["bad-today"]  # translated


def test_numbers_are_read_as_their_text():
    request = {"calculator": "office-finder", "values": {"query": 9021}, "lang": "en", "today": "2026-03-01"}
    assert json.loads(web.run_json(json.dumps(request)))["data"]["county"] == "GS"


def test_a_fault_in_a_calculator_is_an_internal_error_without_traceback(monkeypatch):
    # The one way to reach the internal-error path is a calculator that raises: make one raise.
    import calculators.rules.validators as validators

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    web.calculator("validators")  # imported, so the rule below is the one it calls
    monkeypatch.setattr(validators, "validate", broken)
    request = {"calculator": "validators", "values": {"kind": "taj", "value": "1"}, "lang": "pl",
               "today": "2026-03-01"}
    outcome = assert_documented(web.run_json(json.dumps(request)))
    assert outcome["errors"][0]["code"] == "internal-error" and "ZeroDivision" not in json.dumps(outcome)


@settings(max_examples=1500)
@given(request=fuzzing.requests)
def test_any_request_gets_a_documented_outcome_and_never_an_exception(request):
    outcome = assert_documented(web.run_json(request))
    assert not (outcome["status"] == "error" and outcome["errors"][0]["code"] == "internal-error")


def test_a_page_pays_only_for_its_own_calculators():
    """The registry imports a calculator's module on first use: running the validators imports no
    other calculator's rules (Pyodide start-up time is paid per module)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import json, sys, calculators.web as w\n"
            "before = {m for m in sys.modules if m.startswith('calculators.rules')}\n"
            "w.run('validators', {'kind': 'taj', 'value': '123456788'}, 'en', '2026-11-22')\n"
            "after = {m for m in sys.modules if m.startswith('calculators.rules')}\n"
            "print(json.dumps([sorted(before), sorted(after)]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    before, after = json.loads(proc.stdout)
    assert before == [], proc.stdout + proc.stderr
    assert "calculators.rules.validators" in after
    assert not [m for m in after if "self_notification" in m or "offices" in m]
