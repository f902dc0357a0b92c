"""Input hygiene shared by every calculator: huge date parts and invisible direction marks."""

from __future__ import annotations

import pytest

from calculators import web
from calculators.core.cleaning import clean, parse_date
from calculators.rules.hu.offices import office_finder as offices

TODAY = "2026-03-01"
# Above what a C int holds (2,147,483,647): Python's date() raises OverflowError, not ValueError.
HUGE_PARTS = ["2024-01-9999999999", "2024-01-2147483648", "2024-99999999999-01", "2024-01-" + "9" * 30]


@pytest.mark.parametrize("text", HUGE_PARTS)
def test_a_huge_date_part_is_no_such_day_not_an_overflow(text):
    with pytest.raises(ValueError, match="no-such-day"):
        parse_date(text)


@pytest.mark.parametrize("text", HUGE_PARTS)
@pytest.mark.parametrize(("name", "field"), [("validators", "birth_date"), ("eligibility", "birth_date"),
                                             ("eligibility", "on"), ("coverage-end", "first_day")])
def test_a_huge_date_part_is_a_field_problem_in_every_calculator(name, field, text):
    values = {"kind": "taj", "value": "1", "first_day": "2024-01-01", "last_day": "2024-01-02",
              "residence": "hu-citizen-address", "work_capacity_change": "60", field: text}
    outcome = web.run(name, values, "en", TODAY)
    assert outcome["status"] == "problems"
    assert any(e.get("field") == field for e in outcome["errors"]), outcome["errors"]


# Direction marks: LRM, RLM, the embeddings and overrides, the isolates, and Arabic's letter mark.
DIRECTION_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"


@pytest.mark.parametrize("mark", DIRECTION_MARKS)
def test_direction_marks_are_removed_like_other_invisible_characters(mark):
    assert clean(f"{mark}123 456{mark}788{mark}") == "123 456788"


@pytest.mark.parametrize("mark", DIRECTION_MARKS)
def test_a_valid_taj_with_a_direction_mark_is_valid(mark):
    outcome = web.run("validators", {"kind": "taj", "value": f"123 456 788{mark}"}, "en", TODAY)
    assert outcome["data"]["valid"] is True, outcome["errors"]


@pytest.mark.parametrize("mark", DIRECTION_MARKS)
def test_a_postcode_with_a_direction_mark_is_found(mark):
    assert offices.find(f"{mark}9021").county == "GS"


@pytest.mark.parametrize("char", ["\u0000", "\u0007", "\u001b", "\u202e", "\u200e", "\u00ad", "\ue000", "\u2028"])
def test_no_control_or_format_character_is_echoed_into_a_message(char):
    outcome = web.run("validators", {"kind": "ugyfelkapu-username", "value": f"Minta{char}név1"}, "en", TODAY)
    for error in outcome["errors"]:
        text = error["message"] + error.get("hint", "")
        assert all(c.isprintable() for c in text), repr(text)


def test_a_lone_surrogate_becomes_a_replacement_character():
    assert clean("12\udcff3\ud800") == "12\ufffd3\ufffd"
