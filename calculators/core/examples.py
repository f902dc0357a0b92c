"""Worked examples: one TOML file per calculator, in one shape, and the one checker.

calculators/examples/<calculator name>.toml (e.g. coverage-end.toml) is the single source for
pytest (every example in every language), the CLI test, the browser tests and the examples
table on the calculator's page:

    today = "2026-11-22"                     # the reader's date the examples are answered on
    defaults = { domestic = "yes" }          # optional: what the reader leaves as it is

    [[example]]
    id = "exactly-45-days"
    title = { en = "…", hu = "…", pl = "…", vi = "…" }   # optional: shown in the table
    values = { first_day = "2023-01-01", last_day = "2023-02-14" }   # the form's raw strings
    expect = { status = "answer", data = { extension_days = 45 } }

`expect` holds the outcome's `status`, a subset of its `data` (the keys given are compared
exactly, the others not at all), and optionally its `errors` as [{ code, field }] in order.
TOML has no null: an expected "" also matches a null (e.g. an unknown start date).
"""

from __future__ import annotations

import tomllib
from functools import cache

from calculators.core.files import read_text

EXPECT_KEYS = frozenset({"status", "data", "errors"})


@cache
def load(name: str) -> dict:
    """The parsed examples file of calculator `name` (e.g. "coverage-end")."""
    return tomllib.loads(read_text("examples", f"{name}.toml"))


def values(examples: dict, example: dict) -> dict[str, str]:
    """The raw strings the reader types for `example`: the file's defaults, then its own values."""
    return {**examples.get("defaults", {}), **example["values"]}


def _same(actual: object, expected: object) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and actual.keys() == expected.keys() and all(
            _same(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(
            _same(a, e) for a, e in zip(actual, expected, strict=True))
    if expected == "" and actual is None:
        return True
    return type(actual) is type(expected) and actual == expected


def mismatches(example: dict, outcome: dict) -> list[str]:
    """What in an outcome (web, browser or command line) disagrees with the example's `expect`;
    empty when it agrees."""
    expect = example["expect"]
    unknown = set(expect) - EXPECT_KEYS
    if unknown:
        return [f"{example['id']}: unknown expectation {sorted(unknown)}"]
    wrong = []
    if outcome["status"] != expect["status"]:
        wrong.append(f"status {outcome['status']!r}, expected {expect['status']!r}: errors {outcome['errors']}")
    data = outcome.get("data") or {}
    for key, value in expect.get("data", {}).items():
        if key not in data or not _same(data[key], value):
            wrong.append(f"data.{key} = {data.get(key, '(missing)')!r}, expected {value!r}")
    if "errors" in expect:
        got = [{"code": e["code"], "field": e.get("field")} for e in outcome["errors"]]
        if got != expect["errors"]:
            wrong.append(f"errors {got}, expected {expect['errors']}")
    return wrong
