"""The built site: strict build, every page in every language, no third-party origin anywhere."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from calculators.core.i18n import LANGUAGES
from kapu_build.wheel import wheel_name

DOCS = Path(__file__).resolve().parents[2] / "docs"
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
    (wasm,) = built_site.glob("assets/pyodide/*/pyodide.asm.wasm")  # in Pyodide's versioned folder
    assert wasm.stat().st_size > 1_000_000
    assert (built_site / "assets/kapu/wheels" / wheel_name()).exists()
    worker = (built_site / "assets/kapu/worker.mjs").read_text("utf-8")
    assert Path(wheel_name()).stem in worker and "__KAPU" not in worker


def test_the_outcome_schema_is_published(built_site):
    published = built_site / "assets/kapu/outcome.schema.json"
    source = Path(__file__).resolve().parents[2] / "calculators/core/outcome.schema.json"
    assert published.read_bytes() == source.read_bytes()
    assert json.loads(published.read_text("utf-8"))["title"] == "Kapu calculator outcome"


def test_only_calculator_pages_carry_a_widget(built_site):
    assert 'data-calculator="validators"' in (built_site / "hu/calculators/validators/index.html").read_text("utf-8")
    assert "data-calculator" not in (built_site / "about/privacy/index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index(built_site, lang):
    index = json.loads((built_site / ("" if lang == "en" else lang) / "search/search_index.json").read_text("utf-8"))
    assert index["docs"] and not [d for d in index["docs"] if d["location"].startswith(("hu/", "pl/", "vi/"))]
    # lunr's own language support for Hungarian, Vietnamese and English; lunr has none for Polish,
    # so its words are indexed and matched as written (no stemmer, no English stop words).
    assert index["config"]["lang"] == (["en"] if lang == "pl" else [lang])
    if lang == "pl":
        assert index["config"]["pipeline"] == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_site_name_and_navigation_are_translated(built_site, lang):
    html = (built_site / lang / "index.html").read_text("utf-8")
    english = (built_site / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title != re.search(r"<title>(.*?)</title>", english).group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_validators_page_shows_every_worked_example(built_site, lang):
    from calculators.core import examples

    html = (built_site / ("" if lang == "en" else lang) / "calculators/validators/index.html").read_text("utf-8")
    rows = re.findall(r'<tr data-example="([\w-]+)"', html)
    assert rows == [e["id"] for e in examples.load("validators")["example"]]


def test_hreflang_alternates_are_in_the_sitemap_not_in_the_head(built_site):
    """Material fetches `sitemap.xml` beside every <link rel="alternate"> of a page's head, so page-level
    alternates there meant four 404s per page (hooks/kapu.py). The sitemap carries them instead:
    every page, in every language, with its four language versions."""
    heads = [p for p in built_site.rglob("*.html") if 'rel="alternate"' in p.read_text("utf-8")]
    assert not heads, heads
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    entries = re.findall(r"<url>\s*<loc>[^<]*?//[^/]+/([^<]*)</loc>(.*?)</url>", sitemap, re.DOTALL)
    alternates = {loc: dict(re.findall(r'hreflang="([\w-]+)" href="[^"]*?//[^/]+/([^"]*)"', rest))
                  for loc, rest in entries}
    for page in (DOCS / "en").rglob("*.md"):
        rel = page.relative_to(DOCS / "en").with_suffix("").as_posix()
        rel = "" if rel == "index" else (rel.removesuffix("/index").removesuffix("index") + "/")
        versions = {lang: ("" if lang == "en" else f"{lang}/") + rel for lang in LANGUAGES}
        for lang in LANGUAGES:
            assert alternates.get(versions[lang]) == versions, (lang, rel)


# A seed page's number ("source page 003") or a registry id ("neak-self-notification") is nothing a
# reader can follow: pages name the source itself ("according to NEAK's page 'Egyéni bejelentés'").
# The wordings each language used for the seed pages before the sources registry:
SEED_ID = re.compile(
    r"(?i)\b(?:seed|source)\s+(?:page\s+)?00\d\b"  # en: seed page 003, source page 000, source 002
    r"|\b00\d-[aeö]?s\s+forrás"  # hu: 003-as forrásoldal, 000-s forrásoldal, a 002-es forrásban
    r"|\bforrás\w*\s+00\d\b"  # hu, the other order: forrásoldal 003
    r"|\b(?:stron\w*\s+)?źród[łl]\w*\s+00\d\b"  # pl: strona źródłowa 000, stronie źródłowej 004, w źródle 002
    r"|\bnguồn\s+00\d\b"  # vi: trang nguồn 004, nguồn 002
)
SEED_WORDINGS = [
    "the NEAK page (seed page 003)", "Source page 002 only", "(source 002)", "Seed page 004 (thuvienphapluat)",
    "a NEAK oldala (003-as forrásoldal)", "000-s forrásoldal", "(a 002-es forrásban megadott cím)",
    "004-es forrásoldal", "Strona źródłowa 001:", "wskazana na stronie źródłowej 000", "(źródło 002)",
    "adres podany w źródle 002", "Trang nguồn 004:", "chỉ có ở trang nguồn 004", "(nguồn 002)",
]
NOT_SEED_IDS = ["001 0 90 123456 is a man born in 1990", "EGBIZ00002-es ügy", "Thông tư 07/2016/TT-BCA",
                "the source says 69,600 Ft", "a forrás szerint 2023-ban", "źródło: 2023", "nguồn: năm 2023"]
TAGS = re.compile(r"<[^>]+>")
SCRIPTS = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


def reader_text(html: str) -> str:
    """What a reader can see of a page: its text, without markup, scripts or styles."""
    return TAGS.sub(" ", SCRIPTS.sub(" ", html))


# A web address is not an id: a page's own address (printed at the head of a handout,
# macros/handout.py) may contain a path that matches a registry id ("…/guides/municipal-portal/"),
# and the reader can follow it. Ids in the words around addresses are still found.
ADDRESS = re.compile(r"\bhttps?://\S+")


def shown_ids(text: str) -> list[str]:
    """The registry ids a reader can see in `text`, web addresses left aside."""
    words = ADDRESS.sub(" ", text)
    return [i for i in registry_ids() if i in words]


def registry_ids() -> list[str]:
    from calculators.core import sources

    # A one-word id ("ebtv", "gosuslugi") is also an ordinary word of the text; the made-up ones are not.
    return [i for i in sources.registry() if "-" in i]


def test_the_seed_id_pattern_catches_every_wording_used_and_nothing_else():
    assert [w for w in SEED_WORDINGS if not SEED_ID.search(w)] == []
    assert [w for w in NOT_SEED_IDS if SEED_ID.search(w)] == []


def test_an_address_is_not_an_id_but_the_words_around_it_are_read():
    ident = registry_ids()[0]
    assert shown_ids(f"Kapu · https://kapu.example/guides/{ident}/ · Last checked") == []
    assert shown_ids(f"see https://kapu.example/ (source {ident})") == [ident]


def test_no_page_in_any_language_shows_a_seed_number_or_a_registry_id(built_site):
    offenders = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 4 * len(list((DOCS / "en").rglob("*.md")))
    for path in pages:
        text = reader_text(path.read_text("utf-8"))
        found = SEED_ID.findall(text) + shown_ids(text)
        if found:
            offenders.append(f"{path.relative_to(built_site)}: {found[:3]}")
    assert not offenders, "\n".join(offenders)


def test_search_results_show_no_seed_number_or_registry_id(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text("utf-8"))
    offenders = []
    for doc in index["docs"]:
        text = reader_text(doc["title"] + " " + doc["text"])
        found = SEED_ID.findall(text) + shown_ids(text)
        if found:
            offenders.append(f"{doc['location']}: {found[:3]}")
    assert not offenders, "\n".join(offenders)


def test_the_sources_page_lists_the_registry_with_local_dates(built_site):
    from calculators.core import sources
    from calculators.core.i18n import format_date

    for lang in LANGUAGES:
        page = (built_site / ("" if lang == "en" else lang) / "about" / "sources" / "index.html").read_text("utf-8")
        text = html.unescape(reader_text(page))
        for source in sources.registry().values():  # every topic, each title in the page's language
            assert source.title_in(lang) in text, (lang, source.id)
            assert format_date(lang, source.checked) in text, (lang, source.id)


def test_every_file_in_the_site_is_world_readable(built_site):
    # A web server usually runs as another user than the build: a 0600 file answers 403.
    unreadable = [str(p.relative_to(built_site)) for p in built_site.rglob("*") if not p.stat().st_mode & 0o004]
    assert not unreadable


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_dialog_has_a_name_in_the_page_language(built_site, lang):
    """Material's search box is a role="dialog"; unnamed, a screen reader says only "dialog"
    (axe / Lighthouse aria-dialog-name). Every page, 404 included, names it in its language."""
    from calculators.core.i18n import translate
    from hooks.languages import SEARCH_DIALOG_NAME

    folder = built_site / ("" if lang == "en" else lang)
    pages = [p for p in folder.rglob("index.html") if lang != "en" or p.relative_to(built_site).parts[0] not in LANGUAGES]
    pages.append(folder / "404.html")
    label = html.escape(translate(lang, SEARCH_DIALOG_NAME))
    if lang != "en":
        assert label != SEARCH_DIALOG_NAME
    unnamed = []
    for page in pages:
        text = page.read_text("utf-8")
        if 'data-md-component="search"' in text and f'role="dialog" aria-label="{label}"' not in text:
            unnamed.append(page.relative_to(built_site).as_posix())
    assert unnamed == []
    assert len(pages) > 10
