"""The embed pages (issue 8) as built: one per calculator and language, from the registry."""

from __future__ import annotations

import json
import re

import pytest

from calculators.core import registry
from calculators.core.i18n import LANGUAGES, translate
from macros import calculator_page
from macros.embed import HEIGHTS, embed_path

CASES = [(name, lang) for lang in LANGUAGES for name in registry.names()]


def test_every_calculator_has_a_documented_height():
    assert set(HEIGHTS) == set(registry.names())


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_embed_page_is_the_widget_alone(built_site, name, lang):
    html = (built_site / embed_path(name, lang) / "index.html").read_text("utf-8")
    assert f'<html lang="{lang}"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://127.0.0.1:8000/{calculator_page(name, lang)}">' in html
    # the same widget contract as the full page
    assert f'data-calculator="{name}" data-state="loading"' in html
    assert 'aria-live="polite"' in html and "kapu-error-summary" in html
    # no chrome: no header, navigation, search, footer or page title in what the page shows. The
    # printed answer sheet's words wait in an inert <template> (never rendered, never in the
    # accessibility tree): "Print this answer" prints them as a page of their own, titled by an h1.
    shown, sheets = without_templates(html)
    for chrome in ("md-header", "md-nav", "md-search", "md-footer", "<h1"):
        assert chrome not in shown, chrome
    assert len(sheets) == 1 and "data-kapu-sheet" in sheets[0]
    for chrome in ("md-header", "md-nav", "md-search", "md-footer"):
        assert chrome not in sheets[0], chrome
    assert sheets[0].count("<h1") == 1 and 'class="kapu-sheet__title"' in sheets[0]
    guide = re.search(r'class="kapu-embed__guide"><a href="([^"]+)" target="_blank" rel="noopener">([^<]+)</a>', html)
    assert guide and guide[2] == translate(lang, "Kapu · full guide") + " ↗"
    assert guide[1] == "../../calculators/" + name + "/"  # the full page, beside embed/ in the same language
    # the full page's scripts and nothing more: the bridge (which loads Pyodide) and the frame side
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    # The pages load Kapu's files by their content-hashed names (kapu_build/assets.py).
    # The frame side first: its listeners must be there before the bridge's first answer.
    assert [unhashed(s.rsplit("/", 1)[-1]) for s in scripts] == ["embed-frame.mjs", "bridge.js"]
    # inside another site's page: no service worker of Kapu's, and its own icon (no /favicon.ico 404)
    assert 'data-kapu-offline="off"' in html and '<link rel="icon" href="' in html


def test_embed_pages_are_not_in_the_sitemap_or_search(built_site):
    assert "/embed/" not in (built_site / "sitemap.xml").read_text("utf-8")
    docs = json.loads((built_site / "search/search_index.json").read_text("utf-8"))["docs"]
    assert not [d["location"] for d in docs if "embed/" in d["location"]]


def test_the_host_script_is_small_and_standalone(built_site):
    script = (built_site / "assets/kapu/embed.js").read_text("utf-8")
    assert len(script.encode()) < 5000
    assert "import " not in script and "fetch(" not in script  # no dependency, no request of its own


@pytest.mark.parametrize("lang", LANGUAGES)
def test_municipalities_page_has_the_builder_and_every_calculator(built_site, lang):
    html = (built_site / ("" if lang == "en" else lang) / "municipalities/index.html").read_text("utf-8")
    assert "data-kapu-embed-builder" in html and re.search(r"assets/kapu/embed-builder\.[0-9a-f]{12}\.mjs", html)
    for name in registry.names():
        assert f"<code>{name}</code>" in html
        assert f"<code>/{embed_path(name, lang)}</code>" in html


TEMPLATE = re.compile(r"<template\b.*?</template>", re.DOTALL)


def without_templates(html: str) -> tuple[str, list[str]]:
    """The page's HTML without its <template> elements, and those templates."""
    return TEMPLATE.sub("", html), TEMPLATE.findall(html)


def unhashed(name: str) -> str:
    """bridge.0123456789ab.js -> bridge.js"""
    return re.sub(r"\.[0-9a-f]{12}(?=\.[a-z]+$)", "", name)
