"""One declaration per calculator, one registry line each, and everything else reads the registry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from calculators import web
from calculators.core import registry
from calculators.core.forms import Field, FieldKind
from calculators.core.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "calculators"


def declaring_modules() -> dict[str, str]:
    """Module -> calculator name, for every module that assigns CALCULATOR = Calculator(name=…)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text("utf-8")).body:
            if (isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["CALCULATOR"]
                    and isinstance(node.value, ast.Call)):
                module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                name = next(k.value for k in node.value.keywords if k.arg == "name")
                found[module] = ast.literal_eval(name) if isinstance(name, ast.Constant) else None
    return found


def test_every_declared_calculator_is_registered_once():
    declared = declaring_modules()
    assert sorted(declared) == sorted(registry.CALCULATORS.values())
    for name, module in registry.CALCULATORS.items():
        assert registry.calculator(name).name == name, module


@pytest.mark.parametrize("name", registry.names())
def test_every_calculator_has_its_page_in_every_language(name):
    for lang in LANGUAGES:
        page = ROOT / "docs" / lang / "calculators" / f"{name}.md"
        assert f'{{{{ calculator("{name}") }}}}' in page.read_text("utf-8"), page


def test_an_unknown_calculator_names_the_known_ones():
    with pytest.raises(registry.UnknownCalculator) as err:
        web.run("validator", {}, "en", "2026-11-22")
    assert "validator" in str(err.value) and all(n in str(err.value) for n in registry.names())


def test_tables_are_declared_once():
    assert set(registry.tables()) == {"minimum-wage", "pension-age", "coverage-periods"}


def test_field_kinds_are_a_closed_set():
    assert Field("x", "date", "X").kind is FieldKind.DATE
    with pytest.raises(ValueError):
        Field("x", "number", "X")
    with pytest.raises(ValueError):
        Field("x", "radios", "X")  # fixed options are required for radios
    kinds = {f.kind for n in registry.names() for f in registry.calculator(n).form.fields}
    assert kinds <= set(FieldKind)
