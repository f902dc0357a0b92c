"""Adapter: the one entry point the browser bridge calls (through Pyodide) and embedders rely on.

    run(calculator, values, lang, today) -> outcome dict (see calculators.core.outcome and its
                                            JSON Schema, calculators/core/outcome.schema.json)
    run_json(request) -> the same outcome as JSON, or an error outcome; never raises

`values` are the form's raw strings; `today` is the reader's local date, passed in by the
page (a rule never reads the clock). The calculators come from the one registry
(calculators.core.registry), each imported on first use.
"""

from __future__ import annotations

import datetime as dt
import json

from calculators.core.cleaning import parse_date
from calculators.core.declaration import Calculator
from calculators.core.forms import Form
from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Text
from calculators.core.outcome import Outcome
from calculators.core.registry import CALCULATORS, calculator
from calculators.core.results import Problem

__all__ = ["CALCULATORS", "REQUEST_ERRORS", "calculator", "error_outcome", "form", "run", "run_json"]

# The codes of an error outcome (status "error"): a request no calculator can answer, or a fault
# in Kapu itself. Documented in calculators/core/outcome.py, its JSON Schema and the README.
REQUEST_ERRORS: dict[str, str] = {
    "bad-request": N_("The calculator received a request it cannot read."),
    "unknown-calculator": N_("There is no calculator by this name."),
    "bad-values": N_("The calculator's answers must be text."),
    "bad-today": N_("The calculator needs today's date as year-month-day."),
    "internal-error": N_("Sorry, something went wrong in the calculator. Change an answer to try again."),
}


class BadRequest(ValueError):
    """A request run_json cannot answer: a code of REQUEST_ERRORS, and the calculator if known."""

    def __init__(self, code: str, name: str | None = None):
        super().__init__(code)
        self.code, self.name = code, name


def form(name: str) -> Form:
    return calculator(name).form


def run(name: str, values: dict[str, str], lang: str, today: str) -> dict[str, object]:
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    declared: Calculator = calculator(name)
    return declared.outcome({k: str(v) for k, v in values.items()}, dt.date.fromisoformat(today)).as_dict(lang)


def error_outcome(code: str, lang: str, name: str | None = None) -> dict[str, object]:
    """The outcome of a request that got no answer: status "error" and one error with its code."""
    return Outcome(name, "error", [Problem(code, Text(REQUEST_ERRORS[code]))]).as_dict(lang)


def _checked(req: object) -> tuple[str, dict[str, str], dt.date]:
    """The calculator, the values as strings and today's date of a request, or BadRequest."""
    if not isinstance(req, dict):
        raise BadRequest("bad-request")
    name, values, today = req.get("calculator"), req.get("values"), req.get("today")
    if not isinstance(name, str) or name not in CALCULATORS:
        raise BadRequest("unknown-calculator")
    if not isinstance(values, dict) or not all(_is_text(v) for v in values.values()):
        raise BadRequest("bad-values", name)
    try:
        day = parse_date(today) if isinstance(today, str) else None
    except ValueError:
        day = None
    if day is None:
        raise BadRequest("bad-today", name)
    return name, {k: str(v) for k, v in values.items()}, day


def _is_text(value: object) -> bool:
    """A form value: a string, or a number (read as its decimal text); never null, a list or a bool."""
    return isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool))


def run_json(request: str) -> str:
    """JSON in, JSON out: what the Web Worker calls, so no Python objects cross the bridge.

    Never raises: a request that is not a JSON object with a known "calculator", "values" of
    strings and a "today" of YYYY-MM-DD gets an error outcome, and so does a fault in a
    calculator (no traceback crosses the bridge). An unknown or missing "lang" is English."""
    try:
        req = json.loads(request)
    except (ValueError, RecursionError):  # not JSON, nested too deep, or a number too long to read
        req = None
    lang = req.get("lang") if isinstance(req, dict) else None
    lang = lang if isinstance(lang, str) and lang in LANGUAGES else DEFAULT_LANGUAGE
    try:
        name, values, today = _checked(req)
    except BadRequest as err:
        return json.dumps(error_outcome(err.code, lang, err.name), ensure_ascii=False)
    try:
        outcome = calculator(name).outcome(values, today).as_dict(lang)
    except Exception:  # a bug in Kapu: the reader gets a message and can try again
        outcome = error_outcome("internal-error", lang, name)
    return json.dumps(outcome, ensure_ascii=False)
