"""The identifier validators: worked examples, check-digit arithmetic, input hygiene, properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import examples
from calculators.core.cleaning import parse_date
from calculators.rules.hu.identifiers import HUNGARIAN_LETTERS, taj_check_digit
from calculators.rules.ru.identifiers import snils_check_number
from calculators.rules.validators import KINDS, validate
from calculators.rules.vn.identifiers import vn_province_codes

EXAMPLES = examples.load("validators")
TODAY = dt.date.fromisoformat(EXAMPLES["today"])


def _birth_date(values):
    return parse_date(values["birth_date"]) if "birth_date" in values else None


@pytest.mark.parametrize("example", EXAMPLES["example"], ids=lambda e: e["id"])
def test_worked_example(example):
    """The rule itself, below the form: validate() agrees with the example's data."""
    values, expect = example["values"], example["expect"]["data"]
    result = validate(values["kind"], values["value"], TODAY, _birth_date(values))
    assert result.valid is expect["valid"]
    assert result.normalized == expect["normalized"]
    assert [p.code for p in result.problems] == expect["problems"]


def test_examples_cover_every_kind_valid_and_invalid():
    for kind in KINDS:
        outcomes = {e["expect"]["data"]["valid"] for e in EXAMPLES["example"] if e["values"]["kind"] == kind}
        assert outcomes == {True, False}, kind


@pytest.mark.parametrize(("first_eight", "digit"), [("12345678", 8), ("00000000", 0), ("10000000", 3), ("01000000", 7)])
def test_taj_check_digit(first_eight, digit):
    assert taj_check_digit(first_eight) == digit


@pytest.mark.parametrize(
    ("first_nine", "check"),
    [
        ("112233445", 95),  # sum 95, under 100: the sum itself
        ("001326679", 0),  # sum 100: 00
        ("001508816", 0),  # sum 101: 00
        ("123456789", 64),  # sum 165, above 101: 165 mod 101 = 64
        ("017996174", 0),  # sum 201, above 101: 201 mod 101 = 100, which gives 00
    ],
)
def test_snils_check_number(first_nine, check):
    assert snils_check_number(first_nine) == check


def test_vn_province_codes_are_the_63_official_ones():
    codes = vn_province_codes()
    assert len(codes) == 63
    assert codes["001"] == "Hà Nội" and codes["079"] == "Hồ Chí Minh"
    assert all(len(c) == 3 and c.isdigit() for c in codes)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_huge_input_is_refused_with_a_clear_problem(kind):
    for value in ("1" * 10_000, "á" * 1_000_000, "\u200b" * 10_000 + "123"):
        result = validate(kind, value, TODAY)
        assert not result.valid and [p.code for p in result.problems] == ["too-long"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_empty_and_blank_input(kind):
    for value in ("", "   ", "\u200b\u00a0"):
        result = validate(kind, value, TODAY)
        assert not result.valid and [p.code for p in result.problems] == ["empty"]


def test_full_width_and_separators_normalise_the_same():
    assert validate("snils", "１１２－２３３－４４５　９５", TODAY).valid
    assert validate("vn-personal-id", "001\u200b090\u2013123456", TODAY).normalized == "001090123456"


def test_username_is_case_sensitive_and_counts_capitals_as_different():
    assert validate("ugyfelkapu-username", "aAaB", TODAY).valid
    assert not validate("ugyfelkapu-username", "aAaA", TODAY).valid


def test_vn_birth_year_this_year_is_fine_next_year_is_not():
    this_year = f"001{2 + 0}{TODAY.year % 100:02d}000001"
    next_year = f"0012{(TODAY.year + 1) % 100:02d}000001"
    assert validate("vn-personal-id", this_year, TODAY).valid
    assert [p.code for p in validate("vn-personal-id", next_year, TODAY).problems] == ["birth-year-in-future"]


# --- properties -----------------------------------------------------------------------------

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(sorted(KINDS)), value=any_text)
def test_no_input_raises_and_answers_are_consistent(kind, value):
    result = validate(kind, value, TODAY)
    assert result.valid == (not result.problems)
    for problem in result.problems:
        assert problem.code and problem.message.render("hu")


@settings(max_examples=200, deadline=None)
@given(value=st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=30))
def test_every_valid_username_satisfies_every_rule(value):
    result = validate("ugyfelkapu-username", value, TODAY)
    if result.valid:
        name = result.normalized
        assert len(name) >= 4 and len(set(name)) >= 3 and set(name) <= HUNGARIAN_LETTERS


@settings(max_examples=300, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=8, max_size=8), sep=st.sampled_from(["", " ", "-"]))
def test_every_taj_with_its_check_digit_is_valid_and_no_other(digits, sep):
    check = taj_check_digit(digits)
    assert validate("taj", f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}{check}", TODAY).valid
    wrong = (check + 1) % 10
    assert not validate("taj", f"{digits}{wrong}", TODAY).valid


@settings(max_examples=300, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_valid_snils_satisfies_the_check_rule(digits):
    check = snils_check_number(digits)
    assert 0 <= check <= 99
    result = validate("snils", f"{digits}{check:02d}", TODAY)
    assert result.valid


@settings(max_examples=300, deadline=None)
@given(value=st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_valid_vn_id_has_a_known_province_and_a_past_birth_year(value):
    result = validate("vn-personal-id", value, TODAY)
    if result.valid:
        assert value[:3] in vn_province_codes()
        assert 1900 + int(value[3]) // 2 * 100 + int(value[4:6]) <= TODAY.year
