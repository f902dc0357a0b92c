"""The one entry point the browser bridge calls (through Pyodide) and embedders rely on.

    run(calculator, values, lang, today) -> outcome dict (see calculators.core.outcome)

`values` are the form's raw strings; `today` is the reader's local date, passed in by the
page (a rule never reads the clock).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from types import ModuleType

from calculators.core.forms import Form
from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES

# name -> module with FORM and run(values, today) -> Outcome. Imported on first use, so a page
# pays (in Pyodide start-up time) only for the calculators it shows.
CALCULATORS: dict[str, str] = {
    "validators": "calculators.rules.validators",
    "eligibility": "calculators.rules.hu.self_notification.eligibility",
    "coverage-end": "calculators.rules.hu.self_notification.coverage_end",
    "office-finder": "calculators.rules.hu.offices.office_finder",
}


def calculator(name: str) -> ModuleType:
    module = importlib.import_module(CALCULATORS[name])
    return module


def form(name: str) -> Form:
    return calculator(name).FORM


def run(name: str, values: dict[str, str], lang: str, today: str) -> dict[str, object]:
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    return calculator(name).run({k: str(v) for k, v in values.items()}, dt.date.fromisoformat(today)).as_dict(lang)


def run_json(request: str) -> str:
    """JSON in, JSON out: what the Web Worker calls, so no Python objects cross the bridge."""
    req = json.loads(request)
    return json.dumps(run(req["calculator"], req["values"], req["lang"], req["today"]), ensure_ascii=False)
