"""Office finder: postcode or settlement name → the government office, its data and its interfaces."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import unicodedata
from dataclasses import replace

import pytest

from kapu_build import postcodes

# The asset is generated at build time, not committed: make sure it exists before the module loads.
postcodes.generate()

from calculators.core.i18n import LANGUAGES  # noqa: E402
from calculators.core.results import InvalidInput  # noqa: E402
from calculators.rules.hu.offices import office_finder as offices  # noqa: E402
from calculators.rules.hu.offices import office_finder_form  # noqa: E402

TODAY = dt.date(2026, 11, 23)


def run(query: str, pick: str = "", lang: str = "en") -> dict:
    return office_finder_form.run({"query": query, "pick": pick}, TODAY).as_dict(lang)


def asset_rows() -> list[dict[str, str]]:
    text = postcodes.ASSET.read_text("utf-8")
    return list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))


# --- the data ---------------------------------------------------------------------------------


def test_every_county_a_postcode_can_map_to_has_an_office() -> None:
    counties = {row["county"] for row in asset_rows()}
    assert counties == set(offices.offices()), counties ^ set(offices.offices())
    assert len(offices.offices()) == 20


def test_every_office_row_has_a_name_seat_source_and_checked_date() -> None:
    for code, office in offices.offices().items():
        assert office.name and office.seat and office.county, code
        assert office.source.strip(), f"{code}: no source"
        dt.date.fromisoformat(office.checked)  # raises if not YYYY-MM-DD
        assert office.url == "" or office.url.startswith("https://"), code


def test_office_names_follow_the_legal_pattern() -> None:
    for code, office in offices.offices().items():
        expected = ("Budapest Főváros Kormányhivatala" if code == "BU"
                    else f"{office.county} Vármegyei Kormányhivatal")
        assert office.name == expected


def test_unverified_contacts_are_left_empty_not_invented() -> None:
    # Until someone fills in a verified contact, the shared facts say: none are verified.
    for office in offices.offices().values():
        assert not (office.street or office.phone or office.email or office.hours), office.county_code


def test_asset_is_derived_from_the_pinned_package_and_credits_odbl() -> None:
    header = postcodes.ASSET.read_text("utf-8").splitlines()[:4]
    assert any("countrystatecity-postal-codes 2.0.1" in line for line in header)
    assert any("ODbL" in line for line in header)
    assert postcodes.pinned_version() == "2.0.1"


def test_asset_has_every_package_row_and_no_more() -> None:
    rows = {(r["county"], r["settlement"], code) for r in asset_rows() for code in r["postcodes"].split()}
    assert rows == set(postcodes.hungarian_rows())
    assert len(rows) == 3569  # Hungary's rows in the pinned package


def test_asset_stays_under_60_kb_compressed() -> None:
    assert len(gzip.compress(postcodes.ASSET.read_bytes(), 9)) < 60_000


def test_generate_is_idempotent(tmp_path) -> None:
    target = tmp_path / "hu_postcodes.csv"
    postcodes.generate(target)
    first = target.stat().st_mtime_ns
    postcodes.generate(target)
    assert target.stat().st_mtime_ns == first
    assert target.read_text("utf-8") == postcodes.ASSET.read_text("utf-8")


def test_generated_asset_is_world_readable_as_it_is_published(tmp_path) -> None:
    target = tmp_path / "hu_postcodes.csv"
    postcodes.generate(target)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o600)  # as an earlier version left it
    postcodes.generate(target)
    assert target.stat().st_mode & 0o777 == 0o644


def test_generator_refuses_unexpected_county_codes(monkeypatch) -> None:
    class Row:
        code, stateCode, localityName = "9999", "XX", "Sehol"

    import countrystatecity_postal_codes

    monkeypatch.setattr(countrystatecity_postal_codes, "get_postcodes_of_country", lambda country: [Row()])
    with pytest.raises(postcodes.UnexpectedData):
        postcodes.hungarian_rows()


# --- postcodes --------------------------------------------------------------------------------


def test_postcode_gives_the_county_office() -> None:
    out = run("9021")
    assert out["status"] == "answer"
    assert out["data"]["county"] == "GS"
    assert out["data"]["settlements"] == ["Győr"]
    assert out["data"]["office"]["name"] == "Győr-Moson-Sopron Vármegyei Kormányhivatal"
    assert out["answer"]["headline"] == "Your office: Győr-Moson-Sopron Vármegyei Kormányhivatal"


@pytest.mark.parametrize(("postcode", "district"), [("1132", "XIII"), ("1007", "XIII"), ("1011", "I"),
                                                    ("1239", "XXIII")])
def test_budapest_postcodes_name_the_district(postcode: str, district: str) -> None:
    out = run(postcode)
    assert out["data"]["county"] == "BU"
    assert out["data"]["settlements"] == [f"Budapest {district}. kerület"]
    assert f"Postcode {postcode}: Budapest, district {district}" in out["answer"]["facts"]


def test_postcode_with_several_settlements_in_one_county_answers_at_once() -> None:
    out = run("7400")
    assert out["data"]["settlements"] == ["Kaposvár", "Zselickislak"]
    assert out["data"]["county"] == "SO"
    assert out["choices"] == {} and "choices" not in out["data"]
    assert "Postcode 7400: Kaposvár, Zselickislak" in out["answer"]["facts"]


def two_county_gazetteer() -> offices.Gazetteer:
    return offices.Gazetteer.from_rows([("PE", "Elsőfalu", ["2999"]), ("FE", "Másodfalu", ["2999"]),
                                        ("FE", "Harmadfalu", ["8999"])])


def test_postcode_across_two_counties_asks_the_reader_to_pick() -> None:
    g = two_county_gazetteer()
    found = offices.find("2999", g=g)
    assert found.needs_pick and found.office is None
    assert found.choices == ["Elsőfalu", "Másodfalu"]
    picked = offices.find("2999", "Másodfalu", g=g)
    assert picked.office.county_code == "FE" and picked.settlements == ["Másodfalu"]
    assert picked.choices == ["Elsőfalu", "Másodfalu"]  # still offered: the pick can be changed
    assert offices.find("2999", "Harmadfalu", g=g).needs_pick  # a pick from elsewhere is ignored


@pytest.mark.parametrize("typed", [" 9021 ", "９０２１", "H-9021", "h 9021", "9021 Győr", "9 021", "\u200b9021"])
def test_postcode_spellings_people_type(typed: str) -> None:
    assert run(typed)["data"]["county"] == "GS"


@pytest.mark.parametrize(("typed", "code"), [
    ("0000", "unknown-postcode"), ("1300", "unknown-postcode"), ("12345", "wrong-length"),
    ("123", "wrong-length"), ("abcd", "not-found"), ("90a1", "wrong-shape"), ("x", "too-short"),
    ("!!!", "wrong-shape"), ("9" * 2000, "too-long"),
])
def test_bad_input_gets_a_clear_problem(typed: str, code: str) -> None:
    out = run(typed)
    assert out["status"] == "problems"
    assert [e["code"] for e in out["errors"]] == [code]
    assert out["errors"][0]["field"] == "query"
    assert out["answer"] is None


def test_empty_input_is_not_an_answer_yet_but_says_what_to_type() -> None:
    for typed in ("", "   ", "\u200b"):
        out = run(typed)
        assert out["status"] == "empty"
        assert out["errors"][0]["code"] == "empty"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_messages_are_translated(lang: str) -> None:
    for typed in ("0000", "12345", "abcd", ""):
        english, translated = run(typed)["errors"][0], run(typed, lang=lang)["errors"][0]
        assert translated["message"] != english["message"], (lang, typed)
    assert run("9021", lang=lang)["answer"]["headline"] != run("9021")["answer"]["headline"]


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Győr", "gyor", "GYŐR", "GYOR", unicodedata.normalize("NFD", "Győr"),
                                   "  győr  "])
def test_name_search_ignores_accents_and_case(typed: str) -> None:
    out = run(typed)
    assert out["data"]["settlements"] == ["Győr"]
    assert out["data"]["county"] == "GS"


def test_near_spelling_offers_the_closest_matches() -> None:
    out = run("szekesfehervr")
    assert out["data"]["settlements"] == ["Székesfehérvár"]  # a single close match answers
    out = run("kecskemt")
    assert out["data"]["office"] is None
    assert [c["value"] for c in out["choices"]["pick"]][:1] == ["Kecskemét"]
    picked = run("kecskemt", "Kecskemét")
    assert picked["data"]["county"] == "BK"


def test_look_alike_names_in_two_counties_ask_which() -> None:
    out = run("komlo")
    assert out["data"]["office"] is None
    assert out["choices"]["pick"] == [{"value": "Komló", "label": "Komló (Baranya)"},
                                              {"value": "Kömlő", "label": "Kömlő (Heves)"}]
    assert run("komlo", "Kömlő")["data"]["county"] == "HE"
    assert run("Kömlő")["data"]["county"] == "HE"  # typed exactly: no question


def test_look_alike_names_in_one_county_answer_at_once() -> None:
    out = run("komoro")
    assert set(out["data"]["settlements"]) == {"Komoró", "Kömörő"}
    assert out["data"]["county"] == "SZ"


@pytest.mark.parametrize(("typed", "settlements", "county"), [
    ("Budapest", ["Budapest"], "BU"),
    ("budapest xiii", ["Budapest XIII. kerület"], "BU"),
    ("Budapest 13. ker.", ["Budapest XIII. kerület"], "BU"),
    ("god", ["Göd"], "PE"),
    ("alsogod", ["Göd, Alsógöd"], "PE"),
])
def test_budapest_districts_and_parts_of_settlements(typed: str, settlements: list[str], county: str) -> None:
    out = run(typed)
    assert out["data"]["settlements"] == settlements
    assert out["data"]["county"] == county


def test_partial_name_lists_what_it_starts() -> None:
    values = [c["value"] for c in run("gyo")["choices"]["pick"]]
    assert "Győr" in values and len(values) <= offices.MAX_CHOICES


# --- the answer ---------------------------------------------------------------------------------


def test_answer_shows_source_checked_date_and_official_and_map_links() -> None:
    answer = run("9021")["answer"]
    assert any("Last checked: 22 November 2026" in f for f in answer["facts"])  # as English writes dates
    hrefs = [link["href"] for link in answer["links"]]
    assert hrefs[0] == offices.NATIONAL_PROCEDURE_URL
    assert hrefs[1] == ("https://www.openstreetmap.org/search?query="
                        "Gy%C5%91r-Moson-Sopron%20V%C3%A1rmegyei%20Korm%C3%A1nyhivatal%2C%20Gy%C5%91r")
    assert [s["code"] for s in answer["why"]] == ["residence", "county", "department"]
    assert any("not verify" in n for n in answer["notes"])


def test_the_why_names_neaks_page_by_its_registry_title_not_a_seed_number() -> None:
    from calculators.core import sources

    residence = run("9021")["answer"]["why"][0]
    assert residence["source"] == f"{sources.source('neak-self-notification').title}; Tbj. 22. §"
    assert "003" not in residence["source"] and "source page" not in residence["source"]


def test_a_filled_in_contact_shows_at_once(monkeypatch) -> None:
    verified = replace(offices.offices()["GS"], postcode="9000", street="Példa utca 1.", phone="+36 1 234 5678",
                       email="info@example.hu", hours="H–P 8–12", url="https://example.hu/gs")
    every = {**offices.offices(), "GS": verified}
    monkeypatch.setattr(offices, "offices", lambda: every)
    out = run("9021")
    facts = out["answer"]["facts"]
    assert "Postal address: 9000 Győr, Példa utca 1." in facts
    assert "Phone: +36 1 234 5678" in facts and "E-mail: info@example.hu" in facts
    assert "Opening hours: H–P 8–12" in facts
    assert out["data"]["office"]["url"] == "https://example.hu/gs"
    assert out["answer"]["links"][1]["href"].endswith("query=9000%20Gy%C5%91r%2C%20P%C3%A9lda%20utca%201.")
    assert not out["answer"]["notes"]


def test_the_widget_renders_on_any_page_in_every_language() -> None:
    from macros import render_macros

    for lang in LANGUAGES:
        html = render_macros('Text\n\n{{ calculator("office-finder") }}\n', lang)
        assert 'data-calculator="office-finder"' in html
        assert "data-choices" in html and 'name="query"' in html


def test_find_raises_only_its_own_errors() -> None:
    with pytest.raises(offices.NothingTyped):
        offices.find("")
    with pytest.raises(InvalidInput):
        offices.find("0000")


@pytest.mark.parametrize(("lang", "written"), [("en", "22 November 2026"), ("hu", "2026. 11. 22."),
                                               ("pl", "22.11.2026"), ("vi", "22/11/2026")])
def test_last_checked_is_written_the_pages_way(lang: str, written: str) -> None:
    from calculators import web

    answer = web.run("office-finder", {"query": "9021"}, lang, "2026-11-22")["answer"]
    assert any(written in fact for fact in answer["facts"]), answer["facts"]
