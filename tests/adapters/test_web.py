"""The entry point the browser calls: registry, JSON round trip, and no exception for any input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import web
from calculators.core.i18n import LANGUAGES


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
