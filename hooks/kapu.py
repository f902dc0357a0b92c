"""MkDocs hooks: everything `mkdocs build` needs beyond Markdown, so there is no manual step.

- on_config: compile the gettext catalogs; take the translated site name and navigation
  titles from them (one catalog per language for pages and Python alike); generate the office
  finder's postcode asset from the pinned package (kapu_build/postcodes.py).
- on_page_markdown: render calculator macros in the page's language.
- on_post_build: copy the browser bridge and the pinned Pyodide from node_modules, and build
  the calculators wheel, into the site; write the Content-Security-Policy it needs (kapu_build/csp.py).
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators.i18n import DEFAULT_LANGUAGE, N_, translate  # noqa: E402
from kapu_build import catalogs, csp, postcodes, wheel  # noqa: E402
from macros import render_macros  # noqa: E402

log = logging.getLogger("mkdocs.hooks.kapu")

SITE_NAME = N_("Kapu: e-services step by step")
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# The Pyodide core the worker loads; everything else in the npm package stays out of the site.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def _nav_titles(nav: list) -> set[str]:
    titles = set()
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.add(title)
                if isinstance(value, list):
                    titles |= _nav_titles(value)
    return titles


@event_priority(100)  # before mkdocs-static-i18n reads its per-language settings
def on_config(config):
    catalogs.compile_all()
    postcodes.generate()  # the office finder's postcode asset, from the pinned package (ODbL)
    i18n = config.plugins.get("i18n")
    titles = _nav_titles(config.nav or [])
    for language in i18n.config.languages:
        lang = language.locale
        language.site_name = translate(lang, SITE_NAME)
        if lang != DEFAULT_LANGUAGE:
            language.nav_translations = {t: translate(lang, t) for t in titles}
    return config


ABBREVIATIONS = ROOT / "includes" / "abbreviations"


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", DEFAULT_LANGUAGE)
    markdown = render_macros(markdown, lang)
    # The glossary's abbreviations (*[TAJ]: …) become tooltips on every page of that language.
    glossary = ABBREVIATIONS / f"{lang}.md"
    if glossary.exists():
        markdown += "\n\n" + glossary.read_text("utf-8")
    return markdown


def _copy_if_changed(src: Path, dst: Path) -> None:
    if (dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime
            and dst.stat().st_mode == src.stat().st_mode):  # a 0600 copy left by an earlier build is redone
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def on_post_build(config):
    site = Path(config.site_dir)
    assets = site / "assets"
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_DIR / name).exists()]
    if missing:
        raise SystemExit(f"Pyodide is not installed ({', '.join(missing)} missing): run `npm ci` (make setup).")
    for name in PYODIDE_FILES:
        _copy_if_changed(PYODIDE_DIR / name, assets / "pyodide" / name)
    built = wheel.build(assets / "kapu" / "wheels")
    # ODbL: the derived postcode file stays open, as a plain download beside the wheel.
    _copy_if_changed(postcodes.ASSET, assets / "kapu" / "data" / postcodes.PUBLISHED_NAME)
    for src in (ROOT / "web").iterdir():
        dst = assets / "kapu" / src.name
        text = src.read_text("utf-8").replace("__KAPU_WHEEL__", f"wheels/{built.name}")
        if not dst.exists() or dst.read_text("utf-8") != text:
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(text, "utf-8")
    hashes = csp.write(site)  # the exact policy these pages need (hashes of Material's inline scripts)
    log.info("Content-Security-Policy: %d inline script hashes (site/%s)", len(hashes), csp.POLICY_FILE)
