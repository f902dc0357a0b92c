"""The command line as a user runs it: JSON on stdout, exit codes 0 / 1 / 2.

Each command the README documents is run as a subprocess, with the keys it documents; every worked
example of every calculator goes through the generated commands and the one checker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import cli
from calculators.core import examples, registry
from tests.schema_subset import errors as schema_errors

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "calculators/core/outcome.schema.json").read_text("utf-8"))
TODAY = "2026-11-22"
STEP = {"code", "message", "source"}  # a why-step, plus "url" when its source has an address


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", *args], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)


def answered(proc: subprocess.CompletedProcess, status: int) -> dict:
    assert proc.returncode == status, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert not schema_errors(out, SCHEMA)  # the outcome the browser gets, documented keys beside it
    return out


# --- the commands the README documents, as written there ------------------------------------------


def test_readme_validate():
    out = answered(run_cli("validate", "taj", "123 456 788", "--lang", "hu"), 0)
    assert (out["kind"], out["valid"], out["normalized"], out["problems"]) == ("taj", True, "123456788", [])
    assert out["notes"] and out["details"] == []
    out = answered(run_cli("validate", "taj", "123 456 789"), 1)
    assert out["valid"] is False and [p["code"] for p in out["problems"]] == ["check-digit"]
    assert all(set(p) >= {"code", "message"} for p in out["problems"])


def test_readme_eligibility():
    out = answered(run_cli("eligibility", "--on", "2026-03-01", "--birth-date", "1960-02-10",
                           "--monthly-income", "90000"), 0)
    assert out["eligible"] is True and out["grounds"] == ["pension-age-low-income"]
    assert out["income_threshold"] == 96_840 and out["pension_age_reached_on"] == "2025-02-10"
    assert out["entitlement_starts"] == {"pension-age-low-income": None}
    assert [d["code"] for d in out["documents"]] == ["identity", "address", "income-certificate"]
    assert all(d["name"] for d in out["documents"])
    assert all(STEP <= set(step) <= {*STEP, "url"} for step in out["why"])
    assert out["data"]["eligible"] is True  # the outcome's data, as the browser gets it


def test_readme_eligibility_other_options():
    out = answered(run_cli("eligibility", "--on", "2025-05-05", "--work-capacity-change", "60",
                           "--health-impairment", "45", "--health-status", "40", "--opinion-date", "2025-01-20"), 0)
    assert out["grounds"] == ["work-capacity-change", "health-impairment", "health-status"]
    assert out["entitlement_starts"]["health-status"] == "2025-01-20"
    out = answered(run_cli("eligibility", "--on", "2023-03-01", "--birth-date", "1950-05-10", "--monthly-income",
                           "69.599 Ft", "--income-below-since", "2023-02-01"), 0)
    assert out["entitlement_starts"] == {"pension-age-low-income": "2023-02-01"}
    out = answered(run_cli("eligibility", "--not-domestic", "--on", "2024-03-01", "--work-capacity-change", "70"), 0)
    assert out["eligible"] is False
    out = answered(run_cli("eligibility", "--domestic", "--on", "2024-03-01", "--work-capacity-change", "70"), 0)
    assert out["eligible"] is True
    out = answered(run_cli("eligibility", "--residence", "stateless", "--on", "2024-03-01", "--health-status", "5"), 0)
    assert out["eligible"] is True


def test_readme_coverage_end():
    out = answered(run_cli("coverage-end", "--first-day", "2026-01-10", "--last-day", "2026-03-31"), 0)
    assert (out["coverage_last_day"], out["extension_days"], out["condition_days"]) == ("2026-05-15", 45, 81)
    assert all(STEP <= set(step) <= {*STEP, "url"} for step in out["why"])
    out = answered(run_cli("coverage-end", "--first-day", "2023-01-01", "--last-day", "2023-04-30",
                           "--not-domestic"), 0)
    assert (out["coverage_last_day"], out["extension_days"]) == ("2023-04-30", 0)
    out = answered(run_cli("coverage-end", "--first-day", "2023-03-01", "--last-day", "2023-03-10",
                           "--prior-first-day", "2022-12-01", "--prior-last-day", "2023-01-30"), 0)
    assert (out["coverage_last_day"], out["extension_days"]) == ("2023-04-24", 45)


def test_readme_office():
    out = answered(run_cli("office", "9021"), 0)
    assert (out["postcode"], out["county"], out["settlements"]) == ("9021", "GS", ["Győr"])
    assert {"name", "seat", "address", "phone", "email", "hours", "url", "source", "checked"} <= set(out["office"])


def test_office_asks_to_pick_and_takes_the_pick():
    out = answered(run_cli("office", "komlo"), 1)
    assert [p["code"] for p in out["problems"]] == ["choose"] and "--pick" in out["problems"][0]["hint"]
    assert [c["value"] for c in out["choices"]["pick"]] == ["Komló", "Kömlő"]
    assert out["county"] is None and out["office"] is None
    out = answered(run_cli("office", "komlo", "--pick", "Kömlő"), 0)
    assert out["county"] == "HE"


@pytest.mark.parametrize(("typed", "code"), [("0000", "unknown-postcode"), ("12345", "wrong-length"),
                                             ("abcd", "not-found"), ("", "empty")])
def test_office_bad_input_exits_1_with_problems_in_the_language_asked(typed, code):
    hu, en = (answered(run_cli("office", typed, "--lang", lang), 1)["problems"] for lang in ("hu", "en"))
    assert hu[0]["code"] == en[0]["code"] == code
    assert hu[0]["message"] != en[0]["message"]


def test_messages_follow_the_language():
    out = {lang: json.loads(run_cli("validate", "taj", "123456789", "--lang", lang).stdout) for lang in ("en", "hu")}
    assert out["en"]["problems"][0]["code"] == out["hu"]["problems"][0]["code"] == "check-digit"
    assert out["en"]["problems"][0]["message"] != out["hu"]["problems"][0]["message"]
    en, hu = (json.loads(run_cli("eligibility", "--on", "2023-03-01", "--health-status", "40", "--lang", lang).stdout)
              for lang in ("en", "hu"))
    assert [s["code"] for s in en["why"]] == [s["code"] for s in hu["why"]]
    assert en["why"][0]["message"] != hu["why"][0]["message"]


def test_bad_birth_date_is_a_clear_problem():
    out = answered(run_cli("validate", "vn-personal-id", "001090123456", "--birth-date", "1990-02-30"), 1)
    assert out["problems"][0]["code"] == "birth-date-invalid"


def test_huge_value_is_a_clear_problem():
    assert answered(run_cli("validate", "taj", "9" * 10_000), 1)["problems"][0]["code"] == "too-long"


def test_a_question_left_unanswered_is_invalid_input_with_a_problem():
    out = answered(run_cli("eligibility", "--on", "2024-03-01"), 1)
    # Neither --ground nor any ground's answers: which ground applies is the question left.
    assert [p["code"] for p in out["problems"]] == ["ground-missing"] and out["problems"][0]["message"]
    out = answered(run_cli("eligibility", "--on", "2024-03-01", "--ground", "certificate"), 1)
    assert [p["code"] for p in out["problems"]] == ["condition-missing"] and out["problems"][0]["message"]


@pytest.mark.parametrize("args", [
    [], ["validate"], ["validate", "passport", "x"], ["validate", "taj"], ["validate", "taj", "1", "--lang", "de"],
    ["eligibility"], ["eligibility", "--on"], ["eligibility", "--on", "2023-01-01", "--domestic", "--not-domestic"],
    ["eligibility", "--on", "2023-01-01", "--lang", "de"], ["eligibility", "--on", "2023-01-01", "--residence", "x"],
    ["coverage-end"], ["coverage-end", "--first-day", "2023-01-01"],
    ["coverage-end", "--first-day", "2023-01-01", "--last-day", "2023-01-02", "--lang", "xx"],
    ["coverage-end", "--bogus"],
    ["coverage-end", "--first-day", "2023-01-01", "--last-day", "2023-01-02", "--domestic", "no", "--not-domestic"],
    ["office"], ["office", "9021", "--today", "soon"], ["no-such-command"],
])
def test_usage_errors_exit_2_without_traceback(args):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stdout == ""


# --- every worked example through the generated commands --------------------------------------------


def command_args(name: str, values: dict[str, str]) -> list[str] | None:
    """The command line a user types for a form's values: positional fields, then --field=value, or
    the switch that gives that answer. None when the command line cannot say it: it assumes an
    answer the example leaves out (domestic), or the example leaves out what it requires (--on)."""
    spec = registry.calculator(name).command
    if any(values.get(f, "") == "" for f in (*spec.defaults, *spec.required)):
        return None
    args = [name, *(values.get(f, "") for f in spec.positional)]
    for key, value in values.items():
        if key in spec.positional:
            continue
        switch = next((s.option for s in spec.switches if s.field == key and s.value == value), None)
        taken = any(s.option == cli.option(key) for s in spec.switches)
        if switch:
            args.append(switch)
        elif taken:
            return None
        else:
            args.append(f"{cli.option(key)}={value}")
    return args


CASES = [(name, example) for name in registry.names() for example in examples.load(name)["example"]]
CLI_CASES = [(name, example) for name, example in CASES
             if command_args(name, examples.values(examples.load(name), example)) is not None]


def test_most_examples_can_be_said_on_the_command_line():
    assert len(CLI_CASES) >= 0.8 * len(CASES)


@pytest.mark.parametrize(("name", "example"), CLI_CASES, ids=[f"{n}:{e['id']}" for n, e in CLI_CASES])
def test_worked_examples_through_the_command_line(name, example, capsys):
    data = examples.load(name)
    status = cli.main([*command_args(name, examples.values(data, example)), "--today", data["today"], "--lang", "pl"])
    out = json.loads(capsys.readouterr().out)
    assert not examples.mismatches(example, out)
    assert not schema_errors(out, SCHEMA)
    assert status == (1 if out["problems"] else 0)
    if example["expect"]["status"] != "answer" or example["expect"].get("errors"):
        assert status == 1 and out["problems"]


def test_every_field_of_every_form_is_an_option_or_an_argument():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in registry.names():
        declared = registry.calculator(name)
        command = sub.choices[name]
        dests = {a.dest for a in command._actions}
        assert {f.name for f in declared.form.fields} <= dests
        for alias in declared.command.aliases:
            assert sub.choices[alias] is command


def test_the_browser_path_imports_no_argparse():
    code = ("import sys, calculators.web as w\n"
            "for n in w.CALCULATORS: w.run(n, {}, 'en', '2026-11-22')\n"
            "print('argparse' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr


def test_every_option_at_once_and_the_ones_that_did_not_matter_are_named():
    """The command line takes all options at once (guided flows on the page ask one thing at a time):
    it answers from the ones that matter and says which it ignored, in `ignored` and on stderr."""
    proc = run_cli("eligibility", "--on", "2024-03-01", "--not-domestic", "--work-capacity-change", "70")
    out = answered(proc, 0)
    assert out["eligible"] is False and out["ignored"] == ["work_capacity_change", "on"]
    assert "--work-capacity-change" in proc.stderr and "--on" in proc.stderr
    out = answered(run_cli("eligibility", "--on", "2024-03-01", "--ground", "pension-age", "--health-status", "40",
                           "--birth-date", "1950-01-01", "--monthly-income", "50000"), 0)
    assert out["grounds"] == ["pension-age-low-income"] and out["ignored"] == ["health_status"]
