"""Every calculator, one line each: its name and the module that declares it (as CALCULATOR).

Modules are imported on first use, so a page pays (in Pyodide start-up time) only for the
calculators it shows. tests/core/test_registry.py holds that every declared calculator is here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from calculators.core.declaration import Calculator, Table

CALCULATORS: dict[str, str] = {
    "validators": "calculators.rules.validators",
    "eligibility": "calculators.rules.hu.self_notification.eligibility_form",
    "coverage-end": "calculators.rules.hu.self_notification.coverage_end_form",
    "office-finder": "calculators.rules.hu.offices.office_finder_form",
}


class UnknownCalculator(KeyError):
    """No calculator has this name; the message lists the known ones."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"unknown calculator {self.name!r}; known calculators: {', '.join(sorted(CALCULATORS))}"


def names() -> list[str]:
    return list(CALCULATORS)


def calculator(name: str) -> Calculator:
    """The declaration of calculator `name` (its module is imported now if it was not yet)."""
    if name not in CALCULATORS:
        raise UnknownCalculator(name)
    declared = importlib.import_module(CALCULATORS[name]).CALCULATOR
    assert declared.name == name, f"{CALCULATORS[name]} declares {declared.name}, registered as {name}"
    return declared


def tables() -> dict[str, tuple[str, Callable[[str], Table]]]:
    """Every page table of every calculator: table name -> (calculator name, builder)."""
    found: dict[str, tuple[str, Callable[[str], Table]]] = {}
    for calc in map(calculator, CALCULATORS):
        for table_name, build in calc.tables.items():
            if table_name in found:
                raise ValueError(f"table {table_name!r} is declared by {found[table_name][0]} and {calc.name}")
            found[table_name] = (calc.name, build)
    return found
