"""The command line as a user runs it: a subprocess, JSON on stdout, exit codes 0 / 1 / 2."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings

from calculators import cli, examples
from tests import fuzzing

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


# --- crashes: invalid input 1, usage 2, internal error 3 with one line, never a traceback ------


def test_a_huge_date_part_is_invalid_input_not_a_traceback():
    proc = run_cli("coverage-end", "--first-day", "2024-01-2147483648", "--last-day", "2024-01-02")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["problems"][0]["code"] == "no-such-day"


@pytest.mark.parametrize("today", ["2024-99-99", "2024-01-9999999999", "tomorrow"])
def test_a_bad_today_is_a_usage_error(today):
    proc = run_cli("validate", "taj", "123456788", "--today", today)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stdout == ""


# The one way to reach the internal-error path is a fault in Kapu: make the validator raise.
BROKEN = ("import sys, calculators.identifiers as i\n"
          "def broken(*args): raise ZeroDivisionError('a bug')\n"
          "i.validate = broken\n"
          "from calculators.cli import main\n"
          "raise SystemExit(main(sys.argv[1:]))")


def test_an_internal_error_exits_3_with_one_line():
    proc = subprocess.run([sys.executable, "-c", BROKEN, "validate", "taj", "1"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 3 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and "internal error" in proc.stderr and "Traceback" not in proc.stderr


def test_kapu_debug_shows_the_traceback_of_an_internal_error():
    proc = subprocess.run([sys.executable, "-c", BROKEN, "validate", "taj", "1"], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "KAPU_DEBUG": "1"})
    assert proc.returncode == 3 and "Traceback" in proc.stderr and "ZeroDivisionError" in proc.stderr


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    """main() as `python -m calculators` runs it, with strict UTF-8 stdout and stderr as a terminal has."""
    out, err = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.TextIOWrapper(io.BytesIO(), "utf-8", "backslashreplace")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exit_:
            code = exit_.code
    out.flush(), err.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.buffer.getvalue().decode("utf-8")


@settings(max_examples=700)
@given(argv=fuzzing.argv)
def test_any_command_line_exits_as_documented_without_traceback(argv):
    code, out, err = run_in_process(argv)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in out + err
    if code == 2:
        assert out == "" and "error:" in err
    elif not {"-h", "--help"} & set(argv[: argv.index("--") if "--" in argv else None]):
        result = json.loads(out)
        assert code == 0 or result["problems"], result
