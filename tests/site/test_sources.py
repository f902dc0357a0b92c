"""The one sources registry (calculators/sources.toml) and the pages that cite it (issue 9).

Every page cites a source by its registry id: in its front matter (`- source: <id>`) and in its
#sources list (`{{ sources("id,id") }}`). Here: every id a page names exists; a page names the
same sources, in the same order, in every language; and no registry entry is dead weight, i.e.
each is cited by a page, a parameter file or a rule, or listed by id on About → Sources.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from calculators.core import sources
from calculators.core.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CALCULATORS = ROOT / "calculators"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
SOURCES_MACRO = re.compile(r"\{\{\s*sources\(\s*[\"'](?P<ids>[\w,-]+)[\"']\s*\)\s*\}\}")
PAGES = sorted(str(p.relative_to(DOCS / "en")) for p in (DOCS / "en").rglob("*.md"))


def front_matter_ids(text: str) -> list[str]:
    """The registry ids a page's front matter lists under `sources:` (a non-id entry is an error)."""
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else None
    ids = []
    for entry in (meta or {}).get("sources") or []:
        assert isinstance(entry, dict) and set(entry) == {"source"}, f"not a registry id: {entry!r}"
        ids.append(entry["source"])
    return ids


def macro_ids(text: str) -> list[str]:
    """The ids a page lists by id in `{{ sources("...") }}` (a topic such as "hungary" is not an id)."""
    return [i for m in SOURCES_MACRO.finditer(text) for i in m.group("ids").split(",") if i not in sources.TOPICS]


def page(rel: str, lang: str) -> str:
    return (DOCS / lang / rel).read_text("utf-8")


@pytest.mark.parametrize("rel", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_a_page_names_is_in_the_registry(rel: str, lang: str) -> None:
    text = page(rel, lang)
    unknown = [i for i in front_matter_ids(text) + macro_ids(text) if i not in sources.registry()]
    assert not unknown, f"docs/{lang}/{rel}: not in calculators/sources.toml: {unknown}"


@pytest.mark.parametrize("rel", PAGES)
def test_a_page_names_the_same_sources_in_every_language(rel: str) -> None:
    lists = {lang: (front_matter_ids(page(rel, lang)), macro_ids(page(rel, lang))) for lang in LANGUAGES}
    differing = {lang: got for lang, got in lists.items() if got != lists["en"]}
    assert not differing, f"{rel}: sources differ from en {lists['en']}: {differing}"


@pytest.mark.parametrize("rel", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_front_matter_and_the_listed_sources_agree(rel: str, lang: str) -> None:
    text = page(rel, lang)
    listed = front_matter_ids(text)
    if listed:  # the page's #sources list shows exactly what its front matter declares, in order
        assert macro_ids(text) == listed, f"docs/{lang}/{rel}: front matter {listed} but listed {macro_ids(text)}"


def source_keys(data: object) -> list[str]:
    """Every `source = "<id>"` in a parameter file, at any depth (the file, its values, its bands)."""
    if isinstance(data, dict):
        own = [data["source"]] if isinstance(data.get("source"), str) else []
        return own + [i for v in data.values() for i in source_keys(v)]
    if isinstance(data, list):
        return [i for v in data for i in source_keys(v)]
    return []


def cited_ids() -> set[str]:
    """Every id cited anywhere: pages (front matter or by id), parameter files, the rules' code."""
    cited = set()
    for path in DOCS.rglob("*.md"):
        text = path.read_text("utf-8")
        cited |= set(front_matter_ids(text)) | set(macro_ids(text))
    for path in CALCULATORS.rglob("parameters/*.toml"):  # each programme's, beside its rules
        cited |= set(source_keys(tomllib.loads(path.read_text("utf-8"))))
    code = "\n".join(p.read_text("utf-8") for p in CALCULATORS.rglob("*.py"))
    cited |= {i for i in sources.registry() if f'"{i}"' in code}
    return cited


def test_every_registry_source_is_cited_somewhere() -> None:
    unused = sorted(set(sources.registry()) - cited_ids())
    assert not unused, f"registry entries no page, parameter or rule cites (cite them or list them by id " \
                       f"on About → Sources): {unused}"


def test_the_checks_can_fail() -> None:
    text = '---\nsources:\n  - source: ebtv\n  - source: no-such-source\n---\n{{ sources("hungary,tbj") }}\n'
    assert front_matter_ids(text) == ["ebtv", "no-such-source"]
    assert macro_ids(text) == ["tbj"]
    assert source_keys({"source": "ebtv", "values": [{"source": "tbj"}, {"value": 1}]}) == ["ebtv", "tbj"]
    assert "no-such-source" not in sources.registry()
    with pytest.raises(AssertionError):
        front_matter_ids('---\nsources:\n  - title: "Seed page 001"\n    url: "seed page 001"\n---\n')
