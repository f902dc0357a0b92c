"""Office finder properties over the whole postcode set, and over arbitrary input."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kapu_build import postcodes

postcodes.generate()  # the asset is built, not committed

from calculators.core.i18n import LANGUAGES  # noqa: E402
from calculators.core.results import InvalidInput  # noqa: E402
from calculators.rules.hu.offices import office_finder as offices  # noqa: E402
from calculators.rules.hu.offices import office_finder_form  # noqa: E402

TODAY = dt.date(2026, 11, 23)
G = offices.gazetteer()
NAMES = sorted(G.groups)


def test_every_postcode_in_the_set_gives_its_countys_office() -> None:
    assert len(G.by_postcode) == 3045
    for code, places in G.by_postcode.items():
        found = offices.find(code)
        counties = {p.county for p in places}
        if len(counties) == 1:
            assert found.office is not None and found.office.county_code == counties.pop(), code
        else:  # none in the pinned data, but each pick must then give an office
            assert found.needs_pick
            for name in found.choices:
                assert offices.find(code, name).office is not None


def test_every_settlement_name_finds_itself_with_an_office() -> None:
    for name in NAMES:
        found = offices.find(name)
        assert name in found.settlements or name in found.choices, name
        chosen = offices.find(name, name)
        assert chosen.office is not None, name
        assert chosen.office.county_code == G.groups[name][0].county, name


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@given(st.sampled_from(NAMES), st.sampled_from([str.upper, str.lower, str.title, strip_accents,
                                                lambda s: unicodedata.normalize("NFD", s),
                                                lambda s: f"  {s.upper()}\u00a0"]))
def test_any_spelling_of_a_name_finds_it(name: str, spell) -> None:
    found = offices.find(spell(name))
    assert name in found.settlements or name in found.choices


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=20), st.sampled_from(LANGUAGES))
def test_random_strings_never_raise(query: str, pick: str, lang: str) -> None:
    out = office_finder_form.run({"query": query, "pick": pick}, TODAY).as_dict(lang)
    assert out["status"] in {"empty", "answer", "problems"}
    if out["status"] == "answer":
        assert out["answer"]["headline"]
        assert (out["data"]["office"] is None) == (bool(out["choices"]) and out["answer"]["tone"] == "neutral")
    else:
        assert out["errors"] and all(e["message"] for e in out["errors"])


@given(st.text(alphabet="0123456789０１２３４５６７８９ -Hh", max_size=12))
def test_digit_strings_are_an_office_or_a_problem(query: str) -> None:
    try:
        found = offices.find(query)
    except (offices.NothingTyped, InvalidInput):
        return
    assert found.office is not None
