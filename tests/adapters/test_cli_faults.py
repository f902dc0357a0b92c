"""The command line under hostile input: invalid input 1, usage 2, internal error 3 with one line,
never a traceback (README: Command line)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from calculators import cli
from tests import fuzzing

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", *args], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env=env)


def test_a_huge_date_part_is_invalid_input_not_a_traceback():
    proc = run_cli("coverage-end", "--first-day", "2024-01-2147483648", "--last-day", "2024-01-02")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["problems"][0]["code"] == "no-such-day"


@pytest.mark.parametrize("today", ["2024-99-99", "2024-01-9999999999", "tomorrow"])
def test_a_bad_today_is_a_usage_error(today):
    proc = run_cli("validate", "taj", "123456788", "--today", today)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stdout == ""


# The one way to reach the internal-error path is a fault in Kapu: make the validator raise.
BROKEN = ("import sys, calculators.rules.validators as v\n"
          "def broken(*args, **kwargs): raise ZeroDivisionError('a bug')\n"
          "v.validate = broken\n"
          "from calculators.cli import main\n"
          "raise SystemExit(main(sys.argv[1:]))")


def run_broken(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BROKEN, "validate", "taj", "1"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=env)


def test_an_internal_error_exits_3_with_one_line():
    proc = run_broken({k: v for k, v in os.environ.items() if k != "KAPU_DEBUG"})
    assert proc.returncode == 3 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and "internal error" in proc.stderr and "Traceback" not in proc.stderr


def test_kapu_debug_shows_the_traceback_of_an_internal_error():
    proc = run_broken({**os.environ, "KAPU_DEBUG": "1"})
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


@settings(max_examples=700, deadline=None)
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
