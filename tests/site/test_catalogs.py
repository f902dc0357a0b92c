"""One gettext catalog per language, complete: every string the code and templates use is
translated in every language, with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from kapu_build import ROOT, catalogs

TRANSLATED = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Extract the strings afresh from the code, templates and navigation."""
    pot = tmp_path_factory.mktemp("pot") / "kapu.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_",
         "--no-location", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as f:
        return {m.id for m in read_po(f) if m.id}


def test_extraction_finds_the_strings(extracted):
    assert "Check a code" in extracted and "Guides" in extracted and len(extracted) > 50


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_is_translated(lang, extracted):
    catalog = {m.id: m for m in catalogs.load(lang) if m.id}
    missing = sorted(extracted - catalog.keys())
    empty = sorted(i for i, m in catalog.items() if i in extracted and (not m.string or m.fuzzy))
    assert not missing, f"{lang}: not in the catalog (run make catalogs): {missing}"
    assert not empty, f"{lang}: not translated: {empty}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_match(lang):
    for message in catalogs.load(lang):
        if message.id and message.string:
            assert sorted(PLACEHOLDER.findall(message.id)) == sorted(PLACEHOLDER.findall(message.string)), message.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalog_is_used_at_run_time(lang):
    catalogs.compile_all()
    assert translate(lang, "Check a code") != "Check a code"
