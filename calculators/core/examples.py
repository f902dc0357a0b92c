"""Worked examples, one TOML file per rule: the single source for tests and docs tables."""

from __future__ import annotations

import tomllib
from functools import cache

from calculators.core.files import read_text


@cache
def load(name: str) -> dict:
    """The parsed examples file `<name>.toml` (e.g. "validators")."""
    return tomllib.loads(read_text("examples", f"{name}.toml"))
