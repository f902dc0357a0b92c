"""Content checks for the guides (issue 5): every language has every page, every guide names its
sources and when they were last checked, and a guide's h2 anchors are the same in every language.

A guide is any page under docs/<lang>/guides/ except index.md. Its shape:

    ---
    last_checked: 2026-11-22
    sources:
      - source: ebtv               # an id in calculators/sources.toml (title, link, date)
    ---
    ...
    ## Sources { #sources }       (lists the sources with links and says the date)
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from calculators.core import sources as registry

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "hu": "január február március április május június július augusztus szeptember október november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
H2 = re.compile(r"^##(?!#)\s*(?P<text>.*?)\s*$", re.MULTILINE)
HEADING_ID = re.compile(r"\{\s*[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
SOURCES_MACRO = re.compile(r"\{\{\s*sources\(\s*[\"'](?P<ids>[\w,-]+)[\"']\s*\)\s*\}\}")
LINK = re.compile(r"\]\((?P<url>https?://[^)\s]+)\)|<(?P<auto>https?://[^>\s]+)>")


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (!ENV, !relative): they become None."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def languages() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=ConfigLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [language["locale"] for language in i18n["languages"]]


LANGUAGES = languages()


def pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def guide_names() -> list[str]:
    names = set()
    for lang in LANGUAGES:
        names |= {p.name for p in (DOCS / lang / "guides").glob("*.md") if p.name != "index.md"}
    return sorted(names)


GUIDES = guide_names()
GUIDE_FILES = [(name, lang) for name in GUIDES for lang in LANGUAGES]


def split_front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"\A---\n(.*?)\n---\n(.*)\Z", text, re.DOTALL)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def read_guide(name: str, lang: str) -> tuple[dict, str]:
    path = DOCS / lang / "guides" / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing")
    return split_front_matter(path.read_text("utf-8"))


def h2_headings(body: str) -> list[tuple[str, str | None]]:
    """(text, explicit id or None) of every level-2 heading outside code fences."""
    headings = []
    for match in H2.finditer(FENCE.sub("", body)):
        text = match.group("text")
        found = HEADING_ID.search(text)
        headings.append((text, found.group("id") if found else None))
    return headings


def section(body: str, heading_id: str) -> str:
    """The text from the h2 carrying `heading_id` up to the next h2 ("" when there is none)."""
    body = FENCE.sub("", body)
    starts = [(m.start(), m.end(), HEADING_ID.search(m.group("text"))) for m in H2.finditer(body)]
    for i, (_, end, found) in enumerate(starts):
        if found and found.group("id") == heading_id:
            stop = starts[i + 1][0] if i + 1 < len(starts) else len(body)
            return body[end:stop]
    return ""


def date_spellings(day: dt.date, lang: str) -> list[str]:
    """How a page may state the date: ISO, or written out the way the language writes dates."""
    spellings = [day.isoformat()]
    if lang == "en":
        month = MONTHS["en"].split()[day.month - 1]
        spellings += [f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}"]
    elif lang == "hu":
        spellings.append(f"{day.year}. {MONTHS['hu'].split()[day.month - 1]} {day.day}.")
    elif lang == "pl":
        spellings.append(f"{day.day} {MONTHS['pl'].split()[day.month - 1]} {day.year}")
    elif lang == "vi":
        spellings.append(f"ngày {day.day} tháng {day.month} năm {day.year}")
    return spellings


# --- every page in every language -------------------------------------------------------------


def test_there_are_guides_and_languages() -> None:
    assert len(LANGUAGES) >= 2 and "en" in LANGUAGES
    assert GUIDES, "no guide found under docs/*/guides/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_in_every_language(lang: str) -> None:
    everywhere = set().union(*(pages(other) for other in LANGUAGES))
    missing = sorted(everywhere - pages(lang))
    assert not missing, f"docs/{lang}/ lacks pages that another language has: {missing}"


# --- front matter ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), GUIDE_FILES)
def test_front_matter_has_last_checked_and_sources(name: str, lang: str) -> None:
    meta, _ = read_guide(name, lang)
    where = f"docs/{lang}/guides/{name}"
    assert meta, f"{where}: no YAML front matter"
    assert isinstance(meta.get("last_checked"), dt.date), f"{where}: last_checked must be a date (YYYY-MM-DD)"
    sources = meta.get("sources")
    assert isinstance(sources, list) and sources, f"{where}: front matter lists no sources"
    for source in sources:  # by registry id alone: the registry checks title, link and date itself
        assert isinstance(source, dict) and set(source) == {"source"}, \
            f"{where}: a source is given by its registry id alone (- source: <id>), not {source!r}"
        assert registry.source(source["source"]), f"{where}: unknown source id {source['source']!r}"


@pytest.mark.parametrize("name", GUIDES)
def test_last_checked_is_the_same_in_every_language(name: str) -> None:
    dates = {lang: read_guide(name, lang)[0].get("last_checked") for lang in LANGUAGES}
    assert len(set(dates.values())) == 1, f"{name}: last_checked differs between languages: {dates}"


# --- the sources section -----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), GUIDE_FILES)
def test_sources_section_links_the_sources_and_says_when_checked(name: str, lang: str) -> None:
    meta, body = read_guide(name, lang)
    where = f"docs/{lang}/guides/{name}"
    text = section(body, "sources")
    assert text.strip(), f"{where}: no h2 with the id #sources"
    linked = {m.group("url") or m.group("auto") for m in LINK.finditer(text)}
    listed = {i for m in SOURCES_MACRO.finditer(text) for i in m.group("ids").split(",")}
    linked |= {registry.source(i).url for i in listed if registry.source(i).url}
    assert linked, f"{where}: the sources section links nothing"
    for source in meta.get("sources") or []:
        assert source["source"] in listed, f"{where}: {source['source']} is in the front matter but not listed"
    checked = meta.get("last_checked")
    if isinstance(checked, dt.date):
        spellings = date_spellings(checked, lang)
        assert any(s in text for s in spellings), f"{where}: #sources does not say the date {spellings}"


# --- headings agree across languages ------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), GUIDE_FILES)
def test_every_h2_has_an_explicit_id(name: str, lang: str) -> None:
    _, body = read_guide(name, lang)
    without = [text for text, heading_id in h2_headings(body) if heading_id is None]
    assert not without, f"docs/{lang}/guides/{name}: h2 without {{ #id }}: {without}"


@pytest.mark.parametrize("name", GUIDES)
def test_h2_ids_are_the_same_in_every_language(name: str) -> None:
    ids = {lang: [i for _, i in h2_headings(read_guide(name, lang)[1])] for lang in LANGUAGES}
    reference = ids[LANGUAGES[0]]
    differing = {lang: got for lang, got in ids.items() if got != reference}
    assert not differing, f"{name}: h2 ids differ from {LANGUAGES[0]} {reference}: {differing}"


# --- the checker itself can fail ----------------------------------------------------------------


def test_checks_catch_a_bad_guide() -> None:
    meta, body = split_front_matter("# T\n\n## Steps\n\n```\n## Not a heading { #x }\n```\n")
    assert meta == {}
    assert h2_headings(body) == [("Steps", None)]
    assert section(body, "sources") == ""
    good = "---\nlast_checked: 2026-11-22\n---\n## Sources { #sources }\nChecked 22 November 2026.\n## Next { #next }\n"
    meta, body = split_front_matter(good)
    assert meta["last_checked"] == dt.date(2026, 11, 22)
    assert "22 November 2026" in section(body, "sources") and "Next" not in section(body, "sources")
    assert "2026. november 22." in date_spellings(dt.date(2026, 11, 22), "hu")


# --- the site still builds cleanly ---------------------------------------------------------------


def test_strict_build_is_clean(site_build) -> None:
    """The session's one strict build (tests/conftest.py), shared with the site and browser tests."""
    assert site_build.returncode == 0, site_build.log[-3000:]
    assert not site_build.warnings(), "\n".join(site_build.warnings())
