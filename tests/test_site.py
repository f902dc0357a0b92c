"""The built site: strict build, every page in every language, no third-party origin anywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from calculators.i18n import LANGUAGES
from kapu_build.wheel import wheel_name

DOCS = Path(__file__).resolve().parent.parent / "docs"
# Any absolute URL in an attribute that makes the browser fetch something (not a plain link).
# (rel="canonical" is an address, not a fetch.)
FETCHING_ATTR = re.compile(
    r"""<(?:script|link(?![^>]*rel="canonical")|img|iframe|source|video|audio|embed)\b[^>]*?\b(?:src|href)=["'](https?:)?//"""
)
CSS_IMPORT = re.compile(r"""(?:url\(|@import\s)["']?(?:https?:)?//""")


def test_same_page_tree_in_every_language():
    trees = {lang: sorted(p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.md")) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert trees[lang] == trees["en"], lang


def test_every_language_is_built(built_site):
    for page in (DOCS / "en").rglob("*.md"):
        rel = page.relative_to(DOCS / "en").with_suffix("")
        rel = rel.parent if rel.name == "index" else rel
        for lang in LANGUAGES:
            out = built_site / ("" if lang == "en" else lang) / rel / "index.html"
            assert out.exists(), out
            html = out.read_text("utf-8")
            assert f'<html lang="{lang}"' in html, out


def test_no_request_to_another_origin_is_possible(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html" and FETCHING_ATTR.search(path.read_text("utf-8")):
            offenders.append(path)
        if path.suffix == ".css" and CSS_IMPORT.search(path.read_text("utf-8")):
            offenders.append(path)
    assert not offenders, offenders


def test_pyodide_and_the_wheel_are_self_hosted(built_site):
    assert (built_site / "assets/pyodide/pyodide.asm.wasm").stat().st_size > 1_000_000
    assert (built_site / "assets/kapu/wheels" / wheel_name()).exists()
    worker = (built_site / "assets/kapu/worker.mjs").read_text("utf-8")
    assert wheel_name() in worker and "__KAPU_WHEEL__" not in worker


def test_only_calculator_pages_carry_a_widget(built_site):
    assert 'data-calculator="validators"' in (built_site / "hu/calculators/validators/index.html").read_text("utf-8")
    assert "data-calculator" not in (built_site / "about/privacy/index.html").read_text("utf-8")


def test_search_uses_stemmers_for_hungarian_and_vietnamese(built_site):
    config = json.loads((built_site / "search/search_index.json").read_text("utf-8"))["config"]
    assert {"hu", "vi"} <= set(config["lang"])
    assert "pl" not in config["lang"]  # lunr has no Polish stemmer: words are matched as written


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_site_name_and_navigation_are_translated(built_site, lang):
    html = (built_site / lang / "index.html").read_text("utf-8")
    english = (built_site / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title != re.search(r"<title>(.*?)</title>", english).group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_validators_page_shows_every_worked_example(built_site, lang):
    from calculators import examples

    html = (built_site / ("" if lang == "en" else lang) / "calculators/validators/index.html").read_text("utf-8")
    rows = re.findall(r'<tr data-example="([\w-]+)"', html)
    assert rows == [e["id"] for e in examples.load("validators")["example"]]


def test_every_file_in_the_site_is_world_readable(built_site):
    # A web server usually runs as another user than the build: a 0600 file answers 403.
    unreadable = [str(p.relative_to(built_site)) for p in built_site.rglob("*") if not p.stat().st_mode & 0o004]
    assert not unreadable
