"""The command line as a user runs it: a subprocess, JSON on stdout, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculators.core import examples

EXAMPLES = examples.load("validators")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("example", EXAMPLES["example"][::3], ids=lambda e: e["id"])
def test_validate_prints_json_and_exits_by_validity(example):
    values, expect = example["values"], example["expect"]
    args = ["validate", values["kind"], values["value"], "--today", EXAMPLES["today"]]
    if "birth_date" in values:
        args += ["--birth-date", values["birth_date"]]
    proc = run_cli(*args)
    out = json.loads(proc.stdout)
    assert proc.returncode == (0 if expect["valid"] else 1)
    assert set(out) >= {"kind", "valid", "normalized", "problems"}
    assert out["normalized"] == expect["normalized"]
    assert [p["code"] for p in out["problems"]] == expect["problems"]
    assert all(p["message"] for p in out["problems"])


def test_messages_follow_the_language():
    out = {lang: json.loads(run_cli("validate", "taj", "123456789", "--lang", lang).stdout) for lang in ("en", "hu")}
    assert out["en"]["problems"][0]["code"] == out["hu"]["problems"][0]["code"] == "check-digit"
    assert out["en"]["problems"][0]["message"] != out["hu"]["problems"][0]["message"]


@pytest.mark.parametrize(
    "args",
    [[], ["validate"], ["validate", "passport", "x"], ["validate", "taj"], ["validate", "taj", "1", "--lang", "de"]],
)
def test_usage_errors_exit_2_without_traceback(args):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_bad_birth_date_is_a_clear_problem():
    proc = run_cli("validate", "vn-personal-id", "001090123456", "--birth-date", "1990-02-30")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["problems"][0]["code"] == "birth-date-invalid"


def test_huge_value_is_a_clear_problem():
    proc = run_cli("validate", "taj", "9" * 10_000)
    assert proc.returncode == 1 and json.loads(proc.stdout)["problems"][0]["code"] == "too-long"
