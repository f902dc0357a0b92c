"""Dated parameters of the rules: figures that change by law live in data files, not in code.

Each file in ``calculators/rules/hu/self_notification/parameters/`` is one parameter, in the manner of OpenFisca's
parameters: a description, a label, a unit, and values each with the date it takes effect, its
legal reference to the point ("Ebtv. 29. § (9) c)") and its source in the sources registry
(calculators/sources.toml: title, link, date checked). A value applies from its ``start``
until the next value starts, and never after the parameter's ``known_until`` when it has one:
asking for a date outside the known range raises ``ParameterUnknown`` ("no minimum wage is known
for 2031-01-01") instead of silently reusing an old figure (the pitfall GOV.UK Smart Answers'
rate lookup falls into). A parameter without ``known_until`` is a statutory figure that stays
until the law changes; its values say when they were checked through their source.

Files are read strictly (``ParameterFileError`` at load time): an unknown or misspelt key (a
``verfied = false`` must not silently count as verified), a duplicate key, a missing label, unit,
reference or source, an unknown source id, unsorted starts or a non-integer value.

Values are whole numbers (money in whole units, percentages, day counts), so thresholds are
computed in integers. This module knows no particular parameter: those of the self-notification
rules, with their tables, are in calculators/rules/hu/self_notification/figures.py.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache

from calculators.core import sources
from calculators.core.files import read_text


class ParameterUnknown(LookupError):
    """No value of a parameter is known for the date asked (before the first or after known_until)."""

    def __init__(self, parameter: str, day: dt.date, first: dt.date, last: dt.date | None):
        super().__init__(f"no {parameter.replace('_', ' ')} is known for {day.isoformat()}")
        self.parameter, self.day, self.first, self.last = parameter, day, first, last


class ParameterFileError(ValueError):
    """A parameter file is malformed: refused when it loads, never half-read."""


@dataclass(frozen=True)
class DatedValue:
    start: dt.date
    value: int
    reference: str  # the legal reference to the point, e.g. "Ebtv. 29. § (9) c)"
    verified: bool = True  # False: the reference is only the publication (e.g. the decree number is unknown)
    source: str | None = None  # id in the sources registry

    @property
    def url(self) -> str | None:
        """The address of the consolidated text or the page quoting it, from the registry."""
        return sources.source(self.source).url if self.source else None


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    label: str
    unit: str
    values: tuple[DatedValue, ...]  # sorted by start
    known_until: dt.date | None

    def at(self, day: dt.date) -> DatedValue:
        """The value in force on `day` (its start is on or before `day`)."""
        if day < self.values[0].start or (self.known_until is not None and day > self.known_until):
            raise ParameterUnknown(self.name, day, self.values[0].start, self.known_until)
        return [v for v in self.values if v.start <= day][-1]


# --- strict reading ---------------------------------------------------------------------------

_PARAMETER_KEYS = {"required": {"description", "label", "unit", "values"}, "optional": {"known_until"}}
_VALUE_KEYS = {"required": {"start", "value", "reference", "source"}, "optional": {"verified"}}


def check_keys(entry: object, keys: dict[str, set[str]], where: str) -> dict:
    if not isinstance(entry, dict):
        raise ParameterFileError(f"{where}: expected a table")
    unknown = set(entry) - keys["required"] - keys["optional"]
    missing = keys["required"] - set(entry)
    if unknown:
        raise ParameterFileError(f"{where}: unknown key(s) {sorted(unknown)} (misspelt?)")
    if missing:
        raise ParameterFileError(f"{where}: missing key(s) {sorted(missing)}")
    for key in ("reference", "label", "unit", "description"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            raise ParameterFileError(f"{where}: {key} must be a non-empty text")
    if "source" in entry:
        try:
            sources.source(entry["source"])
        except sources.SourceError as err:
            raise ParameterFileError(f"{where}: {err}") from None
    if "verified" in entry and type(entry["verified"]) is not bool:
        raise ParameterFileError(f"{where}: verified must be true or false")
    return entry


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def parse_parameter(name: str, text: str) -> Parameter:
    """Parse and check one dated parameter file's text (the file's, or a test's)."""
    where = f"parameters/{name}.toml"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:  # duplicate keys are refused here
        raise ParameterFileError(f"{where}: {err}") from None
    check_keys(data, _PARAMETER_KEYS, where)
    if "known_until" in data and not is_date(data["known_until"]):
        raise ParameterFileError(f"{where}: known_until must be a date")
    if not isinstance(data["values"], list) or not data["values"]:
        raise ParameterFileError(f"{where}: no values")
    values = []
    for i, raw in enumerate(data["values"], 1):
        v = check_keys(raw, _VALUE_KEYS, f"{where} value {i}")
        if not is_date(v["start"]) or type(v["value"]) is not int:
            raise ParameterFileError(f"{where} value {i}: start must be a date and value a whole number")
        values.append(DatedValue(v["start"], v["value"], v["reference"], v.get("verified", True), v["source"]))
    starts = [v.start for v in values]
    if starts != sorted(set(starts)):
        raise ParameterFileError(f"{where}: values must have strictly increasing starts")
    return Parameter(name, data["description"], data["label"], data["unit"], tuple(values), data.get("known_until"))


@cache
def _load(folder: tuple[str, ...], name: str) -> Parameter:
    return parse_parameter(name, read_text(*folder, f"{name}.toml"))


@dataclass(frozen=True)
class ParameterFolder:
    """The dated parameters of one programme: the <name>.toml files in one folder of the package,
    beside the rules that use them (e.g. rules/hu/self_notification/parameters/)."""

    parts: tuple[str, ...]

    def parameter(self, name: str) -> Parameter:
        """Load a dated parameter file, checking it strictly (once; then from the cache)."""
        return _load(self.parts, name)

    def value(self, name: str, day: dt.date) -> DatedValue:
        """The value of parameter `name` in force on `day`."""
        return self.parameter(name).at(day)

    def text(self, name: str) -> str:
        return read_text(*self.parts, f"{name}.toml")
