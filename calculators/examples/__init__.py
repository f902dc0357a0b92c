"""Worked examples, one TOML file per rule: the single source for tests and docs tables."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """The parsed examples file `<name>.toml` (e.g. "validators")."""
    return tomllib.loads(resources.files(__name__).joinpath(f"{name}.toml").read_text("utf-8"))
