"""The one entry point the browser bridge calls (through Pyodide) and embedders rely on.

    run(calculator, values, lang, today) -> outcome dict (see calculators.outcome)

`values` are the form's raw strings; `today` is the reader's local date, passed in by the
page (a rule never reads the clock).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from types import ModuleType

from calculators import identifiers, offices
from calculators.forms import Form
from calculators.hu_self_notification import coverage_end, eligibility
from calculators.i18n import DEFAULT_LANGUAGE, LANGUAGES
from calculators.outcome import Outcome

# name -> module with FORM and run(values, today) -> Outcome
CALCULATORS: dict[str, ModuleType] = {
    identifiers.FORM.name: identifiers,
    eligibility.FORM.name: eligibility,
    coverage_end.FORM.name: coverage_end,
    offices.FORM.name: offices,
}


def form(name: str) -> Form:
    return CALCULATORS[name].FORM


def run(name: str, values: dict[str, str], lang: str, today: str) -> dict[str, object]:
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    runner: Callable[[dict[str, str], dt.date], Outcome] = CALCULATORS[name].run
    return runner({k: str(v) for k, v in values.items()}, dt.date.fromisoformat(today)).as_dict(lang)


def run_json(request: str) -> str:
    """JSON in, JSON out: what the Web Worker calls, so no Python objects cross the bridge."""
    req = json.loads(request)
    return json.dumps(run(req["calculator"], req["values"], req["lang"], req["today"]), ensure_ascii=False)
