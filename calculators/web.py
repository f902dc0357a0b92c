"""Adapter: the one entry point the browser bridge calls (through Pyodide) and embedders rely on.

    run(calculator, values, lang, today) -> outcome dict (see calculators.core.outcome and its
                                            JSON Schema, calculators/core/outcome.schema.json)

`values` are the form's raw strings; `today` is the reader's local date, passed in by the
page (a rule never reads the clock). The calculators come from the one registry
(calculators.core.registry), each imported on first use.
"""

from __future__ import annotations

import datetime as dt
import json

from calculators.core.declaration import Calculator
from calculators.core.forms import Form
from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from calculators.core.registry import CALCULATORS, calculator

__all__ = ["CALCULATORS", "calculator", "form", "run", "run_json"]


def form(name: str) -> Form:
    return calculator(name).form


def run(name: str, values: dict[str, str], lang: str, today: str) -> dict[str, object]:
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    declared: Calculator = calculator(name)
    return declared.outcome({k: str(v) for k, v in values.items()}, dt.date.fromisoformat(today)).as_dict(lang)


def run_json(request: str) -> str:
    """JSON in, JSON out: what the Web Worker calls, so no Python objects cross the bridge."""
    req = json.loads(request)
    return json.dumps(run(req["calculator"], req["values"], req["lang"], req["today"]), ensure_ascii=False)
