"""Embed pages and the embed builder (issue 8): every calculator, in every language, as a
chrome-less page for iframes on other sites, from the same widget macro as its full page.

The pages are generated from the registry at build time (hooks/kapu.py calls `write_pages` after
MkDocs has built the site), so they are no MkDocs pages: never in the navigation, the search
index or the sitemap.
"""

from __future__ import annotations

import json
from pathlib import Path

from calculators.core import registry
from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate

# The iframe height (CSS px) for the no-script snippet: the form and a typical answer (the first
# worked example that answers) without a scrollbar, measured at 360 px and 1280 px wide and the
# larger kept, plus a margin (tests/browser/test_embed_browser.py: the no-script test checks these
# heights; the script test measures every calculator in every language).
# Measured 2026-11-30 after "Copy link to this answer" and "Print this answer" joined the answer
# (content px at 360 / 1280, the largest of the four languages): validators 1000 / 764,
# eligibility 3621 / 1972, coverage-end 1733 / 1103, office-finder 1355 / 801; ~80 px kept for
# the "Link copied." line and longer wording.
HEIGHTS: dict[str, int] = {
    "validators": 1080,
    "eligibility": 3720,
    "coverage-end": 1820,
    "office-finder": 1440,
}


def embed_path(name: str, lang: str) -> str:
    """Where calculator `name`'s embed page is, from the site root: "hu/embed/eligibility/"."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}embed/{name}/"


def page(name: str, lang: str, site_url: str, stylesheets: list[str]) -> str:
    """The embed page of calculator `name` in `lang`, as HTML. `stylesheets` are the theme's
    style sheets from the site root (their names carry a hash)."""
    from macros import calculator, calculator_page, environment, relative

    here = embed_path(name, lang)
    root = relative("", here)
    form = registry.calculator(name).form
    return environment(lang).get_template("embed.html").render(
        lang=lang,
        title=translate(lang, form.title),
        canonical=site_url.rstrip("/") + "/" + calculator_page(name, lang),
        root=root if root != "./" else "",
        stylesheets=stylesheets,
        widget=calculator(name, lang, here),
        guide=relative(calculator_page(name, lang), here),
    )


def write_pages(site: Path, site_url: str) -> list[Path]:
    """Write every calculator's embed page in every language into the built `site`."""
    sheets = sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "stylesheets").glob("*.min.css"))
    sheets.sort(key=lambda s: not Path(s).name.startswith("main."))  # Material's main sheet first
    written = []
    for lang in LANGUAGES:
        for name in registry.names():
            out = site / embed_path(name, lang) / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(page(name, lang, site_url, sheets), "utf-8")
            written.append(out)
    return written


def builder_data(lang: str) -> dict:
    """What the embed builder offers: every calculator (name, title in `lang`, height) and every
    language (code, name in `lang`)."""
    return {
        "calculators": [
            {"name": n, "title": translate(lang, registry.calculator(n).form.title), "height": HEIGHTS[n],
             "titles": {other: translate(other, registry.calculator(n).form.title) for other in LANGUAGES}}
            for n in registry.names()
        ],
        "languages": LANGUAGES,
    }


def builder_json(lang: str) -> str:
    return json.dumps(builder_data(lang), ensure_ascii=False)
