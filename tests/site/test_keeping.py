"""What the printed answer sheet says about the rules: when they were last checked comes from the
sources registry, through each calculator's declared sources (issue 13)."""

from __future__ import annotations

import pytest

import macros
from calculators.core import registry
from calculators.core import sources as source_registry


@pytest.mark.parametrize("name", registry.names())
def test_every_calculator_names_the_sources_its_rules_rest_on(name):
    declared = registry.calculator(name)
    assert declared.sources, f"{name} declares no sources"
    for source_id in declared.sources:
        source_registry.source(source_id)  # raises for an unknown id


def test_rules_checked_is_the_oldest_date_of_the_sources():
    declared = registry.calculator("eligibility")
    oldest = min(source_registry.source(i).checked for i in declared.sources)
    assert macros.rules_checked(declared, "en") == f"{oldest.day} {oldest:%B %Y}"
    html = macros.calculator("eligibility", "hu")
    assert "A szabályok utolsó ellenőrzése" in html and "<template data-kapu-sheet>" in html


def test_a_calculator_without_sources_fails_the_build():
    declared = registry.calculator("validators")
    bare = type(declared)(name=declared.name, form=declared.form, run=declared.run)
    with pytest.raises(macros.MacroError, match="declares no sources"):
        macros.rules_checked(bare, "en")
