"""Compile the gettext catalogs (.po, edited by people) into .mo files (read by gettext)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from calculators.core.i18n import DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, LOCALE_DIR


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang)


def compile_all() -> list[Path]:
    """Write an up-to-date .mo beside every translated .po; returns the files written."""
    written = []
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalog = load(lang)
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        written.append(mo)
    return written
