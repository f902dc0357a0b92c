"""One search index per language, so a reader searches the pages of their own language.

Material's search (9.x) fetches `search/search_index.json` relative to the `base` in the page's
`<script id="__config">`, and resolves each result's `location` against that same base. static-i18n
joins every language into one index at the site root. After the build, `split` writes one index
per language into its own folder (`/search/…` English, `/hu/search/…` Hungarian, …) with locations
relative to that folder, and `point_search_at` sets each page's `base` to its language's folder.

Each index says how it is searched (the worker reads its `config`). A language that lunr supports
(`lang` of the search plugin in mkdocs.yml: en, hu, vi) gets its own lunr language module and the
plugin's pipeline. lunr has no Polish support, so the Polish index is English lunr with the whole
pipeline taken out: Polish words are indexed and matched as written, as Material itself does for
Polish. (Material turns every query word into a prefix search, `word*`, which lunr does not stem.)
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

INDEX = Path("search") / "search_index.json"
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_search_at(html: str, base: str) -> str:
    """Set the base of Material's config in a rendered page (search index and result links)."""
    def replace(match: re.Match) -> str:
        config = json.loads(match.group(2))
        config["base"] = base
        return match.group(1) + json.dumps(config, ensure_ascii=False, separators=(",", ":")) + match.group(3)
    return _CONFIG.sub(replace, html, count=1)


# Material's search box is a role="dialog" with no name (axe/Lighthouse: aria-dialog-name; a
# screen reader announces just "dialog"). Its partial cannot be extended, only copied whole, so
# the rendered page gets the name instead; tests/site/test_site.py checks every page has it.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name (the page's language)."""
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{escape(label)}">', 1)


def language_of(location: str, languages: list[str], default: str) -> tuple[str, str]:
    """(language, location inside that language's folder) of an entry of the joint index."""
    head, _, rest = location.partition("/")
    if head in languages and head != default:
        return head, rest
    return default, location


def index_config(lang: str, joint: dict, supported: list[str]) -> dict:
    """How lunr indexes and searches one language's pages."""
    if lang in supported:
        return {**joint, "lang": [lang]}
    # lunr knows nothing of this language: English lunr with its whole pipeline taken out.
    return {**joint, "lang": ["en"], "pipeline": []}


def split(site: Path, supported: list[str], languages: list[str], default: str) -> dict[str, Path]:
    """Rewrite the joint index at the site root as one index per language; returns their paths.
    `supported`: the languages lunr has a module for (the search plugin's `lang`)."""
    joint = json.loads((site / INDEX).read_text("utf-8"))
    docs: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in joint["docs"]:
        lang, location = language_of(doc["location"], languages, default)
        docs[lang].append({**doc, "location": location})
    written = {}
    for lang in languages:
        path = site / ("" if lang == default else lang) / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"config": index_config(lang, joint["config"], supported), "docs": docs[lang]}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        written[lang] = path
    return written
