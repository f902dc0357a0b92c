"""The one sources registry (calculators/sources.toml): id → title, address, date checked.

Rules' why-steps, parameter values, guides and the About → Sources page cite a source by its id;
the reader sees its title, its link and when it was checked, never the id. The file is read
strictly: an unknown or misspelt key, a missing title or date, or an address that is not https
is an error when the registry loads, not a silently missing link.

A title is what the reader sees. A legal text keeps its own title in every language; a source
described in words (a news report, a guide) may carry `title_hu`, `title_pl` and `title_vi`
beside the English `title`: all three or none, so no language is silently left in English.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache

from calculators.core.files import read_text

TOPICS = ("seed", "hungary", "russia", "vietnam")
TRANSLATED = ("hu", "pl", "vi")  # the languages besides English that a described title is written in
_REQUIRED = {"title", "checked", "topic"}
_TITLES = {f"title_{lang}" for lang in TRANSLATED}
_ALLOWED = _REQUIRED | {"url"} | _TITLES


class SourceError(ValueError):
    """The registry or a reference to it is malformed."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    checked: dt.date
    topic: str
    url: str | None = None
    titles: dict[str, str] = field(default_factory=dict)  # the title in hu/pl/vi, when translated

    def title_in(self, lang: str) -> str:
        """The title as a reader of `lang` sees it (the one title when it is not translated)."""
        return self.titles.get(lang, self.title)


def parse(text: str, where: str = "sources.toml") -> dict[str, Source]:
    """Parse and check a registry text (the file's, or a test's)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:  # duplicate keys are caught here too
        raise SourceError(f"{where}: {err}") from None
    registry = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise SourceError(f"{where}: [{key}] must be a table")
        unknown, missing = set(entry) - _ALLOWED, _REQUIRED - set(entry)
        if unknown or missing:
            raise SourceError(f"{where}: [{key}] unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
        if not isinstance(entry["checked"], dt.date) or isinstance(entry["checked"], dt.datetime):
            raise SourceError(f"{where}: [{key}] checked must be a date (YYYY-MM-DD)")
        if entry["topic"] not in TOPICS:
            raise SourceError(f"{where}: [{key}] topic must be one of {TOPICS}")
        url = entry.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            raise SourceError(f"{where}: [{key}] url must be an https:// address")
        given = _TITLES & set(entry)
        if given and given != _TITLES:
            raise SourceError(f"{where}: [{key}] translated titles missing: {sorted(_TITLES - given)}")
        titles = {lang: entry[f"title_{lang}"] for lang in TRANSLATED if f"title_{lang}" in entry}
        registry[key] = Source(key, entry["title"], entry["checked"], entry["topic"], url, titles)
    return registry


@cache
def registry() -> dict[str, Source]:
    return parse(read_text("sources.toml"))


def source(source_id: str) -> Source:
    """The source with this id; an unknown id is an error (a typo must not drop a citation)."""
    try:
        return registry()[source_id]
    except KeyError:
        raise SourceError(f"unknown source id {source_id!r}") from None
