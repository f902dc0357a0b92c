"""Outdated names never stand alone (issue 9): a page that names a replaced act or a renamed agency
also says what replaced it, so a reader never takes the old name for today's.

- Vietnam: Nghị định 59/2022/NĐ-CP (VNeID account levels) was replaced by Nghị định 69/2024/NĐ-CP
  on 2024-07-01; Thông tư 07/2016/TT-BCA (ID number structure) by Thông tư 59/2021/TT-BCA (art. 4).
- Russia: the Pension Fund (ПФР) became part of the Social Fund (СФР) on 2023-01-01; the Federal
  Migration Service (ФМС) was abolished in 2016 and its functions moved to the МВД.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.test_guides import DOCS, LANGUAGES, ROOT, read_guide, section

# (old name, what a page naming it must also say): each successor with the year of the change.
SUCCESSORS: dict[str, tuple[str, ...]] = {
    "59/2022": ("69/2024",),
    "07/2016": ("59/2021",),
    "ПФР": ("СФР", "2023"),
    "ФМС": ("МВД", "2016"),
}
# The act of 2016 still names the province codes (Phụ lục 1) in the licences and the calculators'
# reference tables; the guides and About > Sources speak about the law as it stands.
ACT_PAGES = ("guides/", "about/sources.md")
ABBREVIATIONS = ROOT / "includes" / "abbreviations"
TOOLTIP = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>.*)$", re.MULTILINE)


def missing_successors(text: str, old_names: tuple[str, ...] = tuple(SUCCESSORS)) -> list[str]:
    """Each old name in `text` whose successor (or the year of the change) the text never mentions."""
    return [f"{old} without {needed}" for old in old_names if old in text
            for needed in SUCCESSORS[old] if needed not in text]


def pages() -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (DOCS / lang).rglob("*.md"))


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_a_page_naming_a_renamed_agency_says_what_replaced_it(page: Path) -> None:
    problems = missing_successors(page.read_text("utf-8"), ("ПФР", "ФМС"))
    assert not problems, f"{page.relative_to(ROOT)}: {problems}"


@pytest.mark.parametrize("page", [p for p in pages() if any(part in p.relative_to(DOCS).as_posix()
                                                            for part in ACT_PAGES)],
                         ids=lambda p: p.relative_to(DOCS).as_posix())
def test_a_page_naming_a_replaced_act_names_the_act_in_force(page: Path) -> None:
    problems = missing_successors(page.read_text("utf-8"), ("59/2022", "07/2016"))
    assert not problems, f"{page.relative_to(ROOT)}: {problems}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_vneid_levels_cite_the_decree_in_force_and_since_when(lang: str) -> None:
    _, body = read_guide("vneid-health-book.md", lang)
    levels = section(body, "levels")
    assert "69/2024" in levels and "2024" in levels.replace("69/2024", ""), \
        f"docs/{lang}/guides/vneid-health-book.md #levels: Decree 69/2024 and its date must come first"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tooltips_of_renamed_agencies_say_what_became_of_them(lang: str) -> None:
    tooltips = {m["term"]: m["text"] for m in TOOLTIP.finditer((ABBREVIATIONS / f"{lang}.md").read_text("utf-8"))}
    for old in ("ПФР", "ФМС"):
        assert old in tooltips, f"{lang}: no tooltip for {old}"
        assert not missing_successors(f"{old} {tooltips[old]}", (old,)), f"{lang} tooltip {old}: {tooltips[old]}"
    for new in ("СФР", "МВД"):  # the successors are named on the pages, so they get a tooltip too
        assert new in tooltips, f"{lang}: no tooltip for {new}"


def test_the_check_can_fail() -> None:
    assert missing_successors("Decree 59/2022, article 12.") == ["59/2022 without 69/2024"]
    assert missing_successors("checked with the ПФР") == ["ПФР without СФР", "ПФР without 2023"]
    assert missing_successors("ФМС; its work moved to the МВД in 2016.") == []
    assert missing_successors("Nothing outdated here.") == []
