"""Figures quoted in the guides' prose come from the same dated parameters as the calculators:
when a new minimum wage is added, this test points at the sentences to update."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.rules.hu.self_notification import figures
from calculators.core.i18n import LANGUAGES, format_number

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_self_notification_guide_quotes_the_current_income_limit(lang):
    latest = figures.parameter("minimum_wage").values[-1]
    limit = _plain(format_number(lang, figures.income_threshold(latest.start)))
    wage = _plain(format_number(lang, latest.value))
    text = _plain((DOCS / lang / "guides" / "self-notification.md").read_text("utf-8"))
    assert f"{limit} Ft" in text and f"{wage} Ft" in text
